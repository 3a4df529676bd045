"""The search contract: every implementation gives the same answers (run on each of them)."""

import json
from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from challenges.filters import FACETS, ChallengeQuery
from search.backends import get_search
from tests.factories import make_challenge

CANARIES = ("canaryp", "canaryt", "canarys", "canaryd", "canarym", "canarytag", "music")


def search_json(client=None, **params):
    response = (client or Client()).get("/search/", {"format": "json", **params})
    assert response.status_code == 200, response.content
    return response.json()


def titles(data):
    return {item["title"] for item in data["results"]}


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


# Matching and stemming ----------------------------------------


def test_stemming_finds_plural_titles(corpus):
    assert "Fractions with a pizza" in titles(search_json(q="fraction"))
    assert "Fractions with a pizza" in titles(search_json(q="FRACTIONS"))


def test_every_word_must_match(corpus):
    assert titles(search_json(q="kitchen science")) == {"Kitchen science: rainbow milk"}
    assert titles(search_json(q="kitchen pizza")) == set()


def test_title_matches_rank_above_body_matches(corpus):
    results = [item["title"] for item in search_json(q="fraction", sort="relevance")["results"]]
    assert results == ["Fractions with a pizza", "Baking day"]


def test_results_carry_an_escaped_snippet_with_highlights(corpus):
    item = search_json(q="fraction")["results"][1]
    assert "<mark>fractions</mark>" in item["snippet"]

    make_challenge(corpus.school_a1, "Odd", summary="<b>bold</b> dinosaur facts")
    snippet = search_json(q="dinosaur")["results"][0]["snippet"]
    assert snippet.startswith("&lt;b&gt;bold&lt;/b&gt; <mark>dinosaur</mark>")


# Filters ----------------------------------------

FILTER_CASES = [
    ({"subject": "mathematics"}, {"Fractions with a pizza", "Times tables treasure hunt"}),
    ({"subject": ["mathematics", "science"]},
     {"Fractions with a pizza", "Times tables treasure hunt", "Public bug hotel",
      "Kitchen science: rainbow milk"}),
    ({"subject": "science", "key_stage": "KS1"}, {"Kitchen science: rainbow milk"}),
    ({"theme": "cooking"}, {"Fractions with a pizza", "Baking day"}),
    ({"tag": "fractions"}, {"Fractions with a pizza"}),
    ({"trust": "cedar"}, {"A week of kindness", "Times tables treasure hunt"}),
    ({"school": "aspen"}, {"Baking day", "Our planet"}),
    ({"key_stage": "EYFS"}, {"Our planet", "A week of kindness"}),
    ({"key_stage": "ks1"}, {"Kitchen science: rainbow milk", "Our planet", "A week of kindness"}),
    ({"year": "r"}, {"Our planet", "A week of kindness"}),
    ({"year": "5"}, {"Baking day", "A week of kindness", "Times tables treasure hunt"}),
    ({"duration": "under-30"},
     {"Kitchen science: rainbow milk", "A week of kindness", "Times tables treasure hunt"}),
    ({"duration": "60-120"}, {"Baking day", "Our planet"}),
    ({"duration": "over-120"}, {"Our planet"}),
    ({"screen_free": "some"}, "ALL"),
    ({"cost": "low"}, {"Fractions with a pizza"}),
    ({"cost": ["low", "purchase"]}, {"Fractions with a pizza", "Times tables treasure hunt"}),
    ({"licence": "CC-BY-SA-4.0"}, {"Kitchen science: rainbow milk"}),
    ({"licence": "CC-BY-NC-4.0"}, {"A week of kindness"}),
    ({"kind": "weekly"}, {"Our planet"}),
    ({"q": "fraction", "theme": "cooking", "cost": "low"}, {"Fractions with a pizza"}),
    ({"q": "pizza", "trust": "cedar"}, set()),
]  # fmt: skip


@pytest.mark.parametrize("params, expected", FILTER_CASES)
def test_filters_or_within_a_facet_and_across_facets(corpus, params, expected):
    expected = corpus.public_titles if expected == "ALL" else expected
    data = search_json(**params)
    assert titles(data) == expected
    assert data["total"] == len(expected)


def test_screen_free_all_excludes_challenges_with_a_screen_activity(corpus):
    assert titles(search_json(screen_free="all")) == corpus.public_titles - {"Our planet"}


def facet_consistency_problems(params):
    """Each facet count must equal the total when that value replaces the facet's own filter."""
    data = search_json(**params)
    problems = []
    for facet in FACETS:
        for entry in data["facets"][facet]:
            narrowed = {k: v for k, v in params.items() if k not in (facet, "page")}
            narrowed[facet] = entry["value"]
            total = search_json(**narrowed)["total"]
            if total != entry["count"]:
                problems.append((facet, entry["value"], entry["count"], total))
    return problems


