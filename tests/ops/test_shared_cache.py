"""Redis as the shared cache: processes agree, and an outage slows pages but never breaks them."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest
import requests
from django.db import connection
from django.test import Client, override_settings

from challenges.embed_stats.counter import UNKNOWN_SITE, pending_embed_views
from challenges.models import PublicationStamp
from library import cache as resilient
from tests.ops.net import free_port, hanging_server, wait_for

pytestmark = pytest.mark.redis

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"
SCHOOL = "https://www.ash-primary.example/learning/"


@contextmanager
def own_redis(port):
    """A redis-server of this test's own on `port` (the shared one is never stopped)."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    process = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(lambda: _answers(port), 10), "redis-server did not start"
        yield process
    finally:
        process.terminate()
        process.wait(10)


def _answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def redis_cache_settings(port):
    return {
        "default": {
            "BACKEND": "library.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": f"outage-{port}",
        }
    }


def embed(client, challenge):
    return client.get(
        f"/embed/challenges/{challenge.uid}/", HTTP_REFERER=SCHOOL, HTTP_USER_AGENT=BROWSER
    )


# Outages: refused and hanging -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_refused_redis_serves_embeds_and_pages_logs_once_and_counts_resume(
    library, monkeypatch, caplog, settings
):
    # Longer than the 2 s the requests below may take, so one interval covers them all.
    monkeypatch.setattr(resilient, "DOWN_SECONDS", 2.5)
    settings.EMBED_VIEWS_FLUSH_SECONDS = 0
    port = free_port()
    with override_settings(CACHES=redis_cache_settings(port), SHARED_CACHE=True):
        client = Client()
        with own_redis(port):
            assert embed(client, library.public).status_code == 200
        # Redis is gone (connection refused): still served, in well under 2 s each.
        started = time.monotonic()
        for _ in range(3):
            assert embed(client, library.public).status_code == 200
        assert client.get(library.public.url).status_code == 200
        assert time.monotonic() - started < 2
        assert "Redis cache unreachable" in caplog.text
        assert caplog.text.count("Redis cache unreachable") == 1  # once per interval, not per call
        # Redis is back (empty, as after a restart): the views are counted again, and the three
        # served while it was down, kept in this process, are counted with them.
        with own_redis(port):
            time.sleep(2.6)  # the down interval ends
            for _ in range(2):
                assert embed(client, library.public).status_code == 200
            pending = pending_embed_views()
    assert sum(
        views for (challenge_id, site, _day), views in pending.items()
        if challenge_id == library.public.pk and site == "www.ash-primary.example"
    ) == 5  # fmt: skip


@pytest.mark.django_db
def test_a_hanging_redis_costs_one_short_timeout_then_nothing(library, caplog):
    with (
        hanging_server() as port,
        override_settings(CACHES=redis_cache_settings(port), SHARED_CACHE=True),
    ):
        client = Client()
        started = time.monotonic()
        assert embed(client, library.public).status_code == 200
        first = time.monotonic() - started
        started = time.monotonic()
        for _ in range(5):
            assert embed(client, library.public).status_code == 200
        after = time.monotonic() - started
    assert first < 2
    assert after < first + 0.5  # no further timeouts while Redis is known to be down
    assert "TimeoutError" in caplog.text or "Timeout" in caplog.text


# Processes agree (two gunicorn workers) ---------------------------------------------------------


@pytest.fixture
def gunicorn_two_workers(settings):
    """The app under gunicorn, 2 workers, on this test's PostgreSQL database and Redis prefix."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: gunicorn's workers must read the test database")
    port = free_port()
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "library.settings.test",
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:"
            f"{database['PORT']}/{database['NAME']}"
        ),
        "CACHE_KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"],
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "library.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        env=env, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        assert wait_for(lambda: _serves(base), 60), "gunicorn did not start"
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(20)


def _serves(base):
    try:
        return requests.get(f"{base}/healthz", timeout=2).status_code in (200, 503)
    except requests.RequestException:
        return False


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the workers read its data
def test_two_workers_share_counts_stamp_and_render_cache(library, gunicorn_two_workers):
    url = f"{gunicorn_two_workers}/embed/challenges/{library.public.uid}/"
    headers = {"Referer": SCHOOL, "User-Agent": BROWSER}
    with requests.Session() as first, requests.Session() as second:
        responses = [
            session.get(url, headers=headers, timeout=10)
            for _ in range(10)
            for session in (first, second)
        ]
    assert {response.status_code for response in responses} == {200}
    assert len({response.headers["ETag"] for response in responses}) == 1

    # Every view, whichever worker served it, reaches the shared cache this process reads within
    # a second (each worker pushes its counts at most once a second, idle or not), exactly once.
    def counted():
        return {
            site: views for (challenge_id, site, _day), views in pending_embed_views().items()
            if challenge_id == library.public.pk
        }  # fmt: skip

    assert wait_for(lambda: counted() == {"www.ash-primary.example": 20}, seconds=5), counted()
    time.sleep(1.5)  # another push interval: nothing is counted twice
    assert counted() == {"www.ash-primary.example": 20}
    assert UNKNOWN_SITE not in counted()

    # A publish here is seen by both workers at once: new stamp, new render, same everywhere.
    old_etag = responses[0].headers["ETag"]
    page = library.public
    page.title = "Bug hotel, rebuilt"
    page.save_revision().publish()
    assert PublicationStamp.current() > PublicationStamp.EPOCH
    after = [requests.get(url, headers=headers, timeout=10) for _ in range(8)]
    assert {response.headers["ETag"] for response in after} != {old_etag}
    assert len({response.headers["ETag"] for response in after}) == 1
    assert all("Bug hotel, rebuilt" in response.text for response in after)


def test_clearing_the_cache_keeps_every_other_deployments_keys():
    """Redis is shared (other web processes, other deployments, parallel test workers): clearing
    our cache deletes our keys, never the whole database as Django's FLUSHDB would."""
    location = os.environ["REDIS_URL"]
    ours = resilient.ResilientRedisCache(location, {"KEY_PREFIX": "ours-" + os.urandom(4).hex()})
    theirs = resilient.ResilientRedisCache(location, {"KEY_PREFIX": ours.key_prefix + "x"})
    for index in range(1200):  # more than one SCAN page and one delete batch
        ours.set(f"page-{index}", index)
    theirs.set("page-1", "kept")

    assert ours.clear()

    assert ours.get("page-1") is None and ours.get("page-1199") is None
    assert theirs.get("page-1") == "kept"
    theirs.clear()
