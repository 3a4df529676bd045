from django.db.models import F
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import Signal, receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import SchoolPage, TrustPage

from .media_use import challenges_using
from .models import ChallengeDocument, ChallengeImage, LearningChallengePage, PublicationStamp

# Sent with `page_ids` when what live challenges show changed outside their own publish (an
# image's credit or flags, a school's name or colour): search re-indexes them before returning.
challenges_changed = Signal()

# What channels show of a file: cards, embeds, pages, credits, and whether it may leave here.
SHOWN_MEDIA_FIELDS = ("file", "title", "description", "credit", "licence", "shows_pupils")


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


def _shown(instance):
    return {name: str(getattr(instance, name)) for name in SHOWN_MEDIA_FIELDS}


@receiver(pre_save, sender=ChallengeImage)
@receiver(pre_save, sender=ChallengeDocument)
def remember_shown_media(sender, instance, raw=False, **kwargs):
    before = sender.objects.filter(pk=instance.pk).first() if instance.pk and not raw else None
    instance._shown_before = _shown(before) if before else None


@receiver(post_save, sender=ChallengeImage)
@receiver(post_save, sender=ChallengeDocument)
def media_changed(sender, instance, created, raw=False, **kwargs):
    if created or raw or getattr(instance, "_shown_before", None) == _shown(instance):
        return
    _refresh(challenges_using("image" if sender is ChallengeImage else "document", instance.pk))


@receiver(post_delete, sender=ChallengeImage)
@receiver(post_delete, sender=ChallengeDocument)
def media_deleted(sender, instance, **kwargs):
    _refresh([])  # challenges keep no dangling file: the stamp invalidates every cached render


@receiver(page_published, sender=SchoolPage)
@receiver(page_published, sender=TrustPage)
def organisation_published(sender, instance, **kwargs):
    """A school's or trust's name, slug or accent colour shows on every challenge beneath it."""
    beneath = LearningChallengePage.objects.live().descendant_of(instance)
    _refresh(list(beneath.values_list("pk", flat=True)))


def _refresh(page_ids):
    PublicationStamp.bump()  # every cached channel (ETags, renders, media rules) derives from it
    if page_ids:
        challenges_changed.send(sender=LearningChallengePage, page_ids=page_ids)
