"""The embed, list and print pages describe themselves to search engines (Lighthouse's SEO
"meta description"): a challenge by its summary, the list by what it lists (issue 23)."""

import re
from html import unescape

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def description(html):
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1, found
    return unescape(found[0])


def test_embed_and_print_are_described_by_the_summary(library):
    client = Client()
    for path in (
        f"/embed/challenges/{library.public.uid}/",
        f"/print/challenges/{library.public.uid}/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert description(response.text) == library.public.summary, path


def test_the_list_says_what_it_lists(library):
    response = Client().get("/embed/list/?school=ash")
    assert response.status_code == 200
    assert description(response.text).startswith("Learning challenges for families")
