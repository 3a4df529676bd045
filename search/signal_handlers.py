"""How search follows publishing: `challenges`' own signal for new and moved challenges, Wagtail's
for unpublished and deleted ones. Connected in SearchConfig.ready()."""

from .indexing import follow_new_audience, origin_ids, remove_now
from .tasks import index_challenges


def ownership_rederived(sender, page_ids, published, **kwargs):
    follow_new_audience(page_ids, published)


def challenge_unpublished(sender, instance, **kwargs):
    remove_now([instance.pk])
    origins = origin_ids([instance])
    if origins:
        index_challenges.enqueue(origins)


def challenge_deleted(sender, instance, **kwargs):
    remove_now([instance.pk])
