"""What `challenges` does when Wagtail publishes, unpublishes, moves or deletes pages.

Connected in ChallengesConfig.ready().
"""

from django.db.models import F

from .models import LearningChallengePage, PublicationStamp
from .signals import ownership_rederived


def challenge_published(sender, instance, **kwargs):
    """`version` is +1 at each publish (imports and upstream updates compare it); the audience
    was derived from the visibility on save, so followers may now read it."""
    LearningChallengePage.objects.filter(pk=instance.pk).update(version=F("version") + 1)
    instance.refresh_from_db(fields=["version"])
    ownership_rederived.send(LearningChallengePage, page_ids=[instance.pk], published=True)


def rederive_ownership_after_move(sender, instance, **kwargs):
    """A moved school or challenge may now belong to another trust or school."""
    moved = LearningChallengePage.objects.descendant_of(instance, inclusive=True)
    page_ids = []
    for challenge in moved.only("pk", "path", "depth", "visibility"):
        challenge.derive_ownership()
        LearningChallengePage.objects.filter(pk=challenge.pk).update(
            trust=challenge.trust, school=challenge.school, audience=challenge.audience
        )
        page_ids.append(challenge.pk)
    if page_ids:
        ownership_rederived.send(LearningChallengePage, page_ids=page_ids, published=False)


def public_content_changed(sender, **kwargs):
    """Invalidates every cached channel (their ETags derive from this stamp)."""
    PublicationStamp.bump()
