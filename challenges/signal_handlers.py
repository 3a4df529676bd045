"""What `challenges` does when Wagtail publishes, unpublishes, moves or deletes pages.

Connected in ChallengesConfig.ready().
"""

from django.db.models import F

from .channels import front_cache
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
    """Invalidates every cached channel and render (their keys derive from this stamp).

    Any page: a school's or trust's name and place show on its challenges' pages and embeds;
    subject, theme and year names show on every card and filter.
    """
    PublicationStamp.bump()


def purge_front_cache_of_page(sender, instance, **kwargs):
    """Before a delete or move its current URLs, after a move or publish its new ones."""
    front_cache.purge_after_commit([instance])


def image_changed(sender, instance, **kwargs):
    """A new file or credit of an image shows on the live challenges that use it."""
    challenges = list(LearningChallengePage.objects.live().filter(hero_image=instance))
    if challenges:
        PublicationStamp.bump()
        front_cache.purge_after_commit(challenges)
