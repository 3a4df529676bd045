"""Keeps every index in step with publishing. Removals and restrictions happen before the request
returns; (re)indexing a published challenge goes through a background task (inline in tests)."""

import logging

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from challenges.models import LearningChallengePage
from challenges.signals import challenges_changed

from . import pending
from .backends import indexes
from .tasks import index_challenges

logger = logging.getLogger("search")


def _each_index(page_ids, method, *args):
    """The write in every index; one that fails is recorded and replayed (search/pending.py)."""
    for implementation in indexes():
        pending.write(
            implementation, page_ids, lambda impl=implementation: getattr(impl, method)(*args)
        )


def remove_now(page_ids):
    page_ids = list(page_ids)
    _each_index(page_ids, "remove", page_ids)


def restrict_now(challenge):
    _each_index([challenge.pk], "restrict", challenge.pk, challenge.audience)


def _origin_ids(challenges):
    """Originals whose adaptation count may have changed."""
    uids = {c.adapted_from.get("uid") for c in challenges if c.adapted_from}
    return list(
        LearningChallengePage.objects.filter(uid__in=uids - {None}).values_list("pk", flat=True)
    )


@receiver(page_published, sender=LearningChallengePage)
def challenge_published(sender, instance, **kwargs):
    restrict_now(instance)  # a narrower audience must reach the index before we return
    index_challenges.enqueue([instance.pk] + _origin_ids([instance]))


@receiver(page_unpublished, sender=LearningChallengePage)
def challenge_unpublished(sender, instance, **kwargs):
    remove_now([instance.pk])
    origins = _origin_ids([instance])
    if origins:
        index_challenges.enqueue(origins)


@receiver(post_delete, sender=LearningChallengePage)
def challenge_deleted(sender, instance, **kwargs):
    remove_now([instance.pk])


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    """Moving a challenge, or a school with its challenges, may change owner and audience."""
    moved = LearningChallengePage.objects.descendant_of(instance, inclusive=True).live()
    for challenge in moved.only("pk", "audience"):
        restrict_now(challenge)
    index_challenges.enqueue(list(moved.values_list("pk", flat=True)))


@receiver(challenges_changed)
def challenges_shown_differently(sender, page_ids, **kwargs):
    """A file's credit or flags, or a school's name, changed: cards are rebuilt before we return
    (a photo newly marked as showing pupils must leave the widget and feed at once)."""
    index_challenges.call(list(page_ids))
