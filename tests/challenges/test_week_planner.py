"""The week planner (issue 20) through Django's test client: the grid, typing in place, bands
added, removed and copied, the editor's validation, permissions and locks. In Chromium:
tests/browser/test_week_planner_in_browser.py, tests/journeys/test_journey_1_weekly_project.py."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from challenges.authoring.starters import weekly_slots
from challenges.models import LearningChallengePage
from tests.factories import make_challenge
from tests.home.test_workflow import stream_data


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def planner_url(page):
    return reverse("challenges_week_planner", args=[page.pk])


def latest(page):
    return LearningChallengePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def activities_of(page):
    return [dict(block.value) for block in latest(page).activities]


@pytest.fixture
def week(library):
    """A weekly project draft of school A1 with KS1 and EYFS slots, and one activity of its own."""
    page = make_challenge(
        library.school_a1, "Under the sea", publish=False, user=library.editor_a1, kind="weekly"
    )
    page = latest(page)
    page.activities = [("activity", slot) for slot in weekly_slots(["ks1", "eyfs"])] + [
        ("activity", {"title": "Rock pool hunt", "age_band": "all", "body": "<p>Go and look.</p>"})
    ]
    page.save_revision(user=library.editor_a1)
    return page


@pytest.mark.django_db
def test_the_grid_has_days_down_subjects_across_and_a_column_group_per_band(library, week):
    response = signed_in(library.editor_a1).get(planner_url(week))
    assert response.status_code == 200
    html = response.content.decode()
    grid = html[html.index('class="week-planner__grid"') :].split("</table>")[0]
    assert grid.count('scope="colgroup"') == 2 and ">KS1</th>" in grid and ">EYFS</th>" in grid
    assert grid.index(">EYFS</th>") < grid.index(">KS1</th>")  # youngest first
    assert grid.count('scope="row"') == 5 and grid.count("<textarea") == 40
    assert 'for="mon-maths-ks1-body">Monday, Maths, KS1: what to do</label>' in html
    assert "Rock pool hunt" in html  # an activity outside the grid, listed and kept
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[week.pk])}"' in html


@pytest.mark.django_db
def test_typing_in_place_saves_a_revision_of_the_same_page(library, week):
    revisions = week.revisions.count()
    response = signed_in(library.editor_a1).post(
        planner_url(week),
        {
            "mon-maths-ks1-title": "Count the fish",
            "mon-maths-ks1-body": "Count the fish in the picture.\n\nDraw five more.",
            "tue-phonics-eyfs-body": "Say “sh” as in shell & ship.",
            "action": "save",
        },
    )
    assert response.status_code == 302 and response["Location"] == planner_url(week)
    assert week.revisions.count() == revisions + 1
    activities = activities_of(week)
    monday = next(a for a in activities if (a["day"], a["subject"], a["age_band"]) == (
        "mon", "maths", "ks1"))  # fmt: skip
    assert monday["title"] == "Count the fish"
    assert monday["body"].source == "<p>Count the fish in the picture.</p><p>Draw five more.</p>"
    phonics = next(a for a in activities if (a["day"], a["subject"], a["age_band"]) == (
        "tue", "phonics", "eyfs"))  # fmt: skip
    assert phonics["body"].source == "<p>Say “sh” as in shell &amp; ship.</p>"
    assert len(activities) == 41 and activities[-1]["title"] == "Rock pool hunt"
    assert latest(week).latest_revision.user == library.editor_a1


@pytest.mark.django_db
def test_save_and_open_the_editor_goes_back_to_the_editor(library, week):
    response = signed_in(library.editor_a1).post(
        planner_url(week), {"mon-maths-ks1-body": "Count.", "action": "save_and_edit"}
    )
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[week.pk])


@pytest.mark.django_db
def test_a_band_is_added_to_and_removed_from_every_slot_in_one_action(library, week):
    client = signed_in(library.editor_a1)
    client.post(
        planner_url(week),
        {"wed-reading-ks1-body": "Read a sea poem.", "action": "add_band", "band_to_add": "lks2"},
    )
    bands = [a["age_band"] for a in activities_of(week)]
    assert bands.count("lks2") == 20 and bands.count("ks1") == 20
    assert any(a["body"].source == "<p>Read a sea poem.</p>" for a in activities_of(week))

    client.post(planner_url(week), {"action": "remove_band", "band_to_remove": "ks1"})
    bands = [a["age_band"] for a in activities_of(week)]
    assert "ks1" not in bands and bands.count("eyfs") == 20 and bands.count("lks2") == 20
    assert "Rock pool hunt" in [a["title"] for a in activities_of(week)]


@pytest.mark.django_db
def test_a_slot_is_copied_to_another_band_with_what_was_just_typed(library, week):
    signed_in(library.editor_a1).post(
        planner_url(week),
        {
            "thu-writing-ks1-title": "Write a postcard",
            "thu-writing-ks1-body": "Write a postcard from a submarine.",
            "action": "copy:thu-writing-ks1:eyfs",
        },
    )
    copies = [a for a in activities_of(week) if (a["day"], a["subject"]) == ("thu", "writing")]
    assert [(a["age_band"], a["title"], a["body"].source) for a in copies] == [
        (band, "Write a postcard", "<p>Write a postcard from a submarine.</p>")
        for band in ("ks1", "eyfs")
    ]


@pytest.mark.django_db
def test_bad_input_is_refused_in_words_and_writes_nothing(library, week):
    client = signed_in(library.editor_a1)
    revisions = week.revisions.count()
    too_long = "A" * 121
    response = client.post(
        planner_url(week),
        {"mon-maths-ks1-title": too_long, "mon-maths-ks1-body": "Kept text", "action": "save"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was saved" in html and "at most 120 characters" in html
    assert 'aria-invalid="true"' in html and "Kept text" in html  # what was typed stays
    response = client.post(planner_url(week), {"action": "add_band", "band_to_add": "ks1"})
    assert response.status_code == 400 and "KS1 is already in the week" in response.content.decode()
    assert week.revisions.count() == revisions


@pytest.mark.django_db
def test_only_people_who_may_edit_the_page_reach_the_planner(library, week):
    assert signed_in(library.editor_a2).get(planner_url(week)).status_code == 404
    assert signed_in(library.editor_b1).get(planner_url(week)).status_code == 404
    assert signed_in(library.moderator_a).get(planner_url(week)).status_code == 200
    # A public challenge another trust's teacher may read, but not change.
    # Wagtail answers a refused admin view with its "no permission" redirect to the dashboard.
    revisions = library.public.revisions.count()
    response = signed_in(library.editor_b1).post(
        planner_url(library.public), {"mon-maths-all-body": "Hijack", "action": "save"}
    )
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    assert library.public.revisions.count() == revisions
    anonymous = Client().get(planner_url(week))
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]


@pytest.mark.django_db
def test_a_locked_page_is_not_saved_and_the_text_stays(library, week):
    week.locked, week.locked_by, week.locked_at = True, library.moderator_a, timezone.now()
    week.save()
    revisions = week.revisions.count()
    response = signed_in(library.editor_a1).post(
        planner_url(week), {"mon-maths-ks1-body": "Typed while locked", "action": "save"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Nothing was saved" in html and "Typed while locked" in html
    assert week.revisions.count() == revisions


@pytest.mark.django_db
def test_the_editor_links_to_the_planner_and_saves_before_opening_it(library, week):
    client = signed_in(library.editor_a1)
    edit_url = reverse("wagtailadmin_pages:edit", args=[week.pk])
    html = client.get(edit_url).content.decode()
    assert f'href="{planner_url(week)}"' in html  # the header's button
    assert 'name="open-week-planner"' in html  # "Save and open the week planner"

    data = querydict_from_html(html, form_id="page-edit-form")
    for field, value in stream_data(latest(week)).items():
        data[field] = value
    data["summary"] = "Sea creatures all week."
    data["open-week-planner"] = "1"
    response = client.post(edit_url, data)
    assert response.status_code == 302 and response["Location"] == planner_url(week)
    assert latest(week).summary == "Sea creatures all week."
