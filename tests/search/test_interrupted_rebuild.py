"""A search rebuild that stops halfway (the process killed, or the cluster timing out around the
alias swap) leaves search answering in full and writable, and the next rebuild succeeds."""

import pytest
from django.contrib.auth.models import AnonymousUser
from elasticsearch import ConnectionTimeout

from challenges.filters import ChallengeQuery
from tests.factories import make_challenge
from tests.search.test_elasticsearch_specific import elasticsearch, live_documents, synthetic

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.parametrize("implementation", ["elasticsearch"], indirect=True),
]


def public_total(search):
    return search.search(ChallengeQuery(), AnonymousUser()).total


def alias_indices(search):
    client = search._client()
    return search._indices_behind(client, search.alias)


def assert_search_works_and_takes_writes(search, library, before):
    assert public_total(search) == before
    extra = make_challenge(library.school_a1, "Pond dipping after the outage", "public")
    assert public_total(search) == before + 1  # published, so indexed: the alias takes writes
    return extra


def rebuild_succeeds(search):
    documents = live_documents()
    assert search.rebuild(documents, len(documents)) == len(documents)
    assert len(alias_indices(search)) == 1
    assert public_total(search) == sum(1 for d in documents if d["audience"] == "public")


def test_a_rebuild_killed_halfway_leaves_search_working_and_the_next_rebuild_succeeds(
    implementation, library
):
    search = elasticsearch()
    before = public_total(search)
    client = search._client()
    # What a rebuild had done when its process was killed: a new index behind the rebuilding
    # alias, loaded with the first half of the documents (its own clean-up never ran).
    search._create_index(client, search.rebuilding_alias)
    half = list(synthetic(live_documents(), 3))
    search._load(client, search.rebuilding_alias, half, None, batch_size=2)
    search._aliases_ready.clear()  # a process started after the kill

    assert_search_works_and_takes_writes(search, library, before)
    rebuild_succeeds(search)
    assert not client.indices.exists_alias(name=search.rebuilding_alias)


def test_an_alias_swap_that_times_out_after_applying_leaves_search_working(
    implementation, library, monkeypatch
):
    """The cluster applies the swap, then the answer times out: the rebuild is done, and the
    index the alias now points at is kept (it was deleted, leaving search on nothing)."""
    search = elasticsearch()
    before = public_total(search)
    indices_class = type(search._client().indices)
    apply_swap = indices_class.update_aliases

    def applied_then_timed_out(self, *args, **kwargs):
        apply_swap(self, *args, **kwargs)
        raise ConnectionTimeout("Connection timed out")

    monkeypatch.setattr(indices_class, "update_aliases", applied_then_timed_out)
    documents = live_documents()
    assert search.rebuild(documents, len(documents)) == len(documents)
    monkeypatch.undo()
    search._aliases_ready.clear()  # a process started after the outage

    assert len(alias_indices(search)) == 1
    assert_search_works_and_takes_writes(search, library, before)
    rebuild_succeeds(search)


def test_an_alias_left_on_two_indices_is_repaired_and_takes_writes(implementation, library):
    search = elasticsearch()
    before = public_total(search)
    client = search._client()
    # A second index behind the live alias, neither the write index: every write failed.
    stray = search._create_index(client, search.rebuilding_alias)
    client.indices.update_aliases(
        actions=[
            {"add": {"index": stray, "alias": search.alias}},
            {"remove": {"index": stray, "alias": search.rebuilding_alias}},
        ]
    )
    assert len(alias_indices(search)) == 2
    search._aliases_ready.clear()

    assert_search_works_and_takes_writes(search, library, before)
    assert len(alias_indices(search)) == 1
    rebuild_succeeds(search)
