from django.db.models import F
from django.dispatch import receiver
from wagtail.signals import page_published, post_page_move

from .models import LearningChallengePage


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
