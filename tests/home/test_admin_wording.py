"""Words on the admin screens Wagtail draws for us, where its own wording showed raw data."""

import re

from django.test import Client

from tests.factories import make_challenge


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_admins_page_search_counts_pages_in_words(library):
    make_challenge(library.school_a1, "Second canaryd sketch", "public", publish=False)
    teacher = Client()
    teacher.force_login(library.editor_a1)
    two = text_of(teacher.get("/admin/pages/search/?q=canaryd").content.decode())
    assert "1-2 of 2 pages" in two
    one = text_of(teacher.get("/admin/pages/search/?q=sketch").content.decode())
    assert "1-1 of 1 page " in one
    assert "None" not in two + one
