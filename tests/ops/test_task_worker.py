"""The task worker: a real `manage.py db_worker` process runs queued work; stopped, it loses none.

Everything else in the suite runs tasks inline (the immediate backend); only this test queues
them in the database (django-tasks-db) for a worker process on the same test database.
"""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client

from challenges.embed_stats.counter import push_buffered_views
from challenges.embed_stats.tasks import flush_embed_views_task
from challenges.filters import ChallengeQuery
from challenges.models import EmbedView
from search.backends import get_search
from tests.ops.net import wait_for

pytestmark = [
    pytest.mark.postgres,  # the worker process reads the test's database
    pytest.mark.redis,  # and the embed counts the test's process put in the shared cache
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"


@contextmanager
def worker(settings, front_cache=False):
    """A `db_worker` process on the test's database; `front_cache`: it purges Varnish too."""
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "library.settings.test",
        "TASKS_BACKEND": "database",
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
            f"{database['PORT']}/{database['NAME']}"
        ),
        "CACHE_KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"],
    }
    if front_cache:
        env["TEST_FRONT_CACHE"] = "1"
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        env=env, start_new_session=True,
    )  # fmt: skip
    try:
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)


def view_embed(challenge, times):
    client = Client()
    for _ in range(times):
        response = client.get(
            f"/embed/challenges/{challenge.uid}/",
            HTTP_REFERER="https://www.ash-primary.example/", HTTP_USER_AGENT=BROWSER,
        )  # fmt: skip
        assert response.status_code == 200
    push_buffered_views()  # what a web process does within a second: the worker reads the cache


def views_in_database(challenge):
    return sum(EmbedView.objects.filter(challenge=challenge).values_list("views", flat=True))


def finished(result):
    result.refresh()
    return result.status.name == "SUCCESSFUL"


def found(words):
    page = get_search().search(ChallengeQuery(q=words), AnonymousUser())
    return any(words in card["title"].lower() for card in page.results)


def test_queued_work_waits_for_the_worker_and_runs_when_it_is_back(library, settings):
    settings.TASKS = DATABASE_TASKS
    settings.EMBED_VIEWS_FLUSH_SECONDS = 0  # only the task flushes
    challenge = library.public

    view_embed(challenge, 3)
    first = flush_embed_views_task.enqueue()
    time.sleep(0.5)
    first.refresh()
    assert first.status.name == "READY" and views_in_database(challenge) == 0  # nobody ran it

    with worker(settings):
        assert wait_for(lambda: finished(first), 30), "the worker did not run the queued flush"
    assert views_in_database(challenge) == 3

    # The worker is stopped: a publish (reindexing) and more views queue up and wait.
    view_embed(challenge, 2)
    page = challenge.specific
    page.title = "Hedgehog hotel"
    page.save_revision().publish()
    second = flush_embed_views_task.enqueue()
    time.sleep(0.5)
    second.refresh()
    assert second.status.name == "READY"
    assert not found("hedgehog hotel") and views_in_database(challenge) == 3

    with worker(settings):
        assert wait_for(lambda: finished(second) and found("hedgehog hotel"), 30)
    assert views_in_database(challenge) == 5
