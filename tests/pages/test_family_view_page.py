"""The family's view of a weekly project: day by day, and "My child is in..." (`?year=`) on the
challenge page, the embed and the print view, with one rule for which activities a year sees."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from challenges.family_view import activities_for_year
from tests.factories import make_challenge

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"


def activity(title, band, day="", subject=""):
    return (
        "activity",
        {"title": title, "age_band": band, "day": day, "subject": subject,
         "needs_screen": False, "body": f"<p>{title}: what to do.</p>"},
    )  # fmt: skip


# Written as a teacher might: not in day or subject order, the two bands side by side.
UNDER_THE_SEA = [
    activity("Tue EYFS maths: count shells", "eyfs", "tue", "maths"),
    activity("Mon KS1 reading: a rock pool story", "ks1", "mon", "reading"),
    activity("Mon KS1 maths: tens of fish", "ks1", "mon", "maths"),
    activity("Mon EYFS maths: big and small fish", "eyfs", "mon", "maths"),
    activity("Everyone: a beach collage", "all", "any", "other"),
    activity("Tue KS1 writing: a postcard from the sea", "ks1", "tue", "writing"),
    activity("Tue all ages phonics: sea sounds", "all", "tue", "phonics"),
]
KS1_AND_ALL = {
    "Mon KS1 reading: a rock pool story",
    "Mon KS1 maths: tens of fish",
    "Everyone: a beach collage",
    "Tue KS1 writing: a postcard from the sea",
    "Tue all ages phonics: sea sounds",
}
EYFS = {"Tue EYFS maths: count shells", "Mon EYFS maths: big and small fish"}


@pytest.fixture
def weekly(library):
    return make_challenge(
        library.school_a1, "Under the sea", kind="weekly", year_codes=["R", "1", "2"],
        activities=UNDER_THE_SEA,
    )  # fmt: skip


def get(path, **query):
    response = Client().get(path, query, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200, (path, query, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def days_of(html):
    """{day heading: [activity titles]} in the order the family reads them."""
    return {
        section.find(class_="day-heading").get_text(strip=True): [
            title.get_text(strip=True) for title in section.select(".activity-title")
        ]
        for section in html.select("section.day")
    }


def page_and_embed(challenge):
    return {"page": challenge.url, "embed": f"/embed/challenges/{challenge.uid}/"}


@pytest.mark.parametrize("view", ["page", "embed"])
def test_year_2_sees_ks1_and_all_ages_activities_day_by_day(weekly, view):
    html = get(page_and_embed(weekly)[view], year="2")

    assert days_of(html) == {
        "Monday": ["Mon KS1 maths: tens of fish", "Mon KS1 reading: a rock pool story"],
        "Tuesday": ["Tue KS1 writing: a postcard from the sea", "Tue all ages phonics: sea sounds"],
        "Any order": ["Everyone: a beach collage"],
    }
    text = html.get_text(" ")
    assert not any(title in text for title in EYFS)
    assert "Showing the activities for Year 2 (KS1) and for all ages" in text
    assert "2 for other ages are left out" in text


@pytest.mark.parametrize("view", ["page", "embed"])
def test_without_a_year_every_band_shows_under_its_day(weekly, view):
    html = get(page_and_embed(weekly)[view])

    days = days_of(html)
    assert list(days) == ["Monday", "Tuesday", "Any order"]
    assert days["Monday"] == [  # by subject within the day: maths (both bands), then reading
        "Mon KS1 maths: tens of fish",
        "Mon EYFS maths: big and small fish",
        "Mon KS1 reading: a rock pool story",
    ]
    assert sum(days.values(), []).__len__() == len(UNDER_THE_SEA)
    assert not html.select("ol.activities")  # no flat numbered list for a weekly project
    assert "Showing the activities for" not in html.get_text(" ")


@pytest.mark.parametrize("view", ["page", "embed"])
def test_the_choice_offers_only_the_challenges_own_years(weekly, view):
    html = get(page_and_embed(weekly)[view], year="2")

    form = html.select_one("form[data-year-choice]")
    assert form["method"] == "get" and form["action"]
    assert form.select_one("label[for=year-choice]").get_text(strip=True) == "My child is in"
    options = [(option["value"], option.get_text(strip=True)) for option in form.select("option")]
    assert options == [
        ("", "any year: show every activity"),
        ("R", "Reception"),
        ("1", "Year 1"),
        ("2", "Year 2"),
    ]
    assert form.select_one("option[selected]")["value"] == "2"
    assert form.select_one("button[type=submit]")


def test_the_form_submitted_without_script_shows_the_choice(weekly):
    """The form's own GET, as a browser without JavaScript sends it."""
    html = get(page_and_embed(weekly)["page"])
    form = html.select_one("form[data-year-choice]")

    chosen = get(form["action"], year="R")

    assert set(sum(days_of(chosen).values(), [])) == EYFS | {
        "Everyone: a beach collage",
        "Tue all ages phonics: sea sounds",
    }


def test_the_embed_keeps_its_theme_when_a_year_is_chosen(weekly):
    html = get(f"/embed/challenges/{weekly.uid}/", year="1", school="ash", accent="aa3300")

    form = html.select_one("form[data-year-choice]")
    assert form["action"] == f"/embed/challenges/{weekly.uid}/"
    kept = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert kept == {"school": "ash", "accent": "aa3300"}
    every = html.select_one(".year-shown a")["href"]
    assert every == f"/embed/challenges/{weekly.uid}/?school=ash&accent=aa3300"


