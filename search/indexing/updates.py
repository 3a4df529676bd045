"""Keeps every index in step with publishing. Removals and restrictions happen before the request
returns; (re)indexing a published challenge goes through a background task (inline in tests)."""

import logging

from challenges.models import LearningChallengePage
from search.backends import indexes
from search.indexing import pending
from search.indexing.tasks import index_challenges

logger = logging.getLogger("search")


def _each_index(page_ids, method, *args):
    """The write in every index; one that fails is recorded and replayed (indexing/pending.py)."""
    for implementation in indexes():
        pending.write(
            implementation, page_ids, lambda impl=implementation: getattr(impl, method)(*args)
        )


def remove_now(page_ids):
    page_ids = list(page_ids)
    _each_index(page_ids, "remove", page_ids)


def restrict_now(challenge):
    _each_index([challenge.pk], "restrict", challenge.pk, challenge.audience)


def origin_ids(challenges):
    """Originals whose adaptation count may have changed."""
    uids = {c.adapted_from.get("uid") for c in challenges if c.adapted_from}
    return list(
        LearningChallengePage.objects.filter(uid__in=uids - {None}).values_list("pk", flat=True)
    )


def follow_new_audience(page_ids, published):
    """Challenges whose audience `challenges` has just re-derived: the new audience reaches the
    index before we return (a narrower one must never linger), then they are reindexed."""
    live = list(
        LearningChallengePage.objects.filter(pk__in=page_ids)
        .live()
        .only("pk", "audience", "adapted_from")
    )
    for challenge in live:
        restrict_now(challenge)
    reindex = [challenge.pk for challenge in live]
    if published:
        reindex += origin_ids(live)
    if reindex:
        index_challenges.enqueue(reindex)
