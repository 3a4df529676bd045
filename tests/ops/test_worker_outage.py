"""The task worker absent (refused: no worker process) and hanging (its process stopped), then
back: pages and embeds serve within 2 s, a publish returns without waiting for it and is kept,
its reindexing and the embed-count flush wait in the database, /healthz reports the backlog
(without a 503: nothing is down, work is late) and the log asks whether a worker runs, and
the queued work runs once a worker answers."""

import os
import signal

import pytest

from challenges.embed_stats.tasks import flush_embed_views_task
from tests.ops.net import wait_for
from tests.ops.outage_checks import (
    admin_dashboard,
    assert_public_paths_serve,
    healthz,
    live_title,
    publish_retitled_through_admin,
)
from tests.ops.test_task_worker import (
    DATABASE_TASKS,
    finished,
    found,
    view_embed,
    views_in_database,
    worker,
)

pytestmark = [
    pytest.mark.postgres,  # the worker process reads the test's database
    pytest.mark.redis,  # and the embed counts the test's process put in the shared cache
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def while_no_worker_answers(library, caplog, label):
    """Work queued while no worker answers; returns the queued flush."""
    challenge = library.public
    view_embed(challenge, 2)
    flush = flush_embed_views_task.enqueue()
    response, seconds = publish_retitled_through_admin(
        library.moderator_a, challenge, "Hedgehog hotel"
    )
    assert response.status_code == 302 and seconds < 5  # did not wait for a worker
    assert live_title(challenge) == "Hedgehog hotel"
    assert_public_paths_serve(challenge, label, must_show="Hedgehog hotel")
    flush.refresh()
    assert flush.status.name == "READY"
    assert not found("hedgehog hotel") and views_in_database(challenge) == 0  # waiting

    status, health = healthz()
    assert status == 200  # late work is not an outage of the site
    assert health["tasks"]["queued"] >= 2  # the flush and the reindexing
    assert health["tasks"]["oldest_seconds"] >= 0
    assert "is a task worker running?" in caplog.text
    assert "whether the task worker runs" in admin_dashboard(library.moderator_a)
    return flush


def once_a_worker_answers(library, flush):
    assert wait_for(lambda: finished(flush) and found("hedgehog hotel"), 30), "queued work not run"
    assert views_in_database(library.public) >= 2  # the two views (and the checks' own)
    assert healthz()[1]["tasks"]["queued"] == 0
    assert "whether the task worker runs" not in admin_dashboard(library.moderator_a)


def test_no_worker_then_one_starts(library, settings, caplog):
    settings.TASKS = DATABASE_TASKS
    settings.TASKS_BACKLOG_WARNING_SECONDS = 0
    flush = while_no_worker_answers(library, caplog, "no worker")
    with worker(settings):
        once_a_worker_answers(library, flush)


def test_a_hung_worker_then_it_resumes(library, settings, caplog):
    settings.TASKS = DATABASE_TASKS
    settings.TASKS_BACKLOG_WARNING_SECONDS = 0
    with worker(settings) as process:
        running = flush_embed_views_task.enqueue()
        assert wait_for(lambda: finished(running), 30), "the worker did not start"
        os.killpg(process.pid, signal.SIGSTOP)  # hung: alive, holding its place, doing nothing
        try:
            flush = while_no_worker_answers(library, caplog, "worker hung")
        finally:
            os.killpg(process.pid, signal.SIGCONT)
        once_a_worker_answers(library, flush)
