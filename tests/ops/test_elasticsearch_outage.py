"""Elasticsearch refused and hanging, then back: pages, embeds, the widget and search serve
within 2 s (the database answers meanwhile), a publish is kept and its index write recorded,
/healthz and the log say search is down, and the recorded work is replayed once it answers."""

import os
import time
import uuid
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.management import call_command
from elasticsearch import Elasticsearch

from challenges.filters import ChallengeQuery
from search.backends import elasticsearch as elasticsearch_backend
from search.backends import elasticsearch_implementation
from search.models import PendingIndexWork
from tests.ops.net import SwitchableEndpoint
from tests.ops.outage_checks import (
    admin_dashboard,
    assert_public_paths_serve,
    healthz,
    live_title,
    publish_retitled_through_admin,
)

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]

# The breaker's interval: longer than a publish takes here (so a publish meets at most one
# timeout, as with the production interval), short enough for the test to see the cluster back.
RETRY_AFTER = 3


@pytest.fixture
def search_endpoint(settings, monkeypatch):
    """The running cluster behind a switchable port, on an alias of this test's own."""
    address = urlsplit(os.environ["ELASTICSEARCH_URL"])
    alias = f"test-outage-{uuid.uuid4().hex[:10]}"
    monkeypatch.setattr(elasticsearch_backend, "RETRY_AFTER", RETRY_AFTER)
    with SwitchableEndpoint(address.port or 9200, address.hostname) as endpoint:
        settings.ELASTICSEARCH_URL = f"http://{endpoint.url_host}"
        settings.ELASTICSEARCH_INDEX = alias
        yield endpoint
    direct = Elasticsearch(os.environ["ELASTICSEARCH_URL"], request_timeout=10)
    names = list(direct.indices.get(index=f"{alias}*", expand_wildcards="all"))
    if names:
        direct.options(ignore_status=404).indices.delete(index=",".join(names))


def found_in_elasticsearch(settings, words):
    search = elasticsearch_implementation(settings.ELASTICSEARCH_URL)
    page = search.search(ChallengeQuery(q=words), AnonymousUser())
    return {card["title"] for card in page.results}


@pytest.mark.parametrize("outage", ["refused", "hanging"])
def test_elasticsearch_down_then_back(search_endpoint, request, outage, settings, caplog):
    library = request.getfixturevalue("library")  # published after the cluster is configured
    challenge = library.public
    assert found_in_elasticsearch(settings, "bug") == {"Public bug hotel"}
    assert_public_paths_serve(
        challenge, "Elasticsearch up", must_show="Public bug hotel", budget=None
    )

    getattr(search_endpoint, "refuse" if outage == "refused" else "hang")()

    cache.clear()  # no render kept from before: the first request meets the outage (a timeout)
    assert_public_paths_serve(challenge, f"Elasticsearch {outage}", must_show="Public bug hotel")
    response, seconds = publish_retitled_through_admin(
        library.moderator_a, challenge, "Hedgehog hotel"
    )
    assert response.status_code == 302
    assert seconds < settings.ELASTICSEARCH_WRITE_TIMEOUT + 3  # at most one write's timeout
    assert live_title(challenge) == "Hedgehog hotel"
    recorded = PendingIndexWork.objects.filter(implementation="elasticsearch")
    assert challenge.pk in set(recorded.values_list("page_id", flat=True))
    assert_public_paths_serve(challenge, f"Elasticsearch {outage}, after a publish",
                              must_show="Hedgehog hotel")  # fmt: skip
    status, health = healthz()
    assert status == 503
    assert health["checks"]["search"]["ok"] is False
    assert health["checks"]["database"]["ok"] is True
    assert "answering from the database" in caplog.text
    assert "recorded to replay" in caplog.text
    notices = admin_dashboard(library.moderator_a)
    assert "Search is answering from the library&#x27;s own database" in notices
    assert "are waiting to reach search" in notices

    search_endpoint.up()
    time.sleep(RETRY_AFTER)  # the breaker lets this process ask the cluster again

    status, health = healthz()
    assert status == 200 and health["checks"]["search"]["ok"] is True
    assert "Hedgehog hotel" not in found_in_elasticsearch(settings, "hedgehog")  # not yet
    call_command("search_index", "replay")
    assert not PendingIndexWork.objects.exists()
    assert found_in_elasticsearch(settings, "hedgehog") == {"Hedgehog hotel"}
    assert "waiting to reach search" not in admin_dashboard(library.moderator_a)
    assert_public_paths_serve(
        challenge, "Elasticsearch back", must_show="Hedgehog hotel", budget=None
    )
