"""How search follows publishing: `challenges`' own signal for new and moved challenges, Wagtail's
for unpublished and deleted ones. Connected in SearchConfig.ready()."""

from search.indexing.tasks import index_challenges
from search.indexing.updates import follow_new_audience, origin_ids, remove_now


def ownership_rederived(sender, page_ids, published, **kwargs):
    follow_new_audience(page_ids, published)


def challenge_unpublished(sender, instance, **kwargs):
    remove_now([instance.pk])
    origins = origin_ids([instance])
    if origins:
        index_challenges.enqueue(origins)


def challenge_deleted(sender, instance, **kwargs):
    remove_now([instance.pk])


def challenges_changed(sender, page_ids, **kwargs):
    """A file's credit or flags, or a school's name, changed: cards are rebuilt before we return
    (a photo newly marked as showing pupils must leave the widget and feed at once)."""
    index_challenges.call(list(page_ids))


def labels_changed(sender, page_ids, **kwargs):
    """A subject, theme or tag was renamed or deleted: its challenges are reindexed the way a
    publish reindexes (live ones only; through the task queue)."""
    index_challenges.enqueue(list(page_ids))
