"""Elasticsearch outages: index writes that fail are recorded durably and replayed on recovery,
and a hit the database no longer allows is never served."""

import os

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.test import Client

from challenges.filters import ChallengeQuery
from search.backends import elasticsearch_implementation
from search.models import PendingIndexWork

DOWN = "http://127.0.0.1:1"  # nothing listens there: every write is refused


def titles(search_page):
    return {card["title"] for card in search_page.results}


def test_writes_that_cannot_reach_elasticsearch_are_recorded_not_swallowed(library, settings):
    settings.ELASTICSEARCH_URL = DOWN
    library.public.unpublish()
    restricted = library.partners
    restricted.visibility = "school"
    restricted.save_revision().publish()
    recorded = set(PendingIndexWork.objects.values_list("implementation", "page_id"))
    assert recorded == {("elasticsearch", library.public.pk), ("elasticsearch", restricted.pk)}
    # The database implementation, which answers meanwhile, took every write.
    assert Client().get("/search/", {"format": "json", "q": "bug"}).json()["total"] == 0


@pytest.mark.elasticsearch
@pytest.mark.parametrize("implementation", ["elasticsearch"], indirect=True)
def test_an_unpublish_made_during_an_outage_never_shows_again(implementation, library, settings):
    url = os.environ["ELASTICSEARCH_URL"]
    search = elasticsearch_implementation(url)
    assert "Public bug hotel" in titles(search.search(ChallengeQuery(q="bug"), AnonymousUser()))

    settings.ELASTICSEARCH_URL = DOWN
    library.public.unpublish()  # Elasticsearch still holds the old document
    settings.ELASTICSEARCH_URL = url  # back up, nothing replayed yet

    # The stale document is in the index, but the database check keeps it out of every read.
    client, alias = search._ready()
    assert client.exists(index=alias, id=library.public.pk)
    anonymous = AnonymousUser()
    assert titles(search.search(ChallengeQuery(q="bug"), anonymous)) == set()
    assert search.suggest("public", anonymous) == []
    for viewer in (anonymous, library.superuser):
        found = search.search(ChallengeQuery(), viewer)
        assert "Public bug hotel" not in titles(found)
    data = Client().get("/embed/challenges.json").json()
    assert "Public bug hotel" not in {card["title"] for card in data["results"]}
    assert "Public bug hotel" not in Client().get("/feeds/challenges/").content.decode()

    call_command("search_index", "replay")
    assert not PendingIndexWork.objects.exists()
    assert not client.exists(index=alias, id=library.public.pk)


@pytest.mark.elasticsearch
@pytest.mark.parametrize("implementation", ["elasticsearch"], indirect=True)
def test_the_next_write_after_recovery_replays_what_was_missed(implementation, library, settings):
    url = os.environ["ELASTICSEARCH_URL"]
    settings.ELASTICSEARCH_URL = DOWN
    restricted = library.public
    restricted.visibility = "trust"
    restricted.save_revision().publish()
    assert PendingIndexWork.objects.count() == 1
    settings.ELASTICSEARCH_URL = url

    library.trust_only.save_revision().publish()  # any write: the missed one goes first
    assert not PendingIndexWork.objects.exists()
    client, alias = elasticsearch_implementation(url)._ready()
    stored = client.get(index=alias, id=restricted.pk)["_source"]
    assert stored["audience"] == f"trust:{library.trust_a.pk}"