@pytest.mark.parametrize(
    "params",
    [{}, {"q": "fraction"}, {"subject": "mathematics"}, {"key_stage": "KS2", "cost": "free"},
     {"subject": ["mathematics", "science"], "duration": "30-60"}],
)  # fmt: skip
def test_facet_counts_equal_the_matching_result_counts(corpus, params):
    assert facet_consistency_problems(params) == []


def test_facets_have_labels_and_mark_what_is_selected(corpus):
    facets = search_json(subject="mathematics")["facets"]
    maths = next(e for e in facets["subject"] if e["value"] == "mathematics")
    assert maths == {"value": "mathematics", "label": "Mathematics", "count": 2, "selected": True}
    # Other subjects stay countable (with every other filter) so they can be added.
    assert {e["value"] for e in facets["subject"]} >= {"science", "geography"}
    assert next(e for e in facets["school"] if e["value"] == "ash")["label"] == "Ash Primary"
    assert next(e for e in facets["key_stage"] if e["value"] == "KS2")["count"] == 2


# Sorting and pagination ----------------------------------------


def test_newest_first(corpus):
    order = [item["title"] for item in search_json(sort="newest")["results"]]
    assert order == [
        "Times tables treasure hunt", "A week of kindness", "Our planet",
        "Kitchen science: rainbow milk", "Baking day", "Fractions with a pizza", "Public bug hotel",
    ]  # fmt: skip


def adapt(original, school, slug):
    copy = original.copy(to=school, update_attrs={"slug": slug}, keep_live=False)
    copy.save_revision().publish()
    return copy


def test_most_adapted_counts_schools_with_a_published_adaptation(corpus):
    adapt(corpus.pizza, corpus.school_b1, "pizza-b")
    adapt(corpus.pizza, corpus.school_c1, "pizza-c")
    adapt(corpus.milk, corpus.school_a1, "milk-a")
    adapt(corpus.milk, corpus.school_a1, "milk-a-again")  # the same school counts once
    order = [item["title"] for item in search_json(sort="most_adapted")["results"]]
    assert order[:2] == ["Fractions with a pizza", "Kitchen science: rainbow milk"]


def test_pages_partition_the_results(corpus):
    search = get_search()

    seen = []
    for page in (1, 2, 3):
        result = search.search(
            ChallengeQuery(sort="newest", page=page, per_page=3), AnonymousUser()
        )
        assert result.total == 7 and result.pages == 3
        seen.extend(item["title"] for item in result.results)
    assert len(seen) == 7 and set(seen) == corpus.public_titles


def test_json_shape(corpus):
    data = search_json(q="pizza")
    assert set(data) >= {"total", "results", "facets"}
    assert set(data["facets"]) == set(FACETS)
    item = data["results"][0]
    assert item["url"] == "/alder/ash/fractions-with-a-pizza/"
    assert item["uid"] == str(corpus.pizza.uid)
    assert "snippet" in item


# Suggest and related ----------------------------------------


def suggestions(client=None, q=""):
    return (client or Client()).get("/search/suggest/", {"q": q}).json()["suggestions"]


def test_suggest_completes_titles_and_tags(corpus):
    found = {(s["kind"], s["text"]) for s in suggestions(q="fra")}
    assert ("challenge", "Fractions with a pizza") in found
    assert ("tag", "fractions") in found
    assert ("challenge", "Kitchen science: rainbow milk") in {
        (s["kind"], s["text"]) for s in suggestions(q="rainbow")
    }


def test_related_shares_subjects_themes_or_tags_and_never_itself(corpus):

    related = [card["title"] for card in get_search().related(corpus.pizza, AnonymousUser())]
    assert related[:2] == ["Baking day", "Times tables treasure hunt"]  # theme (2) > subject (1)
    assert "Fractions with a pizza" not in related
    body = Client().get(corpus.pizza.url).content.decode()
    assert "Related challenges" in body and "Baking day" in body


# Visibility ----------------------------------------

HIDDEN = {
    "partners": ("Partners canaryp pond dipping", {"canaryp"}),
    "trust": ("Trust canaryt fractions", {"canaryt "}),
    "school": ("School canarys kindness week", {"canarys"}),
    "music": ("Secret canarym song", {"canarym", "canarytag", "music"}),
}
VIEWERS = {
    "anonymous": set(),
    "editor_a1": {"partners", "trust", "school", "music"},
    "moderator_a": {"partners", "trust", "school", "music"},
    "editor_a2": {"partners", "trust", "music"},
    "editor_b1": {"partners", "music"},
    "editor_c1": set(),
}


