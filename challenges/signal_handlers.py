"""What `challenges` does when Wagtail publishes, unpublishes, moves or deletes pages.

Connected in ChallengesConfig.ready().
"""

from django.db.models import F

from challenges.channels import front_cache
from challenges.media.usage import challenges_using
from challenges.models import ChallengeImage, LearningChallengePage, PublicationStamp
from challenges.signals import challenges_changed, labels_changed, ownership_rederived

# What channels show of a file: cards, embeds, pages, credits, and whether it may leave here.
SHOWN_MEDIA_FIELDS = ("file", "title", "description", "credit", "licence", "shows_pupils")


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


def _shown(instance):
    return {
        name: str(getattr(instance, name, "")) for name in SHOWN_MEDIA_FIELDS
    }  # documents: no description


def remember_shown_media(sender, instance, raw=False, **kwargs):
    before = sender.objects.filter(pk=instance.pk).first() if instance.pk and not raw else None
    instance._shown_before = _shown(before) if before else None


def media_changed(sender, instance, created, raw=False, **kwargs):
    """An image's or document's credit, licence, alt text, pupil flag or file changed: every
    live challenge using it (hero image or activities) is re-indexed and purged."""
    if created or raw or getattr(instance, "_shown_before", None) == _shown(instance):
        return
    page_ids = challenges_using("image" if sender is ChallengeImage else "document", instance.pk)
    _refresh(page_ids)
    if page_ids:
        front_cache.purge_after_commit(LearningChallengePage.objects.filter(pk__in=page_ids))


def media_deleted(sender, instance, **kwargs):
    _refresh([])  # the stamp invalidates every cached render that showed it


def organisation_published(sender, instance, **kwargs):
    """A school's or trust's name, slug or accent colour shows on every challenge beneath it."""
    beneath = LearningChallengePage.objects.live().descendant_of(instance)
    _refresh(list(beneath.values_list("pk", flat=True)))


def _refresh(page_ids):
    PublicationStamp.bump()  # every cached channel (ETags, renders, media rules) derives from it
    if page_ids:
        challenges_changed.send(LearningChallengePage, page_ids=page_ids)


def purge_front_cache_of_page(sender, instance, **kwargs):
    """Before a delete or move its current URLs, after a move or publish its new ones."""
    front_cache.purge_after_commit([instance])


def purge_front_cache_of_term(sender, instance, raw=False, **kwargs):
    """A subject's, theme's or tag's name shows on each live challenge it labels (pages, embeds,
    API, cards, facets): before a delete the ones it labels now, after a save the same. A term
    that labels no live challenge shows nowhere the front cache keeps."""
    if raw or not front_cache.enabled():
        return
    challenges = list(front_cache.labelled_with(instance))
    if challenges:
        front_cache.purge_after_commit(challenges)


def remember_labelled(sender, instance, raw=False, **kwargs):
    """Before a term goes (its links with them cascade away), the challenges it labels now."""
    if not raw and instance.pk:
        instance._labelled_ids = list(
            front_cache.labelled_with(instance).values_list("pk", flat=True)
        )


def term_relabelled(sender, instance, raw=False, **kwargs):
    """A subject's, theme's or tag's name is part of the search text of each live challenge it
    labels: a rename or delete reaches them (a save that changes nothing costs a reindex)."""
    if raw or kwargs.get("created"):
        return  # a new term labels nothing yet
    page_ids = getattr(instance, "_labelled_ids", None)
    if page_ids is None:
        page_ids = list(front_cache.labelled_with(instance).values_list("pk", flat=True))
    if page_ids:
        labels_changed.send(LearningChallengePage, page_ids=page_ids)


def image_deleted(sender, instance, **kwargs):
    """Before an image goes, the pages showing it as their hero are purged (what a save changes
    is media_changed's: only when something channels show changed)."""
    challenges = list(LearningChallengePage.objects.live().filter(hero_image=instance))
    if challenges:
        PublicationStamp.bump()
        front_cache.purge_after_commit(challenges)


def translations_follow_unpublish(sender, instance, **kwargs):
    """A translation is exactly as visible as its original: unpublishing the original takes its
    translations down at once (they stay as drafts, to publish again with it)."""
    if instance.is_translation:
        return
    for translation in LearningChallengePage.objects.translations_of(instance).live():
        translation.unpublish()
