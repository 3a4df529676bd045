"""Journey 2 (JOURNEYS.md): the trust's moderator reviews journey 1's weekly project, "Under the
sea", with the review checklist, asks for one change, and approves the resubmission. Done when it
is live (its public page answers 200) and the author was told both times. Budget: at most 5
screens for the moderator. The moderator works from the emails the library sends, as a person
does; the author (another browser) makes the change in the editor and resubmits. Screenshots of
the moderator's screens are left in /tmp/journey-2-*.png."""

import re
import time
from urllib.parse import urlsplit

from django.core import mail

from challenges.models import LearningChallengePage
from tests.browser.admin_helpers import open_more_actions
from tests.factories import PASSWORD, ChallengeImageFactory
from tests.weekly_project import make_under_the_sea

CHANGE = "Please add a safety note: the beach collage needs scissors, so a grown-up should help."
SAFETY_NOTE = "Use scissors for the beach collage only with a grown-up beside you."


def submitted_under_the_sea(library):
    """Journey 1's result: the draft, with its credited image, submitted by its teacher."""
    image = ChallengeImageFactory(title="Beach", credit="Photo: Miss P., Ash Primary")
    draft = make_under_the_sea(
        library.school_a1,
        publish=False,
        user=library.editor_a1,
        hero_image=image,
        hero_image_alt="A sandy beach under a blue sky with the sun shining",
    )
    draft.get_workflow().start(draft, library.editor_a1)
    return LearningChallengePage.objects.get(pk=draft.pk)


def link_in(message, live_server, pattern):
    """The admin link in an email, on the test server (the email names the configured host)."""
    urls = re.findall(r"https?://\S+", message.body)
    matching = [url for url in urls if re.search(pattern, url)]
    assert matching, f"no link matching {pattern} in:\n{message.body}"
    return live_server.url + urlsplit(matching[0]).path


def emails_to(address):
    return [message for message in mail.outbox if address in message.to]


def test_journey_2_the_moderator_reviews_under_the_sea(
    live_server, page, browser, journey, console, library
):
    moderator, author = library.moderator_a, library.editor_a1
    draft = submitted_under_the_sea(library)
    started = time.monotonic()

    def shot(name):
        page.screenshot(path=f"/tmp/journey-2-{name}.png", full_page=True)

    # The moderator is told of the submission, and follows the email's link -------------------
    told = emails_to(moderator.email)
    assert told, "the moderator was not told of the submission"
    page.goto(link_in(told[-1], live_server, rf"/pages/{draft.pk}/edit/"))
    journey.fill(page.locator("input[name=username]"), moderator.username)
    journey.fill(page.locator("input[name=password]"), PASSWORD)
    with page.expect_navigation():
        journey.click(page.locator("button[type=submit]"))
    shot("1-editor")
    journey.click(page.get_by_role("tab", name="Activities"))
    bodies = page.locator(
        "[data-contentpath='activities'] [data-contentpath='body'] [contenteditable=true]"
    )
    assert bodies.count() == 42
    shot("2-activities")

    # One change asked for ------------------------------------------------------------------------
    mail.outbox.clear()
    open_more_actions(page)
    journey.clicks += 1
    journey.click(page.get_by_role("button", name="Request changes"))
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    shot("3-request-changes")
    journey.fill(modal.get_by_label("What needs to change?"), CHANGE)
    with page.expect_navigation():
        journey.click(modal.get_by_role("button", name="Request changes"))
    shot("4-changes-requested")
    print(page.locator(".messages").inner_text())
    draft.refresh_from_db()
    assert not draft.live and not draft.workflow_in_progress

    told_author = emails_to(author.email)
    assert told_author, "the author was not told that changes were asked for"
    assert CHANGE in told_author[-1].body, told_author[-1].body
    print(told_author[-1].subject, told_author[-1].body)

    # The author makes the change and resubmits (their own browser; journey 1 counts them) ------
    author_page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    author_page.set_default_timeout(10_000)
    author_page.goto(link_in(told_author[-1], live_server, rf"/pages/{draft.pk}/edit/"))
    author_page.fill("input[name=username]", author.username)
    author_page.fill("input[name=password]", PASSWORD)
    with author_page.expect_navigation():
        author_page.click("button[type=submit]")
    author_page.screenshot(path="/tmp/journey-2-author-editor.png", full_page=True)
    author_page.get_by_role("tab", name="For families").click()
    notes = author_page.locator("[data-contentpath='safety_notes'] [contenteditable=true]")
    notes.click()
    notes.press_sequentially(SAFETY_NOTE, delay=0)
    # The editor keeps what was typed a moment later, as it does for a person.
    author_page.wait_for_function(
        "() => document.querySelector('input[name=safety_notes]').value.includes('scissors')"
    )
    open_more_actions(author_page)
    with author_page.expect_navigation():
        author_page.locator("button[name=action-submit]").click()
    author_page.screenshot(path="/tmp/journey-2-author-resubmitted.png", full_page=True)
    print(author_page.locator(".messages").inner_text())
    author_page.context.close()
    resubmitted = LearningChallengePage.objects.get(pk=draft.pk)
    assert resubmitted.workflow_in_progress
    assert SAFETY_NOTE in resubmitted.get_latest_revision_as_object().safety_notes

    # The moderator is told of the resubmission, checks the change, and approves -----------------
    told = emails_to(moderator.email)
    assert told, "the moderator was not told of the resubmission"
    page.goto(link_in(told[-1], live_server, rf"/pages/{draft.pk}/edit/"))
    journey.click(page.get_by_role("tab", name="For families"))
    assert SAFETY_NOTE in page.locator("[data-contentpath='safety_notes']").inner_text()
    shot("5-resubmitted")
    mail.outbox.clear()
    open_more_actions(page)
    journey.clicks += 1
    journey.click(page.get_by_role("button", name="Approve and Publish"))
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    checklist = modal.locator("input[type=checkbox]")
    assert checklist.count() == 5
    shot("6-checklist")
    for item in checklist.all():
        journey.check(item)
    with page.expect_navigation():
        journey.click(modal.get_by_role("button", name="Approve"))
    shot("7-approved")
    print(page.locator(".messages").inner_text())
    moderator_seconds = time.monotonic() - started

    # Live, and the author told ---------------------------------------------------------------
    live = LearningChallengePage.objects.get(pk=draft.pk)
    assert live.live and SAFETY_NOTE in live.safety_notes
    public = page.context.browser.new_context().new_page()
    response = public.goto(live_server.url + live.url)
    assert response.status == 200
    assert SAFETY_NOTE in public.locator("main").inner_text()
    public.context.close()
    told_author = emails_to(author.email)
    assert told_author, "the author was not told of the approval"
    print(told_author[-1].subject, told_author[-1].body)
    assert not console.errors, console.errors

    print(
        f"\nJOURNEY 2 (moderator): {journey.screens} screens, {journey.values} values typed or "
        f"ticked, {journey.clicks} clicks, {moderator_seconds:.1f} s; budget 5 screens"
    )
    assert journey.screens <= 5
