"""The whole journey of a weekly project, in Chromium (issue 11).

A school editor: "New challenge" → weekly project → a title-only save → the essentials and two
days → submit. Their trust's moderator: review with the checklist → approve. Then anyone finds it
in search, on the embed and in the print view. The test counts the screens the people see and the
values they type, and prints them with the time they took.
"""

import time

from admin_helpers import sign_in, submit_for_review

from challenges.models import LearningChallengePage

TWO_DAYS = {
    "Monday": [
        "Count the recycling bins on your street and draw a tally chart.",
        "Read a story about the ocean together and talk about the animals in it.",
        "Write three sentences about how your family saves water.",
        "Find five things at home that start with the sound 'pl' as in planet.",
    ],
    "Tuesday": [
        "Weigh a day of packaging from your kitchen and add up the grams.",
        "Read a poem about the weather aloud, then read it again as a robot.",
        "Write a postcard to a child in another country about your town.",
        "Spell ten nature words with letters cut from an old magazine.",
    ],
}


class Journey:
    """Counts what the people in the journey see and type."""

    def __init__(self, page):
        self.page = page
        self.screens = 0
        self.values = 0
        page.on("framenavigated", self._on_navigation)

    def _on_navigation(self, frame):
        if frame == self.page.main_frame:
            self.screens += 1

    def fill(self, locator, value):
        locator.fill(value)
        self.values += 1

    def type(self, locator, value):
        locator.click()
        locator.press_sequentially(value, delay=0)
        self.values += 1

    def check(self, locator):
        locator.check()
        self.values += 1


def test_weekly_project_from_new_challenge_to_search_embed_and_print(
    live_server, page, console, library
):
    started = time.monotonic()
    journey = Journey(page)

    # The school editor ------------------------------------------------------------------------
    sign_in(page, live_server, library.editor_a1)
    journey.values += 2  # username and password
    page.get_by_role("link", name="New challenge").click()
    journey.check(page.get_by_label("All ages", exact=True))
    page.get_by_role("button", name="Start a weekly project").click()
    page.wait_for_selector("#id_title")
    assert page.locator("[data-contentpath='activities'] [data-contentpath='body']").count() == 20

    journey.fill(page.locator("#id_title"), "Our planet")
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    draft = LearningChallengePage.objects.get(title="Our planet")
    assert not draft.live and draft.kind == "weekly"

    journey.fill(
        page.locator("#id_summary"),
        "A week of looking after our planet: counting, reading, writing and sounds for every age.",
    )
    for year in ("Year 3", "Year 4"):
        journey.check(page.get_by_label(year, exact=True))
    journey.check(page.get_by_label("Geography", exact=True))
    journey.check(page.get_by_label("Sustainability", exact=True))
    journey.fill(page.locator("#id_duration_min_minutes"), "20")
    journey.fill(page.locator("#id_duration_max_minutes"), "40")
    # Title, summary, year groups, and no image yet: only the activities are missing.
    assert "Ready to submit: 4 of 5" in page.locator("[data-readiness]").inner_text()

    page.get_by_role("tab", name="Activities").click()
    bodies = page.locator("[data-contentpath='activities'] [data-contentpath='body']")
    texts = TWO_DAYS["Monday"] + TWO_DAYS["Tuesday"]
    for index, text in enumerate(texts):
        journey.type(bodies.nth(index).locator("[contenteditable=true]"), text)
    # The rich text editor copies what was typed into its hidden input a moment later.
    for index, text in enumerate(texts):
        page.wait_for_function(
            "([body, tail]) => body.querySelector('input[type=hidden]').value.includes(tail)",
            arg=[bodies.nth(index).element_handle(), text[-12:]],
        )

    page.get_by_role("tab", name="Sharing and licence").click()
    page.locator("#id_visibility").select_option("public")
    journey.values += 1
    typed_in = time.monotonic() - started

    submit_for_review(page)
    assert "submitted" in page.locator(".messages").inner_text().lower()
    draft = LearningChallengePage.objects.get(pk=draft.pk)
    submitted = draft.get_latest_revision_as_object()
    assert [a["title"] for a in submitted.activity_values] == [
        f"{day}: {subject}"
        for day in TWO_DAYS
        for subject in ("Maths", "Reading", "Writing", "Phonics and spelling")
    ]
    assert submitted.visibility == "public"
    assert draft.workflow_in_progress
    editor_screens, editor_values = journey.screens, journey.values

    # The trust's moderator --------------------------------------------------------------------
    page.context.clear_cookies()
    sign_in(page, live_server, library.moderator_a)
    journey.values += 2
    review = page.locator("tr", has_text="Our planet")
    review.locator("[data-w-dropdown-target=toggle]").click()
    review.get_by_role("button", name="Approve").click()
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    for checkbox in modal.locator("input[type=checkbox]").all():
        journey.check(checkbox)
    with page.expect_navigation():
        modal.get_by_role("button", name="Approve").click()
    assert "approved" in page.locator(".messages").inner_text().lower()

    published = LearningChallengePage.objects.get(pk=draft.pk)
    assert published.live and published.audience == "public"
    moderator_screens = journey.screens - editor_screens

    # Families ---------------------------------------------------------------------------------
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/search/?q=planet")
    assert page.locator(".result h3", has_text="Our planet").count() == 1
    page.goto(f"{live_server.url}/embed/challenges/{published.uid}/")
    assert page.locator("h1").inner_text() == "Our planet"
    tuesday = page.locator("section.day", has=page.locator("h3", has_text="Tuesday"))
    assert tuesday.locator("h4", has_text="Tuesday: Phonics and spelling").count() == 1
    page.goto(f"{live_server.url}/print/challenges/{published.uid}/?year=3")
    assert "Monday: Maths" in page.locator("section.day", has_text="Monday").inner_text()
    assert not console.errors, console.errors

    elapsed = time.monotonic() - started
    print(
        f"\nJOURNEY: editor {editor_screens} screens, {editor_values} values typed or ticked; "
        f"moderator {moderator_screens} screens, {journey.values - editor_values} values; "
        f"editor's typing done after {typed_in:.1f} s; whole journey {elapsed:.1f} s"
    )
