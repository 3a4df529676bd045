"""Outages of the front cache and the shared cache: saves never hang, /healthz says what is down.

(Redis refused and hanging under page load: test_shared_cache.py; a stopped worker:
test_task_worker.py. Each of Redis, S3, Elasticsearch and the worker refused and hanging, then
back: test_redis_outage.py, test_s3_outage.py, test_elasticsearch_outage.py,
test_worker_outage.py.)
"""

import time

import pytest
from django.test import Client, override_settings

from tests.ops.net import free_port, hanging_server

pytestmark = pytest.mark.django_db


def front_cache_at(port):
    return {
        "varnish": {
            "BACKEND": "library.front_cache.TimedHTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
            "TIMEOUT": 1,
        }
    }


def publish_retitled(challenge, title, capture):
    page = challenge.specific
    page.title = title
    started = time.monotonic()
    with capture(execute=True):  # the purges run after commit
        page.save_revision().publish()
    return time.monotonic() - started


@pytest.mark.parametrize("outage", ["refused", "hanging"])
def test_a_publish_completes_when_the_front_cache_is_down(
    library, outage, caplog, django_capture_on_commit_callbacks
):
    if outage == "refused":
        with override_settings(WAGTAILFRONTENDCACHE=front_cache_at(free_port())):
            seconds = publish_retitled(library.public, "Bug hotel (refused)",
                                       django_capture_on_commit_callbacks)  # fmt: skip
    else:
        with hanging_server() as port, override_settings(WAGTAILFRONTENDCACHE=front_cache_at(port)):
            seconds = publish_retitled(library.public, "Bug hotel (hanging)",
                                       django_capture_on_commit_callbacks)  # fmt: skip
    # One purge waits at most the timeout; the rest of the batch is skipped, not waited for.
    assert seconds < 4
    assert "Couldn't purge" in caplog.text
    assert "more purges skipped" in caplog.text
    library.public.refresh_from_db()
    assert library.public.title.startswith("Bug hotel (")  # the save itself is kept


@pytest.mark.parametrize("outage", ["refused", "hanging"])
def test_healthz_reports_the_shared_cache_down_and_pages_still_serve(library, outage):
    def check(port):
        caches = {
            "default": {
                "BACKEND": "library.cache.ResilientRedisCache",
                "LOCATION": f"redis://127.0.0.1:{port}/0",
            }
        }
        with override_settings(CACHES=caches, SHARED_CACHE=True):
            client = Client()
            started = time.monotonic()
            health = client.get("/healthz")
            page = client.get(library.public.url)
            return health, page, time.monotonic() - started

    if outage == "refused":
        health, page, seconds = check(free_port())
    else:
        with hanging_server() as port:
            health, page, seconds = check(port)
    assert health.status_code == 503
    assert health.json()["checks"]["cache"]["ok"] is False
    assert health.json()["checks"]["database"]["ok"]
    assert page.status_code == 200 and seconds < 2


@pytest.mark.redis
def test_healthz_reports_redis_up(library):
    checks = Client().get("/healthz").json()["checks"]
    assert checks["cache"] == {"ok": True, "detail": "redis"}
