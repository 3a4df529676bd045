"""The database implementation counts facets from a per-process index (backends/facet_index.py):
every publish, unpublish, visibility change, move and rename reaches its counts and results on
the very next search, in this process and in every other one."""

import pytest
import requests

from challenges.models import ChallengeTag, LearningChallengePage
from search.backends.database import DatabaseSearch
from search.indexing.documents import build_documents
from tests.factories import make_challenge
from tests.ops.test_shared_cache import gunicorn_two_workers  # noqa: F401 (a fixture)
from tests.search.test_contract import logged_in, search_json


@pytest.fixture(autouse=True)
def database_implementation(settings):
    settings.ELASTICSEARCH_URL = ""


def counts(client=None, **params):
    """{facet: {value: count}} of one search."""
    facets = search_json(client, **params)["facets"]
    return {name: {e["value"]: e["count"] for e in entries} for name, entries in facets.items()}


def test_unpublishing_drops_counts_and_results_on_the_next_search(library):
    pond = make_challenge(library.school_a1, "Pond life", tags=["pond"])
    assert counts()["school"] == {"ash": 2}  # the index is built now
    pond.unpublish()
    after = counts()
    assert after["school"] == {"ash": 1}
    assert "pond" not in after["tag"]
    assert search_json(tag="pond")["total"] == 0


def test_publishing_adds_to_counts_on_the_next_search(library):
    assert counts()["school"] == {"ash": 1}
    make_challenge(library.school_b1, "Pond life", tags=["pond"])
    after = counts()
    assert after["school"] == {"ash": 1, "beech": 1}
    assert after["tag"] == {"pond": 1}
    assert [card["title"] for card in search_json(tag="pond")["results"]] == ["Pond life"]


def test_restricting_leaves_anonymous_counts_at_once_but_not_the_trusts(library):
    assert counts()["school"] == {"ash": 1}
    library.public.visibility = "trust"
    library.public.save_revision().publish()
    assert counts()["school"] == {}
    assert search_json(q="bug hotel")["total"] == 0
    teacher = library.editor_a2  # same trust, another school
    visible = LearningChallengePage.objects.visible_to(teacher).filter(school=library.school_a1)
    assert counts(logged_in(teacher))["school"] == {"ash": visible.count()}
    assert "Public bug hotel" in {c["title"] for c in search_json(logged_in(teacher))["results"]}


def test_moving_moves_the_counts(library):
    assert counts()["trust"] == {"alder": 1}
    library.public.move(library.school_b1, pos="last-child")
    after = counts()
    assert after["school"] == {"beech": 1}
    assert after["trust"] == {"birch": 1}


def test_renaming_a_tag_relabels_its_facet_value(library):
    make_challenge(library.school_a1, "Pond life", tags=["pond"])
    assert search_json()["facets"]["tag"][0]["label"] == "pond"
    tag = ChallengeTag.tag_model().objects.get(slug="pond")
    tag.name = "Ponds and streams"
    tag.save()
    assert search_json()["facets"]["tag"][0]["label"] == "Ponds and streams"


def test_orders_and_pages_come_from_the_index(library):
    older = make_challenge(library.school_b1, "Pond life")
    newest = make_challenge(library.school_c1, "Rock pools")
    order = [c["title"] for c in search_json(sort="newest")["results"]]
    assert order == [newest.title, older.title, "Public bug hotel"]
    second = search_json(sort="newest", page=2)  # past the end: an empty page, same total
    assert second["total"] == 3 and second["results"] == []


def test_an_index_write_alone_reaches_the_counts(library):
    """As when the task worker indexes a publish later, or a failed write is replayed."""
    assert counts()["school"] == {"ash": 1}
    DatabaseSearch().remove([library.public.pk])
    assert counts()["school"] == {}
    DatabaseSearch().index(build_documents([library.public]))
    assert counts()["school"] == {"ash": 1}


@pytest.fixture
def database_workers(monkeypatch, request):
    """Gunicorn with two workers on this test's database, answering from the database."""
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    return request.getfixturevalue("gunicorn_two_workers")


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the workers read its data
def test_every_worker_follows_an_unpublish_made_in_another_process(library, database_workers):
    def school_counts():
        responses = [
            requests.get(f"{database_workers}/search/", {"format": "json"}, timeout=10)
            for _ in range(8)
        ]
        return [{e["value"]: e["count"] for e in r.json()["facets"]["school"]} for r in responses]

    assert school_counts() == [{"ash": 1}] * 8  # both workers have built their index
    library.public.unpublish()
    assert school_counts() == [{}] * 8
