"""Searching within a school from its page; what cards and results tell a family (issue 23)."""

from html.parser import HTMLParser

from django.test import Client

from challenges.vocabulary import year_groups_text
from search.text import plain_text
from tests.factories import make_challenge


class Forms(HTMLParser):
    """The forms of a page and their inputs, as a browser submits them."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action"), "inputs": {}})
        elif tag == "input" and self.forms and attrs.get("name"):
            self.forms[-1]["inputs"][attrs["name"]] = attrs.get("value", "")


def school_search_form(url):
    reader = Forms()
    reader.feed(Client().get(url).content.decode())
    (form,) = [form for form in reader.forms if "school" in form["inputs"]]
    return form


def test_a_school_page_searches_only_that_school(library):
    make_challenge(library.school_b1, "Beech bug hunt", summary="Look for bugs.")
    make_challenge(library.school_a1, "Ash bug count", summary="Count the bugs.")
    form = school_search_form(library.school_a1.url)
    assert form["action"] == "/search/"
    assert form["inputs"]["school"] == "ash"
    body = Client().get(form["action"], {**form["inputs"], "q": "bug"}).content.decode()
    assert "Ash bug count" in body and "Public bug hotel" in body
    assert "Beech bug hunt" not in body
    assert "School: Ash Primary" in body  # the scope shows, and can be removed


def test_school_cards_show_year_groups(library):
    make_challenge(library.school_a1, "Shapes hunt", year_codes=["R", "1", "2"])
    body = Client().get(library.school_a1.url).content.decode()
    assert "Reception to Year 2" in body


def test_year_groups_read_as_families_say_them():
    assert year_groups_text(["2", "R", "1"]) == "Reception to Year 2"
    assert year_groups_text(["N", "3", "4", "5", "6"]) == "Nursery, Year 3 to Year 6"
    assert year_groups_text(["7"]) == "Year 7"
    assert year_groups_text([]) == ""


def test_results_show_trust_and_licence(library):
    make_challenge(library.school_b1, "Reserved riddles", licence="LicenseRef-All-Rights-Reserved")
    body = Client().get("/search/", {"q": "riddles"}).content.decode()
    assert "Beech Primary, Birch Trust" in body
    assert "Licence: All rights reserved" in body
    body = Client().get("/search/", {"q": "hotel"}).content.decode()
    assert "Ash Primary, Alder Trust" in body
    assert (
        'Licence: <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">'
        "Creative Commons Attribution 4.0</a>"
    ) in body


def test_snippets_keep_the_space_between_sentences(library):
    activity = {
        "title": "Build it", "age_band": "all", "needs_screen": False,
        "body": "<p>Find a shady spot.</p><p>Put the hotel there.<br>Wait for visitors.</p>",
    }  # fmt: skip
    activities = [("activity", activity)]
    make_challenge(library.school_a1, "Shady hotel", summary="", activities=activities)
    body = Client().get("/search/", {"q": "visitors"}).content.decode()
    assert "shady spot. Put the hotel there. Wait for <mark>visitors</mark>" in body
    assert plain_text("<p>spot.</p><p>Put <b>it</b>s</p>") == "spot. Put its"
