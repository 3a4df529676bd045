"""wagtail-localize's translation editor in a browser test, used as a translator uses it: open a
challenge, "Translate this page" into a language, translate its parts one by one, and send the
translation to the trust's review; and the moderator approving it."""

from tests.browser.admin_helpers import sign_in

CHECKLIST_BOXES = 5  # the trust's review checklist (challenges' moderation task)


class NotCounted:
    """Acts as a Journey does (tests/journeys/conftest.py) without counting."""

    def click(self, locator):
        locator.click()

    def check(self, locator):
        locator.check()

    def fill(self, locator, value):
        locator.fill(value)


def start_translation(page, language_name, count=None):
    """From a challenge's edit view: Actions, "Translate this page", tick the language, submit.
    Ends in the translation editor. `count` (a Journey) counts the clicks and the tick."""
    count = count or NotCounted()
    count.click(page.get_by_role("button", name="Actions").first)
    with page.expect_navigation():
        count.click(page.get_by_role("link", name="Translate this page"))
    count.check(page.get_by_label(language_name, exact=True))
    with page.expect_navigation():
        count.click(page.locator("main").get_by_role("button", name="Submit"))
    page.locator(".js-translation-editor li.incomplete").first.wait_for()


def segment(page, source):
    """One part of the challenge in the translation editor, found by its English text."""
    return page.locator(".js-translation-editor li").filter(
        has=page.locator(f"xpath=./p[normalize-space(.)={xpath_literal(source)}]")
    )


def xpath_literal(text):
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    parts = text.split('"')
    return "concat(" + ", '\"', ".join(f'"{part}"' for part in parts) + ")"


def translate_segment(page, source, translation, count=None):
    """Translate one part: its "Translate" button, type, "Save" (kept on the server at once)."""
    count = count or NotCounted()
    part = segment(page, source)
    count.click(part.get_by_role("button", name="Translate"))
    box = part.locator("textarea")
    with page.expect_response(
        lambda response: "/strings/" in response.url and response.request.method != "GET"
    ) as saved:
        count.fill(box, translation)
        count.click(part.get_by_role("button", name="Save"))
    assert saved.value.ok, f"saving the translation of {source!r}: {saved.value.status}"
    part.get_by_role("button", name="Edit").wait_for()


def open_tab(page, name):
    page.locator(".js-translation-editor").get_by_role("tab", name=name).click()


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
