"""Listings run a constant number of SQL queries, whatever the number of challenges they show:
the API, the widget JSON, the plain list, the feed, and the trust and school pages."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import make_challenge

LISTINGS = [
    "/api/v2/challenges/",
    "/api/v2/challenges/?fields=*",
    "/embed/challenges.json?limit=24",
    "/embed/list/?limit=24",
    "/feeds/challenges/",
    "/alder/",
    "/alder/ash/",
]


def queries_for(url):
    # First-request work out of the way (content types, site root paths, and the search's
    # per-process facet index, rebuilt once after any publish): the count is the listing's.
    Client().get(url)
    cache.clear()  # every answer computed afresh, never from a render cache
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_challenges(library, count):
    library.extra = getattr(library, "extra", 0)
    for n in range(count):
        make_challenge(
            library.school_a1, f"Extra public challenge {library.extra + n}",
            subjects=["science", "art"], themes=["outdoors"], tags=[f"extra-{n}", "shared"],
            year_codes=["1", "5"],
        )  # fmt: skip
    library.extra += count


@pytest.mark.parametrize("url", LISTINGS)
def test_a_listing_costs_the_same_queries_for_one_challenge_or_many(library, url):
    add_challenges(library, 1)  # subjects, themes and tags of every kind present from the start
    few = queries_for(url)
    add_challenges(library, 6)
    many = queries_for(url)
    assert few == many, f"{url}: {few} queries with 2 public challenges, {many} with 8"
