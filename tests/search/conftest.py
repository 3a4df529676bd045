"""The search contract runs against every implementation: the database one always, and
Elasticsearch when ELASTICSEARCH_URL is set (each test on its own alias, deleted afterwards)."""

import os
import uuid

import pytest
from elasticsearch import Elasticsearch

from challenges.models import LearningChallengePage
from search.indexing.tasks import index_challenges
from tests.conftest import WORLDS, World
from tests.factories import make_challenge

IMPLEMENTATIONS = [
    pytest.param("database", id="database"),
    pytest.param("elasticsearch", id="elasticsearch", marks=pytest.mark.elasticsearch),
]


def _delete_test_indices(url, alias):

    client = Elasticsearch(url, request_timeout=10)
    # The server refuses wildcard deletes (action.destructive_requires_name): name each index.
    names = list(client.indices.get(index=f"{alias}*", expand_wildcards="all"))
    if names:
        client.options(ignore_status=404).indices.delete(index=",".join(names))


@pytest.fixture(params=IMPLEMENTATIONS)
def implementation(request, settings):
    """Configures the implementation before any challenge is published (and so indexed)."""
    if request.param == "elasticsearch":
        url = os.environ.get("ELASTICSEARCH_URL", "")
        alias = f"test-challenges-{uuid.uuid4().hex[:10]}"
        settings.ELASTICSEARCH_URL = url
        settings.ELASTICSEARCH_INDEX = alias
        if set(WORLDS.values()) & set(request.fixturenames):
            # The module's world was published before this alias existed: index it here.
            request.getfixturevalue("db")
            live = LearningChallengePage.objects.live().values_list("pk", flat=True)
            index_challenges.enqueue(list(live))
        yield request.param
        _delete_test_indices(url, alias)
    else:
        settings.ELASTICSEARCH_URL = ""
        yield request.param


@pytest.fixture
def corpus(implementation, db, request):
    """The shared library plus public challenges chosen to exercise every filter.

    Hidden (non-public) challenges carry canary words, tags and a subject no public challenge
    has, so a leak shows up in results, counts, suggestions or related items.
    """
    if "corpus_world" in request.fixturenames:
        return request.getfixturevalue("corpus_world").fresh()
    return add_corpus(request.getfixturevalue("library"))


@pytest.fixture(scope="module")
def corpus_world(library_world):
    return World(add_corpus(library_world.fresh()))


def add_corpus(lib):
    act = lambda title, screen=False: (  # noqa: E731
        "activity",
        {"title": title, "age_band": "all", "needs_screen": screen, "body": "<p>Have fun.</p>"},
    )
    lib.pizza = make_challenge(
        lib.school_a1, "Fractions with a pizza", year_codes=["3", "4"], subjects=["mathematics"],
        themes=["cooking"], tags=["pizza", "fractions"], cost="low",
        duration_min_minutes=30, duration_max_minutes=45,
        summary="Share a pizza fairly and find halves and quarters.",
    )  # fmt: skip
    lib.baking = make_challenge(
        lib.school_a2, "Baking day", year_codes=["5"], subjects=["design-and-technology"],
        themes=["cooking"], tags=["baking"], duration_min_minutes=60, duration_max_minutes=90,
        summary="Weigh, mix and bake. Use fractions to halve the recipe.",
    )  # fmt: skip
    lib.milk = make_challenge(
        lib.school_b1, "Kitchen science: rainbow milk", year_codes=["1", "2"],
        subjects=["science"], themes=["creativity"], tags=["kitchen-science"],
        duration_min_minutes=15, duration_max_minutes=20, licence="CC-BY-SA-4.0",
        summary="Drop food colouring into milk and watch the colours swirl.",
    )  # fmt: skip
    lib.planet = make_challenge(
        lib.school_a2, "Our planet", kind="weekly", year_codes=["R", "2", "4", "6"],
        subjects=["geography"], themes=["sustainability"], tags=["planet"],
        duration_min_minutes=60, duration_max_minutes=150,
        activities=[act("Monday maths: count the recycling"), act("Tuesday: watch and draw", True)],
        summary="A week of looking after our planet, an activity for every age each day.",
    )  # fmt: skip
    lib.kindness = make_challenge(
        lib.trust_c, "A week of kindness", year_codes=["N", "R", "1", "2", "3", "4", "5", "6"],
        subjects=["pshe-rshe"], themes=["kindness", "wellbeing"], tags=["kindness"],
        licence="CC-BY-NC-4.0", duration_min_minutes=10, duration_max_minutes=30,
        summary="Small kind acts every day, noticed and shared by the whole family.",
    )  # fmt: skip
    lib.tables = make_challenge(
        lib.school_c1, "Times tables treasure hunt", year_codes=["3", "4", "5", "6"],
        subjects=["mathematics"], themes=["outdoors"], tags=["times-tables"], cost="purchase",
        duration_min_minutes=20, duration_max_minutes=40,
        summary="Hide multiplication clues around the garden and hunt them down.",
    )  # fmt: skip
    lib.hidden_music = make_challenge(
        lib.school_a1, "Secret canarym song", "partners", subjects=["music"],
        tags=["canarytag"], themes=["community"], year_codes=["9"],
        summary="canarym words that must never leak.",
    )  # fmt: skip
    lib.public_titles = {
        c.title for c in (lib.public, lib.pizza, lib.baking, lib.milk, lib.planet, lib.kindness,
                          lib.tables)
    }  # fmt: skip
    return lib
