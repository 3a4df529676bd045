"""What only the Elasticsearch implementation has to get right: rebuilding behind an alias while
people search and publish, answering exactly as the database does, and failing over to the
database when the cluster is refused or hangs."""

import logging
import socket
import threading
import time
import uuid
from datetime import timedelta
from operator import itemgetter

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client

from challenges.filters import ChallengeQuery
from search.backends import elasticsearch_implementation, get_search
from search.backends.database import DatabaseSearch
from search.backends.elasticsearch import MAPPING_VERSION, ElasticsearchSearch, audience_query
from search.indexing.documents import build_document, live_challenges
from search.models import IndexLog
from search.text import query_terms


def elasticsearch():
    search = get_search()
    assert isinstance(search.primary, ElasticsearchSearch)
    return search.primary


def live_documents():
    return [build_document(challenge) for challenge in live_challenges()]


def synthetic(documents, count, first_id=100_000):
    """`count` copies of real documents under new page ids, each a minute older than the last."""
    for n in range(count):
        original = documents[n % len(documents)]
        yield {
            **original,
            "page_id": first_id + n,
            "uid": str(uuid.UUID(int=first_id + n)),
            "published_at": original["published_at"] - timedelta(minutes=n + 1),
        }


def alias_targets(search):
    client, alias = search._ready()
    return sorted(client.indices.get_alias(name=alias))


def public_total(search, **query):
    return search.search(ChallengeQuery(**query), AnonymousUser()).total


# Rebuilding ----------------------------------------


@pytest.mark.elasticsearch
@pytest.mark.parametrize("implementation", ["elasticsearch"], indirect=True)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # searched from a thread
def test_a_rebuild_under_concurrent_searches_never_returns_zero_results(implementation, library):
    search = elasticsearch()
    documents = live_documents()
    search.rebuild(documents, len(documents))
    before = alias_targets(search)
    rebuilt = documents + list(synthetic([d for d in documents if d["audience"] == "public"], 400))

    totals, failures, done = [], [], threading.Event()

    def keep_searching():
        deadline = time.monotonic() + 30
        try:
            while not done.is_set() and time.monotonic() < deadline:
                try:
                    totals.append(public_total(search))
                except Exception as error:  # reported by the assertion below
                    failures.append(error)
        finally:
            connection.close()  # this thread's own database connection

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    started = time.monotonic()
    try:
        count = search.rebuild(iter(rebuilt), len(rebuilt), batch_size=50)
        time.sleep(0.2)  # a few searches on the new index too
    finally:
        done.set()
        searcher.join()
    took = time.monotonic() - started

    assert failures == []
    assert len(totals) > 10, f"only {len(totals)} searches in {took:.1f}s"
    assert min(totals) > 0
    assert set(totals) <= {1, 401}  # the old index or the complete new one, never a part
    assert count == len(rebuilt)
    assert public_total(search) == 401
    after = alias_targets(search)
    assert after != before and len(after) == 1
    assert IndexLog.objects.get(implementation="elasticsearch").target == after[0]
    assert not search._client().indices.exists(index=before[0])  # the old index is gone


@pytest.mark.elasticsearch
@pytest.mark.parametrize("implementation", ["elasticsearch"], indirect=True)
def test_updates_during_a_rebuild_reach_the_new_index(implementation, library):
    search = elasticsearch()
    public = build_document(library.public)
    # Public copies: `loaded` are in the first batch of the rebuild, `pending` in the last.
    loaded, pending = list(synthetic([public], 3)), list(synthetic([public], 3, 200_000))
    rebuilt = live_documents() + loaded + pending
    with_zebra = lambda doc: {**doc, "title_terms": doc["title_terms"] + " zebra"}  # noqa: E731
    live_during = {}

    def update_midway(count):
        if live_during:
            return
        search.index([with_zebra(loaded[0]), with_zebra(pending[0])])
        search.remove([loaded[1]["page_id"], pending[1]["page_id"]])
        search.restrict(loaded[2]["page_id"], "school:0")
        search.restrict(pending[2]["page_id"], "school:0")
        live_during["zebra"] = public_total(search, q="zebra")  # the live index has them too

    before = alias_targets(search)
    search.rebuild(iter(rebuilt), len(rebuilt), progress=update_midway, batch_size=7)
    assert alias_targets(search) != before
    assert live_during["zebra"] == 2

    everything = indexed_ids(search, library.superuser)
    public_ids = indexed_ids(search, AnonymousUser())
    # Updated, whether loaded before the update or after it (the load never overwrites).
    assert {loaded[0]["page_id"], pending[0]["page_id"]} <= public_ids
    assert public_total(search, q="zebra") == 2
    # Removed, whether loaded before the removal or after it.
    assert not {loaded[1]["page_id"], pending[1]["page_id"]} & everything
    # Restricted: hidden from the public; a page loaded after its restriction stays out until
    # it is indexed again (publishing always does that right after restricting).
    assert loaded[2]["page_id"] in everything - public_ids
    assert pending[2]["page_id"] not in everything
    # No tombstone is left, and none was ever counted.
    assert len(everything) == len(rebuilt) - 3 == search.status()["documents"]
    assert search.search(ChallengeQuery(), library.superuser).total == len(everything)
    client, alias = search._ready()
    assert client.count(index=alias, query={"term": {"removed": True}})["count"] == 0


