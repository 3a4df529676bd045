"""Journey 7 (JOURNEYS.md): a volunteer translator, a parent who reads Urdu, translates the bug
hotel's family-facing parts into Urdu through a PO file: "Translate this page" in the admin,
"Download PO file", each string translated in their own PO editor (polib here, as Poedit saves
it), "Upload PO file", and the translation sent to the trust's review. The trust's moderator
approves it. Done when a family opens the Urdu embed on the school's website (another origin):
right to left, `lang="ur"`, the Urdu text, the frame as tall as its content; and the Urdu
printout fits its A4 pages. Budget: at most 6 screens for the translator.

The translator has the account the design gives a translator: a school editor of the school that
owns the challenge (the only role holding wagtail-localize's `submit_translation`). Screenshots of
every screen are left in /tmp/journey7/."""

import time
from pathlib import Path

import polib
from django.test import Client

from challenges.models import LearningChallengePage
from home.models import Role
from home.roles import role_group
from tests.browser.admin_translation import approve_from_the_dashboard
from tests.browser.school_site import (
    INITIAL_HEIGHT,
    SCHOOL_HOST,
    frame_metrics,
    iframe_of,
    school_page,
    wait_until_fitted,
)
from tests.browser.urdu_bug_hotel import (
    URDU,
    assert_drawn_in_an_urdu_font,
    fonts_rendering,
    pdf_pages,
    printed,
    urdu_snippet,
)
from tests.factories import PASSWORD, make_user

SCREENS_BUDGET = 6
SHOTS = Path("/tmp/journey7")
SAFETY_NOTES = "Wash hands after touching soil. Do not pick up stinging insects."
URDU_IN_ITSELF = "اردو"  # how the admin names Urdu in its list of languages


