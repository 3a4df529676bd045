"""The updates screen in Chromium: a teacher whose adaptation's original changed reads the
comparison as text (changes marked, one row per changed activity, unchanged ones folded), answers
the one real clash, and pulls into a new draft that keeps both sides' edits."""

from admin_helpers import sign_in

from challenges.models import LearningChallengePage
from challenges.sharing.adapt import adapt
from tests.factories import make_challenge

WEEK = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def activity(day):
    value = {"title": f"{day}: Maths", "age_band": "ks1", "needs_screen": False,
             "body": f"<p>On {day}, count the <b>fish</b> in the picture.</p>"}  # fmt: skip
    return ("activity", value)


def new_revision(page, bodies, publish=False):
    draft = LearningChallengePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    raw = draft.activities.get_prep_value()
    for position, body in bodies.items():
        raw[position]["value"]["body"] = body
    draft.activities = raw
    revision = draft.save_revision()
    if publish:
        revision.publish()


def test_a_teacher_reads_the_changes_and_takes_the_update(live_server, page, library):
    original = make_challenge(
        library.school_a1, "Under the sea", "partners", activities=[activity(d) for d in WEEK]
    )
    copy = adapt(original, library.school_b1, library.editor_b1)
    theirs = {0: "<p>On Monday, count the <b>crabs</b> in twos.</p>",
              4: "<p>On Friday, draw the biggest fish.</p>"}  # fmt: skip
    ours = {2: "<p>On Wednesday, count the fish at Beech pond.</p>",
            4: "<p>On Friday, measure a fish with cubes.</p>"}  # fmt: skip
    new_revision(original, theirs, publish=True)
    new_revision(copy, ours)

    sign_in(page, live_server, library.editor_b1)
    page.goto(live_server.url + "/admin/challenges/updates/")
    listing = page.locator("main").inner_text()
    assert "Under the sea (Ash Primary, Alder Trust)" in listing
    page.get_by_role("link", name="Under the sea").click()

    main = page.locator("main")
    text = main.inner_text()
    for raw in ("['", "<p>", "&lt;p&gt;", "<b>", "&lt;b&gt;"):
        assert raw not in text, f"{raw!r} shown to the teacher"
    rows = main.locator("tr[data-activity]")
    assert rows.count() == 3  # Monday (theirs), Wednesday (ours), Friday (both); 3 folded
    assert [rows.nth(i).locator("th").inner_text() for i in range(3)] == [
        "Activity 1: Monday: Maths", "Activity 3: Wednesday: Maths", "Activity 5: Friday: Maths",
    ]  # fmt: skip
    monday = rows.nth(0)
    assert "crabs" in " ".join(monday.locator(".addition").all_inner_texts())
    assert "fish" in " ".join(monday.locator(".deletion").all_inner_texts())
    assert monday.locator("td").nth(1).inner_text() == "No change"  # the teacher did not touch it
    assert main.get_by_text("Both changed: choose").count() == 1

    rows.nth(2).get_by_label("Keep both").check()
    page.get_by_role("button", name="Pull into a new draft").click()
    page.wait_for_url(f"**/admin/pages/{copy.pk}/edit/")
    assert "Nothing is live until it is reviewed" in page.locator("body").inner_text()

    draft = LearningChallengePage.objects.get(pk=copy.pk).get_latest_revision_as_object()
    bodies = [str(block.value["body"]) for block in draft.activities]
    assert bodies[0] == "<p>On Monday, count the <b>crabs</b> in twos.</p>"
    assert bodies[2] == "<p>On Wednesday, count the fish at Beech pond.</p>"
    assert bodies[4:6] == [
        "<p>On Friday, measure a fish with cubes.</p>", "<p>On Friday, draw the biggest fish.</p>",
    ]  # fmt: skip
    assert len(bodies) == 7 and not LearningChallengePage.objects.get(pk=copy.pk).live
