"""Redis (the shared cache) refused and hanging, then back: pages and embeds serve within 2 s,
a publish made meanwhile is kept and shown, /healthz and the log say Redis is down, and once it
answers again embed counts resume and no process serves a render from before the publish."""

import os
import time
import uuid
from urllib.parse import urlsplit

import pytest
from django.test import Client

from challenges.embed_stats.counter import pending_embed_views
from library import cache as resilient
from tests.ops.net import SwitchableEndpoint, wait_for
from tests.ops.outage_checks import (
    BROWSER,
    SCHOOL,
    assert_public_paths_serve,
    healthz,
    live_title,
    publish_retitled_through_admin,
)

pytestmark = [pytest.mark.redis, pytest.mark.django_db]

DOWN_SECONDS = 0.5  # the breaker's interval, short so the test sees Redis come back


@pytest.fixture
def redis_endpoint(settings, monkeypatch):
    """The running Redis behind a switchable port: the cache settings point at the port."""
    address = urlsplit(os.environ["REDIS_URL"])
    monkeypatch.setattr(resilient, "DOWN_SECONDS", DOWN_SECONDS)
    with SwitchableEndpoint(address.port or 6379, address.hostname or "127.0.0.1") as endpoint:
        settings.CACHES = {
            "default": {
                "BACKEND": "library.cache.ResilientRedisCache",
                "LOCATION": f"redis://{endpoint.url_host}{address.path or '/0'}",
                "KEY_PREFIX": f"outage-{uuid.uuid4().hex[:8]}",
            }
        }
        settings.SHARED_CACHE = True
        yield endpoint


def embed_views_counted(challenge):
    return sum(
        views for (challenge_id, _site, _day), views in pending_embed_views().items()
        if challenge_id == challenge.pk
    )  # fmt: skip


def view_embed(challenge):
    response = Client().get(
        f"/embed/challenges/{challenge.uid}/", HTTP_REFERER=SCHOOL, HTTP_USER_AGENT=BROWSER
    )
    assert response.status_code == 200


@pytest.mark.parametrize("outage", ["refused", "hanging"])
def test_redis_down_then_back(library, redis_endpoint, outage, caplog):
    challenge = library.public
    # Up: the page is rendered into Redis under the current publication stamp; views count.
    assert_public_paths_serve(challenge, "Redis up", must_show="Public bug hotel", budget=None)
    view_embed(challenge)
    assert embed_views_counted(challenge) >= 1
    counted_before = embed_views_counted(challenge)

    getattr(redis_endpoint, "refuse" if outage == "refused" else "hang")()

    assert_public_paths_serve(challenge, f"Redis {outage}", must_show="Public bug hotel")
    response, seconds = publish_retitled_through_admin(
        library.moderator_a, challenge, "Hedgehog hotel"
    )
    assert response.status_code == 302 and seconds < 5
    assert live_title(challenge) == "Hedgehog hotel"  # the save is kept
    assert_public_paths_serve(challenge, f"Redis {outage}, after a publish",
                              must_show="Hedgehog hotel")  # fmt: skip
    status, health = healthz()
    assert status == 503
    assert health["checks"]["cache"]["ok"] is False
    assert health["checks"]["database"]["ok"] is True
    assert "Redis cache unreachable" in caplog.text

    redis_endpoint.up()

    assert wait_for(lambda: healthz()[0] == 200, 5), "Redis is back but /healthz still says down"
    time.sleep(DOWN_SECONDS)  # this process's breaker lets it try Redis again
    # The stamp delete the publish could not make is made now: Redis still held the old stamp
    # (and the old render under it), which would otherwise be served for another minute.
    assert_public_paths_serve(challenge, "Redis back", must_show="Hedgehog hotel", budget=None)
    view_embed(challenge)
    assert embed_views_counted(challenge) > counted_before  # counts resume
