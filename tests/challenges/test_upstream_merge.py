"""Taking an update activity by activity (same instance): what only one side changed survives
without a question; a clash asks once, for that activity, and each answer does what it says; the
comparison reads as text; the result is a new draft, never live."""

import re

import pytest
from django.urls import reverse

from challenges.models import LearningChallengePage
from challenges.sharing.upstream import compare, pending_updates
from tests.challenges.test_upstream import adapt
from tests.factories import make_challenge

pytestmark = pytest.mark.django_db

DAYS = [("Monday: Maths", "mon", "maths"), ("Tuesday: Reading", "tue", "reading"),
        ("Wednesday: Writing", "wed", "writing")]  # fmt: skip


def activity(title, day, subject, body):
    value = {"title": title, "day": day, "subject": subject, "age_band": "ks1",
             "needs_screen": False, "body": body}  # fmt: skip
    return ("activity", value)


def with_bodies(page, bodies, publish=False):
    """A new revision of `page` with activity bodies replaced ({position: html})."""
    draft = page.get_latest_revision_as_object()
    raw = draft.activities.get_prep_value()
    for position, body in bodies.items():
        raw[position]["value"]["body"] = body
    draft.activities = raw
    revision = draft.save_revision()
    if publish:
        revision.publish()
    return LearningChallengePage.objects.get(pk=page.pk)


def bodies(page):
    draft = LearningChallengePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return [str(b.value["body"]) for b in draft.activities]


@pytest.fixture
def sea(client, library):
    library.original = make_challenge(
        library.school_a1, "Under the sea", "partners",
        activities=[activity(t, d, s, f"<p>{t}: count the fish.</p>") for t, d, s in DAYS],
    )  # fmt: skip
    library.copy = adapt(client, library.editor_b1, library.original, library.school_b1)
    client.force_login(library.editor_b1)
    return library


def test_changes_to_different_activities_both_survive_without_a_question(client, sea):
    with_bodies(sea.original, {0: "<p>Count the crabs in twos.</p>"}, publish=True)
    with_bodies(sea.copy, {2: "<p>Write a postcard to Beech class.</p>"})

    page = client.get(reverse("challenges_upstream", args=[sea.copy.pk])).text
    assert 'type="radio"' not in page  # nothing to choose
    assert len(re.findall(r"<tr data-activity=", page)) == 2  # one row per changed activity
    assert client.post(reverse("challenges_upstream", args=[sea.copy.pk])).status_code == 302

    copy = LearningChallengePage.objects.get(pk=sea.copy.pk)
    assert bodies(copy) == [
        "<p>Count the crabs in twos.</p>",
        "<p>Tuesday: Reading: count the fish.</p>",
        "<p>Write a postcard to Beech class.</p>",
    ]
    assert not copy.live and copy.adapted_from["version"] == 2
    assert copy.pk not in [a.pk for a, _ in pending_updates()]


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("theirs", ["<p>Count the crabs in twos.</p>"]),
        ("ours", ["<p>Count the shells at Beech beach.</p>"]),
        ("both", ["<p>Count the shells at Beech beach.</p>", "<p>Count the crabs in twos.</p>"]),
    ],
)
def test_the_same_activity_changed_on_both_sides_asks_once_and_the_answer_is_done(
    client, sea, answer, expected
):
    with_bodies(sea.original, {0: "<p>Count the crabs in twos.</p>"}, publish=True)
    with_bodies(sea.copy, {0: "<p>Count the shells at Beech beach.</p>"})
    url = reverse("challenges_upstream", args=[sea.copy.pk])

    page = client.get(url).text
    first_id = sea.original.activities[0].id
    assert page.count("Both changed: choose") == 1
    assert f'name="activity-{first_id}" value="{answer}"' in page

    # Without an answer ours stays and the update stays listed.
    client.post(url)
    assert bodies(sea.copy)[0] == "<p>Count the shells at Beech beach.</p>"
    assert sea.copy.pk in [a.pk for a, _ in pending_updates(sea.editor_b1)]

    client.post(url, {f"activity-{first_id}": answer})
    after = bodies(sea.copy)
    assert after[: len(expected)] == expected
    assert after[len(expected) :] == [f"<p>{t}: count the fish.</p>" for t, _, _ in DAYS[1:]]
    assert sea.copy.pk not in [a.pk for a, _ in pending_updates(sea.editor_b1)]
    assert not LearningChallengePage.objects.get(pk=sea.copy.pk).live


def test_an_activity_added_upstream_arrives_and_one_removed_here_stays_removed(client, sea):
    draft = sea.original.get_latest_revision_as_object()
    raw = draft.activities.get_prep_value()
    raw.insert(1, {"type": "activity", "value": dict(raw[0]["value"], title="Monday: Art",
                                                      body="<p>Paint a fish.</p>")})  # fmt: skip
    draft.activities = raw
    draft.save_revision().publish()
    ours = sea.copy.get_latest_revision_as_object()
    ours.activities = ours.activities.get_prep_value()[:2]  # we dropped Wednesday
    ours.save_revision()

    assert client.post(reverse("challenges_upstream", args=[sea.copy.pk])).status_code == 302
    draft = LearningChallengePage.objects.get(pk=sea.copy.pk).get_latest_revision_as_object()
    titles = [b.value["title"] for b in draft.activities]
    assert titles == ["Monday: Maths", "Monday: Art", "Tuesday: Reading"]


def test_the_comparison_reads_as_text_with_changes_marked(client, sea):
    with_bodies(sea.original, {1: "<p>Read a <b>story</b> about whales.</p>"}, publish=True)
    page = client.get(reverse("challenges_upstream", args=[sea.copy.pk])).text
    row = page[page.index("<tr data-activity=") :]
    row = row[: row.index("</tr>")]
    assert "Activity 2: Tuesday: Reading" in row
    assert '<span class="addition">' in row and '<span class="deletion">' in row
    assert "['" not in page and "&lt;p&gt;" not in page and "&lt;b&gt;" not in page
    assert "whales" in row and "<b>" not in row


def test_unchanged_activities_are_folded(sea):
    with_bodies(sea.original, {1: "<p>Read about whales.</p>"}, publish=True)
    rows = compare(LearningChallengePage.objects.get(pk=sea.copy.pk)).activity_rows()
    assert [row["title"] for row in rows] == ["Tuesday: Reading"]
