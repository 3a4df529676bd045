"""Background work of discovery (django-tasks; the immediate backend runs it inline)."""

import logging

from django_tasks import task

from search.backends import indexes
from search.indexing import pending
from search.indexing.documents import build_documents, live_challenges

logger = logging.getLogger("search")


@task()
def index_challenges(page_ids):
    """(Re)index live challenges; anything no longer live is removed instead."""
    challenges = list(live_challenges().filter(pk__in=page_ids))
    documents = list(build_documents(challenges))
    gone = set(page_ids) - {challenge.pk for challenge in challenges}
    for implementation in indexes():

        def write(implementation=implementation):
            implementation.index(documents)
            if gone:
                implementation.remove(sorted(gone))
            pending.retry_cards_awaiting_images(implementation, challenges, documents)

        pending.write(implementation, page_ids, write)
