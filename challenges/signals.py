from django.db.models import F
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import partnership_changed

from .models import LearningChallengePage, PublicationStamp


@receiver(page_published, sender=LearningChallengePage)
def bump_version(sender, instance, **kwargs):
    """`version` is +1 at each publish (imports and upstream updates compare it)."""
    LearningChallengePage.objects.filter(pk=instance.pk).update(version=F("version") + 1)
    instance.refresh_from_db(fields=["version"])


@receiver(post_page_move)
def rederive_ownership_after_move(sender, instance, **kwargs):
    """A moved school or challenge may now belong to another trust or school."""
    moved = LearningChallengePage.objects.descendant_of(instance, inclusive=True)
    for challenge in moved.only("pk", "path", "depth", "visibility"):
        challenge.derive_ownership()
        LearningChallengePage.objects.filter(pk=challenge.pk).update(
            trust=challenge.trust, school=challenge.school, audience=challenge.audience
        )


@receiver(page_published, sender=LearningChallengePage)
@receiver(page_unpublished, sender=LearningChallengePage)
@receiver(post_delete, sender=LearningChallengePage)
@receiver(post_page_move)
def public_content_changed(sender, **kwargs):
    """Invalidates every cached channel (their ETags derive from this stamp)."""
    PublicationStamp.bump()


@receiver(partnership_changed)
def partner_audience_changed(sender, **kwargs):
    """Partner content is read per request from the partnership's state; cached channels and
    conditional requests keyed on the stamp must not answer from before the change."""
    PublicationStamp.bump()
