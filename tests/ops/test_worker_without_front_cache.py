"""A task worker started without VARNISH_URL never completes purges silently: the web processes
queued them for a front cache, so each one fails, saying in the worker's log what is missing."""

import logging

import pytest
from django_tasks_db.models import DBTaskResult

from challenges.channels.front_cache import purge_front_cache
from tests.helpers import publish
from tests.ops.net import wait_for
from tests.ops.test_task_worker import DATABASE_TASKS, worker

URLS = ["http://www.alder.example/alder/ash/bug-hotel/", "http://www.alder.example/embed/list/"]


def test_a_purge_run_without_a_front_cache_fails_saying_so_in_the_log(db, settings, caplog):
    settings.WAGTAILFRONTENDCACHE = {}  # a worker whose environment has no VARNISH_URL
    with caplog.at_level(logging.INFO, logger="django_tasks"):
        result = purge_front_cache.enqueue(URLS)

    assert result.status.name == "FAILED"
    assert "2 front-cache purges NOT sent: this worker has no VARNISH_URL" in caplog.text
    assert "FrontCacheNotConfigured" in result.errors[0].exception_class_path


class RecordingBackend:
    """A front cache that keeps what it was asked to purge (Varnish itself: the varnish suite)."""

    sent = []

    def __init__(self, params):
        pass

    def invalidates_hostname(self, hostname):
        return True

    def purge_batch(self, urls):
        self.sent.extend(urls)


def test_a_purge_run_with_a_front_cache_sends_every_url(db, settings):
    settings.WAGTAILFRONTENDCACHE = {"varnish": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.sent.clear()
    result = purge_front_cache.enqueue(URLS)

    assert result.status.name == "SUCCESSFUL"
    assert sorted(RecordingBackend.sent) == sorted(URLS)


@pytest.mark.postgres  # the worker process reads the test's database
@pytest.mark.redis  # and shares its cache (as every worker of tests/ops does)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_started_without_varnish_url_fails_the_queued_purges(library, settings):
    """The web process has a front cache and queues the purges of a publish; the worker that
    runs them has none (`worker()` without front_cache: the test settings drop VARNISH_URL)."""
    settings.TASKS = DATABASE_TASKS
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "library.front_cache.TimedHTTPBackend",
                    "LOCATION": "http://127.0.0.1:9"}
    }  # fmt: skip
    publish(library.public, title="Bug hotel for hedgehogs")
    purge = DBTaskResult.objects.get(task_path=purge_front_cache.module_path)
    assert purge.status == "READY"

    with worker(settings):
        assert wait_for(lambda: purge_status(purge) in ("FAILED", "SUCCESSFUL"), 30)
    assert purge.status == "FAILED"
    assert "this worker has no VARNISH_URL" in purge.traceback


def purge_status(purge):
    purge.refresh_from_db()
    return purge.status
