"""The translator's path in real Chromium: a school editor of the owning school translates a
challenge into Polish in wagtail-localize's editor ("Translate this page", each part translated
and saved), sends it to the trust's review, a moderator approves it, and families read it at
/pl/...; until then nothing of it is public."""

import re

from admin_helpers import sign_in, sign_out
from admin_translation import open_tab, start_translation, translate_segment
from django.test import Client

from challenges.models import LearningChallengePage

POLISH_TITLE = "Hotel dla owadów"
POLISH_STEP = "Znajdź miejsce i zaczynaj."
CHECKLIST_BOXES = 5  # the trust's review checklist (challenges' moderation task)


def approve_from_the_dashboard(page, live_server, moderator, title):
    sign_in(page, live_server, moderator)
    review = page.locator("tr", has_text=title)
    review.locator("[data-w-dropdown-target=toggle]").click()
    review.get_by_role("button", name="Approve").click()
    modal = page.locator(".modal-dialog")
    modal.wait_for()
    boxes = modal.locator("input[type=checkbox]").all()
    assert len(boxes) == CHECKLIST_BOXES
    for box in boxes:
        box.check()
    with page.expect_navigation():
        modal.get_by_role("button", name="Approve").click()
    assert "approved" in page.locator(".messages").inner_text().lower()


def test_a_school_editor_translates_into_polish_and_it_is_published_after_review(
    live_server, page, console, library
):
    original = library.public
    sign_in(page, live_server, library.editor_a1)
    page.goto(f"{live_server.url}/admin/pages/{original.pk}/edit/")
    start_translation(page, "Polski")

    polish = LearningChallengePage.objects.get(
        translation_key=original.translation_key, locale__language_code="pl"
    )
    assert re.search(rf"/admin/pages/{polish.pk}/edit/$", page.url), page.url
    # Starting a translation publishes nothing: the English copy is not live under /pl/.
    assert not polish.live
    assert Client().get(polish.url).status_code == 404

    translate_segment(page, "Public bug hotel", POLISH_TITLE)
    open_tab(page, "Activities")
    translate_segment(page, "Find a space and begin.", POLISH_STEP)
    page.reload()  # what was saved is on the server, not only in the page
    assert POLISH_STEP in page.locator(".js-translation-editor").text_content()

    with page.expect_navigation():
        page.get_by_role("link", name="Submit translation for review").click()
    assert "Polski" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Submit for review").click()
    assert "with the trust's moderators" in page.locator(".messages").inner_text()
    polish = LearningChallengePage.objects.get(pk=polish.pk)
    assert polish.workflow_in_progress and not polish.live
    assert Client().get(polish.url).status_code == 404  # not before the trust approves it

    # Back in the editor, the translator is told where the translation is.
    page.goto(f"{live_server.url}/admin/pages/{polish.pk}/edit/")
    assert "with the trust's moderators for review" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Submit translation for review").count() == 0

    sign_out(page, live_server)
    approve_from_the_dashboard(page, live_server, library.moderator_a, POLISH_TITLE)

    sign_out(page, live_server)
    page.goto(live_server.url + polish.url)
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.locator("h1").inner_text() == POLISH_TITLE
    assert POLISH_STEP in page.locator("main").inner_text()
    # Untranslated parts fall back to the English, and the English page offers Polski.
    assert (
        "Public bug hotel: a challenge for the whole family." in page.locator("main").inner_text()
    )
    page.goto(live_server.url + original.url)
    assert page.locator('link[rel=alternate][hreflang="pl"]').count() == 1
    assert not console.errors, console.errors
