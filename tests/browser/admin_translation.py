"""wagtail-localize's translation editor in a browser test, used as a translator uses it: open a
challenge, "Translate this page" into a language, translate its parts one by one, and send the
translation to the trust's review."""


def start_translation(page, language_name, count=None):
    """From a challenge's edit view: Actions, "Translate this page", tick the language, submit.
    Ends in the translation editor. `count` (a Journey) counts the tick."""
    page.get_by_role("button", name="Actions").first.click()
    with page.expect_navigation():
        page.get_by_role("link", name="Translate this page").click()
    box = page.get_by_label(language_name, exact=True)
    if count is not None:
        count.check(box)
    else:
        box.check()
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Submit").click()
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
    part = segment(page, source)
    part.get_by_role("button", name="Translate").click()
    box = part.locator("textarea")
    with page.expect_response(
        lambda response: "/strings/" in response.url and response.request.method != "GET"
    ) as saved:
        if count is not None:
            count.fill(box, translation)
            count.click(part.get_by_role("button", name="Save"))
        else:
            box.fill(translation)
            part.get_by_role("button", name="Save").click()
    assert saved.value.ok, f"saving the translation of {source!r}: {saved.value.status}"
    part.get_by_role("button", name="Edit").wait_for()


def open_tab(page, name):
    page.locator(".js-translation-editor").get_by_role("tab", name=name).click()