def test_journey_7_a_parent_translates_the_bug_hotel_into_urdu(
    live_server, browser, page, journey, console, realistic_library, serve, tmp_path
):
    library = realistic_library
    original = library.public
    translator = make_user(
        "nasreen",
        role_group(library.school_a1, Role.Kind.SCHOOL_EDITOR),
        first_name="Nasreen",
        last_name="Akhtar",
        email="nasreen@example.org",
    )
    SHOTS.mkdir(exist_ok=True)

    def shot(name, on=page):
        on.screenshot(path=SHOTS / f"{name}.png", full_page=True)

    # The school sends the volunteer the challenge's link; they sign in on the way -------------
    started = time.monotonic()
    page.goto(f"{live_server.url}/admin/pages/{original.pk}/edit/")
    shot("1-sign-in")
    journey.fill(page.locator("input[name=username]"), translator.username)
    journey.fill(page.locator("input[name=password]"), PASSWORD)
    with page.expect_navigation():
        journey.click(page.locator("button[type=submit]"))
    assert page.url.endswith(f"/admin/pages/{original.pk}/edit/"), page.url
    shot("2-challenge")

    # "Translate this page", into Urdu --------------------------------------------------------
    journey.click(page.get_by_role("button", name="Actions").first)
    with page.expect_navigation():
        journey.click(page.get_by_role("link", name="Translate this page"))
    shot("3-translate-into")
    journey.check(page.get_by_label(URDU_IN_ITSELF, exact=True))
    with page.expect_navigation():
        journey.click(page.locator("main").get_by_role("button", name="Submit"))
    page.locator(".js-translation-editor li.incomplete").first.wait_for()
    shot("4-translation-editor")
    urdu = LearningChallengePage.objects.get(
        translation_key=original.translation_key, locale__language_code="ur"
    )
    assert not urdu.live

    # The PO file: downloaded, translated in the parent's own PO editor, uploaded ---------------
    with page.expect_download() as download:
        journey.click(page.get_by_role("link", name="Download PO file"))
    po_path = tmp_path / download.value.suggested_filename
    download.value.save_as(po_path)
    catalogue = polib.pofile(str(po_path))
    english = [entry.msgid for entry in catalogue]
    untranslated = [msgid for msgid in english if msgid not in URDU]
    assert not untranslated, f"family-facing strings the parent has no Urdu for: {untranslated}"
    for entry in catalogue:
        entry.msgstr = URDU[entry.msgid]
        journey.values += 1  # one string typed in the PO editor
    catalogue.save(str(po_path))

    with page.expect_file_chooser() as chooser:
        journey.click(page.get_by_role("button", name="Upload PO file"))
    with page.expect_navigation():
        chooser.value.set_files(po_path)
    assert "imported" in page.locator(".messages").inner_text().lower()
    page.locator(".js-translation-editor").wait_for()
    editor = page.locator(".js-translation-editor").text_content()
    assert URDU["Public bug hotel"] in editor
    assert page.locator(".js-translation-editor li.incomplete").count() == 0
    shot("5-uploaded")

    # Sent to the trust's review ---------------------------------------------------------------
    with page.expect_navigation():
        journey.click(page.get_by_role("button", name="Submit translation for review"))
    shot("6-submitted")
    assert "with the trust's moderators" in page.locator(".messages").inner_text()
    assert "with the trust's moderators for review" in page.locator("main").inner_text()
    translator_seconds = time.monotonic() - started
    urdu = LearningChallengePage.objects.get(pk=urdu.pk)
    assert urdu.workflow_in_progress and not urdu.live
    # Until the trust approves it, families see none of it: the Urdu embed is the English one.
    before = Client().get(f"/embed/challenges/{original.uid}/?lang=ur").content.decode()
    assert original.title in before and URDU["Public bug hotel"] not in before

    # The trust's moderator approves it with the checklist (journey 2 counts the moderator) ------
    moderator = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    moderator.set_default_timeout(10_000)
    urdu_title = URDU["Public bug hotel"]
    approve_from_the_dashboard(moderator, live_server, library.moderator_a, urdu_title)
    shot("7-moderator-approved", moderator)
    moderator.context.close()
    urdu = LearningChallengePage.objects.get(pk=urdu.pk)
    assert urdu.live and urdu.title == URDU["Public bug hotel"]

    # A family opens the Urdu embed on the school's website (another origin) -------------------
    family = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    family.set_default_timeout(10_000)
    family.on("console", console.on_console)
    family.on("pageerror", console.on_page_error)
    school_pages = {}
    school = serve(SCHOOL_HOST, school_pages)
    school_pages["/urdu/"] = school_page(
        "Home learning in Urdu", urdu_snippet(live_server.url, original.uid)
    )
    family.goto(f"{school}/urdu/", wait_until="load")
    frame = wait_until_fitted(family, original.uid)
    shot("8-family-embed", family)
    assert "lang=ur" in iframe_of(family, original.uid).get_attribute("src")
    html = frame.locator("html")
    assert html.get_attribute("lang") == "ur"
    assert html.get_attribute("dir") == "rtl"
    assert frame.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert frame.locator("h1").inner_text() == URDU["Public bug hotel"]
    text = frame.locator("body").inner_text()
    for english_text in ("Go on a minibeast hunt", "Wash hands after touching soil"):
        assert english_text not in text, f"{english_text!r} is still English in the Urdu embed"
    assert URDU["Go on a minibeast hunt"] in text
    assert URDU[SAFETY_NOTES] in text
    assert_drawn_in_an_urdu_font(fonts_rendering(frame, "h1"), "the embed's title")
    metrics = frame_metrics(family, original.uid, frame)
    assert abs(metrics["iframe"] - metrics["content"]) <= 3, metrics
    assert metrics["scroll"] <= metrics["inner"] + 1, f"the Urdu embed scrolls inside: {metrics}"
    assert metrics["iframe"] != INITIAL_HEIGHT, f"the frame was never resized: {metrics}"

    # ... and prints it in Urdu ---------------------------------------------------------------
    english_pdf = printed(family, live_server, f"/print/challenges/{original.uid}/")
    urdu_pdf = printed(family, live_server, f"/print/challenges/{original.uid}/?lang=ur")
    family.emulate_media(media="print")
    shot("9-family-printout", family)
    family.emulate_media(media="screen")
    assert family.locator("html").get_attribute("dir") == "rtl"
    assert family.locator("h1").inner_text() == URDU["Public bug hotel"]
    english_sheets, urdu_sheets = pdf_pages(english_pdf), pdf_pages(urdu_pdf)
    assert 1 <= urdu_sheets <= english_sheets, (
        f"the Urdu printout is {urdu_sheets} A4 pages, the English one {english_sheets}"
    )
    (SHOTS / "printout-ur.pdf").write_bytes(urdu_pdf)
    family.context.close()
    assert not console.errors, console.errors

    print(
        f"\nJOURNEY 7 (translator): {journey.screens} screens, {journey.values} values typed or "
        f"ticked ({len(english)} of them strings in the PO editor), {journey.clicks} clicks, "
        f"{translator_seconds:.1f} s; budget {SCREENS_BUDGET} screens. "
        f"Urdu printout: {urdu_sheets} A4 pages (English {english_sheets})."
    )
    assert journey.screens <= SCREENS_BUDGET