def indexed_ids(search, viewer):
    """Page ids the viewer may see, straight from the index."""
    client, alias = search._ready()
    hits = client.search(index=alias, query=audience_query(viewer).to_dict(), size=1000)
    return {int(hit["_id"]) for hit in hits["hits"]["hits"]}


# Same answers as the database ----------------------------------------

QUERIES = [
    ChallengeQuery(),
    ChallengeQuery(q="fraction", sort="relevance"),
    ChallengeQuery(q="the a", sort="relevance"),  # stop words only: no text condition
    ChallengeQuery(q="kitchen science", sort="newest"),
    ChallengeQuery(sort="most_adapted"),
    ChallengeQuery(filters={"subject": ("mathematics", "science")}),
    ChallengeQuery(filters={"key_stage": ("KS2",), "cost": ("free",)}, sort="most_adapted"),
    ChallengeQuery(q="week", filters={"year": ("R", "1"), "tag": ("kindness", "planet")}),
    ChallengeQuery(filters={"duration": ("30-60",)}, page=2, per_page=2),
]


@pytest.mark.elasticsearch
@pytest.mark.parametrize("implementation", ["elasticsearch"], indirect=True)
def test_the_same_answers_as_the_database(corpus):
    """Both indices are written on publish, so both answer over the same documents."""
    search, database = elasticsearch(), DatabaseSearch()
    for viewer in (AnonymousUser(), corpus.editor_a1, corpus.editor_b1, corpus.superuser):
        for query in QUERIES:
            ours, theirs = search.search(query, viewer), database.search(query, viewer)
            assert (ours.total, ours.facets) == (theirs.total, theirs.facets), query
            if query.sort == "relevance" and query_terms(query.q):
                # Relevance may order differently: the same results all the same.
                by_uid = itemgetter("uid")
                assert sorted(ours.results, key=by_uid) == sorted(theirs.results, key=by_uid)
            else:
                assert ours.results == theirs.results, query
        for typed in ("fr", "a w", "kit", "secret", "ca", "x*", "tables t"):
            assert search.suggest(typed, viewer) == database.suggest(typed, viewer), typed
        for challenge in (corpus.pizza, corpus.kindness, corpus.hidden_music, corpus.public):
            assert search.related(challenge, viewer) == database.related(challenge, viewer)


# Status ----------------------------------------


@pytest.mark.elasticsearch
@pytest.mark.parametrize("implementation", ["elasticsearch"], indirect=True)
def test_status_reports_count_alias_target_and_last_rebuild(implementation, library, settings):
    search = elasticsearch()
    first = search.status()
    assert first["implementation"] == "elasticsearch"
    assert first["documents"] == 4  # the library's live challenges, indexed as published
    assert first["target"].startswith(f"{settings.ELASTICSEARCH_INDEX}-")
    assert first["last_rebuild"] is None

    client, _ = search._ready()
    abandoned = search._create_index(client, search.rebuilding_alias)  # as if a rebuild crashed
    documents = live_documents() + list(synthetic(live_documents(), 6))
    search.rebuild(documents, len(documents))
    assert not client.indices.exists(index=abandoned)
    assert not client.indices.exists(index=first["target"])
    log = IndexLog.objects.get(implementation="elasticsearch")
    assert search.status() == {
        "implementation": "elasticsearch",
        "documents": 10,
        "target": log.target,
        "last_rebuild": log.rebuilt_at.isoformat(),
    }
    assert log.documents == 10 and log.target != first["target"]


