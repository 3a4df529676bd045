from django.db.models import F
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import front_cache
from .models import (
    ChallengeImage,
    LearningChallengePage,
    PublicationStamp,
    Subject,
    Theme,
    YearGroup,
)


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


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_delete, sender=Page)
@receiver(post_page_move)
def public_content_changed(sender, **kwargs):
    """Invalidates every cached channel and render (their keys derive from this stamp).

    Any page: a school's or trust's name and place show on its challenges' pages and embeds.
    """
    PublicationStamp.bump()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(pre_delete, sender=Page)  # before: its URLs are gone afterwards
@receiver(pre_page_move)  # the old URLs
@receiver(post_page_move)  # the new ones
def purge_front_cache_of_page(sender, instance, **kwargs):
    front_cache.purge_after_commit([instance])


def _challenges_showing(image):
    return list(LearningChallengePage.objects.live().filter(hero_image=image))


@receiver(post_save, sender=ChallengeImage)
@receiver(pre_delete, sender=ChallengeImage)
def image_changed(sender, instance, **kwargs):
    """A new file, alt text or credit of an image shows on the live challenges that use it."""
    challenges = _challenges_showing(instance)
    if challenges:
        PublicationStamp.bump()
        front_cache.purge_after_commit(challenges)


@receiver(post_save, sender=Subject)
@receiver(post_save, sender=Theme)
@receiver(post_save, sender=YearGroup)
@receiver(post_delete, sender=Subject)
@receiver(post_delete, sender=Theme)
@receiver(post_delete, sender=YearGroup)
def taxonomy_changed(sender, **kwargs):
    """Subject, theme and year names show on every card and filter: render everything anew."""
    PublicationStamp.bump()
