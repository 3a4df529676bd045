"""The week planner in Chromium (issue 20): reached from the editor, used with the keyboard alone,
read by its labels, and axe (WCAG A and AA) finds nothing on it."""

from admin_helpers import sign_in
from test_admin_accessibility import assert_no_violations, run_axe_on

from challenges.authoring.starters import weekly_slots
from challenges.models import LearningChallengePage
from tests.factories import make_challenge


def weekly_draft(library):
    page = make_challenge(
        library.school_a1, "Under the sea", publish=False, user=library.editor_a1, kind="weekly"
    )
    page = page.get_latest_revision_as_object()
    page.activities = [("activity", slot) for slot in weekly_slots(["eyfs", "ks1"])]
    page.save_revision(user=library.editor_a1)
    return page


def test_the_planner_from_the_editor_by_keyboard_with_no_axe_violations(
    live_server, page, console, axe_path, library
):
    draft = weekly_draft(library)
    sign_in(page, live_server, library.editor_a1)
    page.goto(f"{live_server.url}/admin/pages/{draft.pk}/edit/")
    page.get_by_role("button", name="Save and open the week planner").click()
    page.wait_for_url(f"**/admin/challenges/{draft.pk}/week/")
    page.screenshot(path="/tmp/weekly-planner.png", full_page=True)

    assert_no_violations(run_axe_on(page, axe_path, [".week-planner", "header"]), "Week planner")
    # Every field is named by its day, subject and band.
    assert page.get_by_label("Wednesday, Reading, KS1: what to do").count() == 1
    assert page.get_by_role("columnheader", name="EYFS").count() == 1
    assert page.get_by_role("rowheader", name="Friday").count() == 1

    # The keyboard alone: from Monday's EYFS maths title to its text, then "Copy to KS1".
    page.focus("#mon-maths-eyfs-title")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "mon-maths-eyfs-body"
    page.keyboard.type("Count the shells: how many are spotty?")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Copy to KS1: Monday, Maths, EYFS"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "copied from EYFS to KS1" in page.locator(".messages").inner_text()
    assert page.locator("#mon-maths-ks1-body").input_value() == (
        "Count the shells: how many are spotty?"
    )
    saved = LearningChallengePage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    monday_maths = [
        block.value["age_band"]
        for block in saved.activities
        if "spotty" in block.value["body"].source
    ]
    assert monday_maths == ["eyfs", "ks1"]

    page.get_by_role("button", name="Save and open the editor").click()
    page.wait_for_url(f"**/admin/pages/{draft.pk}/edit/")
    assert not console.errors, console.errors