@pytest.mark.parametrize("viewer", sorted(VIEWERS))
def test_each_viewer_finds_exactly_what_they_may_see(corpus, viewer):
    client = Client() if viewer == "anonymous" else logged_in(getattr(corpus, viewer))
    data = search_json(client)
    visible = {HIDDEN[key][0] for key in VIEWERS[viewer]}
    assert titles(data) == corpus.public_titles | visible
    text = json.dumps(data).lower()
    for key, (_, canaries) in HIDDEN.items():
        if key not in VIEWERS[viewer]:
            for canary in canaries:
                assert canary not in text, canary  # not in results, snippets or facet counts
    # Counts agree with what is visible, whoever asks.
    ash = next((e for e in data["facets"]["school"] if e["value"] == "ash"), {"count": 0})
    assert ash["count"] == sum(1 for item in data["results"] if item["school"] == "Ash Primary")


@pytest.mark.parametrize("viewer", ["anonymous", "editor_c1"])
def test_hidden_challenges_never_leak_through_suggest_or_related(corpus, viewer):
    client = Client() if viewer == "anonymous" else logged_in(getattr(corpus, viewer))
    for typed in ("secret", "canary", "partners", "trust", "school", "draft"):
        assert suggestions(client, typed) == []
    assert suggestions(client, "canaryt") == []
    body = client.get(corpus.public.url).content.decode()
    for canary in CANARIES[:5]:
        assert canary not in body
    assert "canarytag" not in json.dumps(suggestions(client, "canaryt"))


def test_a_partner_teacher_gets_partner_suggestions(corpus):
    found = {s["text"] for s in suggestions(logged_in(corpus.editor_b1), "secret")}
    assert found == {"Secret canarym song"}


def test_drafts_never_reach_the_index(corpus):
    data = search_json(logged_in(corpus.superuser), q="canaryd")
    assert data["total"] == 0
    corpus.pizza.title = "Fractions with a draftword"
    corpus.pizza.save_revision()  # a draft of a live page: the live text stays indexed
    assert search_json(q="draftword")["total"] == 0
    assert search_json(q="pizza")["total"] == 1


# Index maintenance ----------------------------------------


def test_unpublishing_removes_at_once(corpus):
    corpus.pizza.unpublish()
    assert search_json(q="pizza")["total"] == 0
    assert "fractions" not in {s["text"] for s in suggestions(q="fra")}


def test_restricting_hides_at_once_and_widening_shows(corpus):
    corpus.pizza.visibility = "trust"
    corpus.pizza.save_revision().publish()
    assert search_json(q="pizza")["total"] == 0
    assert search_json(logged_in(corpus.editor_a2), q="pizza")["total"] == 1
    corpus.trust_only.visibility = "public"
    corpus.trust_only.save_revision().publish()
    assert "Trust canaryt fractions" in titles(search_json(q="fraction"))


def test_moving_a_challenge_updates_its_school_and_trust(corpus):
    corpus.tables.move(corpus.school_b1, pos="last-child")
    assert "Times tables treasure hunt" in titles(search_json(school="beech"))
    assert "Times tables treasure hunt" not in titles(search_json(trust="cedar"))


def test_moving_into_a_narrower_audience_hides_at_once(corpus):
    corpus.school_only.move(corpus.school_a2, pos="last-child")  # school-only, now of Aspen
    assert search_json(logged_in(corpus.editor_a1), q="canarys")["total"] == 0
    assert search_json(logged_in(corpus.editor_a2), q="canarys")["total"] == 1


def test_deleting_removes(corpus):
    corpus.pizza.delete()
    assert search_json(q="pizza")["total"] == 0


def test_rebuild_and_status_commands(corpus):

    out = StringIO()
    call_command("search_index", "rebuild", stdout=out, stderr=StringIO())
    assert "11 challenges" in out.getvalue()
    assert titles(search_json()) == corpus.public_titles
    out = StringIO()
    call_command("search_index", "status", stdout=out)
    assert "documents: 11" in out.getvalue()
    assert "last rebuild:" in out.getvalue()


# Bad input and cost ----------------------------------------


@pytest.mark.parametrize(
    "params, field",
    [({"year": "99"}, "year"), ({"page": "0"}, "page"), ({"subject": "<script>"}, "subject"),
     ({"sort": "random"}, "sort"), ({"q": "x" * 201}, "q")],
)  # fmt: skip
def test_bad_parameters_get_a_clear_400(corpus, params, field):
    response = Client().get("/search/", {"format": "json", **params})
    assert response.status_code == 400
    assert field in response.json()["errors"]


def count_queries(client, url, params):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


def test_search_runs_a_constant_number_of_queries(corpus):
    client = Client()
    few = count_queries(client, "/search/", {"format": "json", "cost": "low"})
    many = count_queries(client, "/search/", {"format": "json", "cost": "free"})
    assert few == many
    few_html = count_queries(client, "/search/", {"cost": "low"})
    many_html = count_queries(client, "/search/", {"cost": "free"})
    assert few_html == many_html


def test_suggest_runs_a_constant_number_of_queries(corpus):
    client = Client()
    assert count_queries(client, "/search/suggest/", {"q": "fra"}) == count_queries(
        client, "/search/suggest/", {"q": "a w"}
    )