@pytest.mark.parametrize("view", ["page", "embed"])
def test_the_print_button_keeps_the_choice(weekly, view):
    chosen = get(page_and_embed(weekly)[view], year="2")
    every = get(page_and_embed(weekly)[view])

    def print_link(html):
        return html.find("a", string=lambda text: text and text.startswith("Print"))

    assert print_link(chosen)["href"].endswith(f"/print/challenges/{weekly.uid}/?year=2")
    assert print_link(chosen).get_text(strip=True) == "Print Year 2's activities"
    assert print_link(every)["href"].endswith(f"/print/challenges/{weekly.uid}/")


@pytest.mark.parametrize(
    "value", ["99", "0", "²", "year 2", "-1", "2.0", "KS1", "<script>", "R" * 500]
)
@pytest.mark.parametrize("view", ["page", "embed", "print"])
def test_an_invalid_year_is_ignored_and_shows_every_band(weekly, view, value):
    path = {**page_and_embed(weekly), "print": f"/print/challenges/{weekly.uid}/"}[view]

    html = get(path, year=value)

    text = html.get_text(" ")
    assert all(title in text for title in KS1_AND_ALL | EYFS), value
    assert "<script>" not in str(html.select_one("main"))


def test_one_rule_decides_what_a_year_sees_on_every_view(weekly):
    """The page, the embed and the print view show exactly the rule's activities, each year."""
    every = [block.value for block in weekly.activities]
    for year in ["N", "R", "1", "2", "3", "5", "7", "13", ""]:
        expected = {activity["title"] for activity in activities_for_year(every, year)}
        for view, path in {
            **page_and_embed(weekly), "print": f"/print/challenges/{weekly.uid}/",
        }.items():  # fmt: skip
            shown = {title.get_text(strip=True) for title in get(path, year=year).select("h3, h4")}
            assert shown & {a["title"] for a in every} == expected, (view, year)


def test_print_offers_only_the_challenges_own_years_and_one_print_action(weekly):
    html = get(f"/print/challenges/{weekly.uid}/", year="2")

    form = html.select_one("form[data-print-form]")
    assert form["method"] == "get" and form["action"] == f"/print/challenges/{weekly.uid}/"
    options = [option["value"] for option in form.select("select[name=year] option")]
    assert options == ["", "R", "1", "2"]
    assert form.select_one("option[selected]")["value"] == "2"
    buttons = [button.get_text(strip=True) for button in form.select("button")]
    assert buttons == ["Print"]  # no separate "Update" step
    assert "for Year 2" in html.select_one(".kicker").get_text()


def test_a_single_challenge_keeps_its_numbered_steps(library):
    single = make_challenge(
        library.school_a1, "Paper boats", year_codes=["1", "2"],
        activities=[activity("Fold the boat", "all", "mon", "other"),
                    activity("Float it", "ks1"), activity("Race two boats", "uks2")],
    )  # fmt: skip
    html = get(single.url)

    steps = [
        item.select_one(".activity-title").get_text() for item in html.select("ol.activities > li")
    ]
    assert steps == ["Fold the boat", "Float it", "Race two boats"]
    assert not html.select("section.day")
    chosen = get(single.url, year="1")
    steps = [
        item.select_one(".activity-title").get_text()
        for item in chosen.select("ol.activities > li")
    ]
    assert steps == ["Fold the boat", "Float it"]


def test_a_challenge_for_one_age_offers_no_choice(library):
    """Every activity for all ages: choosing a year would change nothing, so nothing is asked."""
    html = get(library.public.url)
    assert not html.select("form[data-year-choice]")


@pytest.mark.parametrize("view", ["page", "embed", "print"])
def test_a_cached_copy_for_every_band_never_answers_a_chosen_year(weekly, view):
    """The render cache, the ETag and Last-Modified are per query: a warm all-bands copy, and
    a browser holding it, still get year 2's own answer."""
    path = {**page_and_embed(weekly), "print": f"/print/challenges/{weekly.uid}/"}[view]
    client = Client()
    for _ in range(2):  # cold, then warm from the render cache
        every = client.get(path, HTTP_USER_AGENT=BROWSER)
        assert every.status_code == 200
    validators = {
        header: every[name]
        for header, name in (
            ("HTTP_IF_NONE_MATCH", "ETag"),
            ("HTTP_IF_MODIFIED_SINCE", "Last-Modified"),
        )
        if every.has_header(name)
    }

    for _ in range(2):
        chosen = client.get(path, {"year": "2"}, HTTP_USER_AGENT=BROWSER, **validators)
        assert chosen.status_code == 200, validators
        titles = BeautifulSoup(chosen.content, "html.parser").get_text(" ")
        assert not any(title in titles for title in EYFS)
        assert all(title in titles for title in KS1_AND_ALL)
    again = client.get(path, HTTP_USER_AGENT=BROWSER)
    assert all(title in again.content.decode() for title in EYFS)


def test_the_embed_opens_the_full_page_with_the_same_choice(weekly):
    html = get(f"/embed/challenges/{weekly.uid}/", year="R")

    full_page = html.find("a", string="Open full page")["href"]
    assert full_page == f"http://testserver{weekly.url}?year=R"
    assert days_of(get(weekly.url, year="R")) == days_of(html)
