"""The page chooser costs the same number of database queries whatever the number of pages it
lists: a school of 40 challenges opens as cheaply as a school of 10 (measured, not timed)."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import make_challenge

SEARCH_WORD = "minnow"


def add_challenges(school, count, start):
    """Live challenges, each with a newer draft title, so the title rule has work on every row."""
    for number in range(start, start + count):
        page = make_challenge(school, f"{SEARCH_WORD} challenge {number}", "trust")
        page.title = f"{SEARCH_WORD} challenge {number} (retitled)"
        page.save_revision()


def queries_for(user, url):
    client = Client()
    client.force_login(user)
    client.get(url)  # session, content types and other per-process caches warmed
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def listed(body):
    return len(set(re.findall(rf"{SEARCH_WORD} challenge (\d+)", body)))


@pytest.mark.parametrize("viewer", ["editor_a1", "editor_a2"])
def test_the_page_chooser_query_count_does_not_grow_with_its_pages(library, viewer):
    """An editor of the school (who reads the draft titles) and an editor of another school of
    the trust (who reads the live titles), browsing the school and searching."""
    user = getattr(library, viewer)
    urls = {
        "browse": f"/admin/choose-page/{library.school_a1.pk}/",
        "search": f"/admin/choose-page/search/?q={SEARCH_WORD}",
    }
    add_challenges(library.school_a1, 10, start=0)
    with_ten = {}
    for screen, url in urls.items():
        with_ten[screen], body = queries_for(user, url)
        assert listed(body) == 10
    add_challenges(library.school_a1, 30, start=10)
    for screen, url in urls.items():
        with_forty, body = queries_for(user, url)
        assert listed(body) > 10  # more listed now (the chooser shows 25 a screen)
        assert with_forty == with_ten[screen], (
            f"{screen}: {with_ten[screen]} queries for 10 pages, {with_forty} for 40"
        )
        # Fetched at once, still right: each row names its own parent, as choosing needs (browse
        # lists the school itself first, whose parent is the trust).
        parents = set(re.findall(r'data-parent-id=\\?"(\d+)', body))
        school, trust = library.school_a1.pk, library.trust_a.pk
        assert parents == ({str(school), str(trust)} if screen == "browse" else {str(school)})
