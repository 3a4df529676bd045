"""Index writes that could not reach an implementation are recorded (PendingIndexWork) and
replayed from the database once it answers again: before its next write, and by
`manage.py search_index replay`. Nothing is ever swallowed."""

import logging

from django.db import transaction

from search.backends import SearchUnavailable
from search.indexing.documents import (
    build_documents,
    cards_awaiting_their_image,
    live_challenges,
)
from search.models import PendingIndexWork

logger = logging.getLogger("search")


def record(implementation, page_ids, error):
    page_ids = sorted(set(page_ids))
    logger.error(
        "Could not write %d challenge(s) to %s (%s); recorded to replay", len(page_ids),
        implementation.name, error,
    )  # fmt: skip
    with transaction.atomic():
        for page_id in page_ids:
            PendingIndexWork.objects.update_or_create(
                implementation=implementation.name, page_id=page_id
            )


def retry_cards_awaiting_images(implementation, challenges, documents):
    """Written, but some cards lack their image (the file store was down): recorded like a
    failed write, so the next index write rebuilds them, and they get it once S3 answers."""
    page_ids = cards_awaiting_their_image(challenges, documents)
    if not page_ids:
        return
    logger.warning(
        "%d card(s) in %s went without their image (file store down); indexed again at the "
        "next write", len(page_ids), implementation.name,
    )  # fmt: skip
    with transaction.atomic():
        for page_id in page_ids:
            PendingIndexWork.objects.update_or_create(
                implementation=implementation.name, page_id=page_id
            )


def pending_count(implementation):
    return PendingIndexWork.objects.filter(implementation=implementation.name).count()


def replay(implementation):
    """Brings every recorded challenge up to date in this implementation; the number replayed.

    Raises SearchUnavailable (and keeps the record) if the implementation still fails.
    """
    rows = list(
        PendingIndexWork.objects.filter(implementation=implementation.name).values_list(
            "pk", "page_id"
        )
    )
    if not rows:
        return 0
    page_ids = {page_id for _, page_id in rows}
    challenges = list(live_challenges().filter(pk__in=page_ids))
    documents = list(build_documents(challenges))
    implementation.index(documents)
    gone = page_ids - {challenge.pk for challenge in challenges}
    if gone:
        implementation.remove(sorted(gone))
    # Only the rows read: work recorded meanwhile waits for the next replay.
    PendingIndexWork.objects.filter(pk__in=[pk for pk, _ in rows]).delete()
    retry_cards_awaiting_images(implementation, challenges, documents)
    logger.info("Replayed %d challenge(s) into %s", len(page_ids), implementation.name)
    return len(page_ids)


def write(implementation, page_ids, do_write):
    """Runs one index write, first replaying what earlier failures left; on failure, records."""
    try:
        if PendingIndexWork.objects.filter(implementation=implementation.name).exists():
            replay(implementation)
        do_write()
    except SearchUnavailable as error:
        record(implementation, page_ids, error)