@pytest.mark.elasticsearch
@pytest.mark.parametrize("implementation", ["elasticsearch"], indirect=True)
def test_an_index_built_by_an_older_version_answers_from_the_database_until_rebuilt(
    implementation, library, caplog
):
    """Its documents lack fields the queries now read (e.g. `facet_values`): its counts would
    be wrong, so it is not read at all, and the log says what to run."""
    search = elasticsearch()
    client, alias = search._ready()
    client.indices.put_mapping(index=alias, meta={"version": MAPPING_VERSION - 1})
    search._aliases_ready.clear()  # as a process started after the upgrade
    query, viewer = ChallengeQuery(q="bug hotel"), AnonymousUser()
    with caplog.at_level(logging.WARNING, logger="search"):
        answered = get_search().search(query, viewer)
    assert answered.results == DatabaseSearch().search(query, viewer).results
    assert "search_index rebuild" in caplog.text
    assert "answering from the database" in caplog.text

    documents = live_documents()
    search.rebuild(documents, len(documents))
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="search"):
        assert search.search(query, viewer).total == answered.total
    assert not caplog.records


# Failing over to the database ----------------------------------------


@pytest.fixture
def database_only(settings):
    """Publishing indexes in the database only; the test then points at a broken cluster."""
    settings.ELASTICSEARCH_URL = ""
    yield settings
    elasticsearch_implementation.cache_clear()


def assert_answers_from_the_database(library, caplog):
    """Search, suggest and related answer as the database does, each saying so in the log."""
    database, viewer, query = DatabaseSearch(), AnonymousUser(), ChallengeQuery(q="bug hotel")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="search"):
        search = get_search()
        assert search.search(query, viewer).results == database.search(query, viewer).results
        assert search.suggest("pub", viewer) == database.suggest("pub", viewer)
        assert search.related(library.public, viewer) == database.related(library.public, viewer)
    warnings = [r.getMessage() for r in caplog.records if r.name == "search"]
    assert len(warnings) == 3
    assert all("answering from the database" in message for message in warnings)


def test_a_refused_elasticsearch_answers_from_the_database(database_only, library, caplog):
    database_only.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    elasticsearch_implementation.cache_clear()
    assert_answers_from_the_database(library, caplog)
    assert "Public bug hotel" in search_page(q="bug").content.decode()
    assert Client().get(library.public.url).status_code == 200


class HangingServer:
    """A loopback TCP server that accepts connections and never answers."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.accepted = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stopping.is_set():
            try:
                self.accepted.append(self.listener.accept()[0])
            except TimeoutError:
                continue

    def close(self):
        self.stopping.set()
        self.thread.join(timeout=5)
        for client_socket in self.accepted:
            client_socket.close()
        self.listener.close()


@pytest.fixture
def hanging_server():
    server = HangingServer()
    yield server
    server.close()


def search_page(**params):
    response = Client().get("/search/", {"format": "json", **params})
    assert response.status_code == 200
    return response


def test_a_hanging_elasticsearch_answers_from_the_database(
    database_only, library, hanging_server, caplog
):
    database_only.ELASTICSEARCH_URL = hanging_server.url
    database_only.ELASTICSEARCH_TIMEOUT = 0.5
    elasticsearch_implementation.cache_clear()
    started = time.monotonic()
    response = search_page(q="bug hotel")
    took = time.monotonic() - started
    assert [item["title"] for item in response.json()["results"]] == ["Public bug hotel"]
    assert took < 2, f"the search page took {took:.1f}s"
    assert hanging_server.accepted, "Elasticsearch was never asked"
    assert any("answering from the database" in r.getMessage() for r in caplog.records)

    started = time.monotonic()
    assert Client().get(library.public.url).status_code == 200
    assert time.monotonic() - started < 2

    # Having just timed out, it does not wait for the cluster again for a while.
    started = time.monotonic()
    assert_answers_from_the_database(library, caplog)
    assert time.monotonic() - started < 0.5
