"""Keeps every index in step with publishing. Removals and restrictions happen before the request
returns; (re)indexing a published challenge goes through a background task (inline in tests)."""

import logging

from challenges.models import LearningChallengePage

from .backends import SearchUnavailable, indexes
from .tasks import index_challenges

logger = logging.getLogger("search")


def _each_index(method, *args):
    for implementation in indexes():
        try:
            getattr(implementation, method)(*args)
        except SearchUnavailable as error:
            # The database index still answers; `search_index rebuild` catches Elasticsearch up.
            logger.error("Could not %s in %s: %s", method, implementation.name, error)


def remove_now(page_ids):
    _each_index("remove", list(page_ids))


def restrict_now(challenge):
    _each_index("restrict", challenge.pk, challenge.audience)


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
