"""A family reads the Urdu translation where the school put it, in real Chromium: the embed on
the school's own website (another origin, embed.js with data-lang="ur") reads right to left in
Urdu, in a font that has Urdu's letters, and fits its frame; the Urdu printout fits on A4 as the
English one does."""

import re

import pytest
from browser_helpers import open_page
from school_site import (
    SCHOOL_HOST,
    challenge_snippet,
    frame_metrics,
    iframe_of,
    school_page,
    wait_until_fitted,
)
from urdu_bug_hotel import URDU, URDU_FONTS, fonts_rendering

from challenges.languages.translating import translate

INITIAL_HEIGHT = 600  # embed.js's iframe height before the first resize message


@pytest.fixture
def urdu_library(realistic_library):
    """The realistic bug hotel with a published Urdu translation of every family-facing string."""
    realistic_library.public_ur = translate(realistic_library.public, "ur", URDU)
    return realistic_library


def urdu_snippet(library_url, uid):
    """The README's snippet as a school pastes it for its Urdu-speaking families."""
    snippet = challenge_snippet(library_url, uid)
    return snippet.replace(f'data-challenge="{uid}"', f'data-challenge="{uid}" data-lang="ur"')


def assert_drawn_in_an_urdu_font(fonts, where):
    urdu = {family: glyphs for family, glyphs in fonts.items() if family in URDU_FONTS}
    assert urdu, f"{where} is drawn in {fonts}, none of which has Urdu's letters: boxes"
    assert sum(urdu.values()) >= sum(fonts.values()) * 0.9, f"{where} falls back: {fonts}"


def test_the_urdu_embed_on_a_school_website_reads_right_to_left_and_fits(
    live_server, page, console, urdu_library, serve
):
    library = urdu_library
    pages = {}
    school = serve(SCHOOL_HOST, pages)
    pages["/urdu/"] = school_page(
        "Home learning in Urdu", urdu_snippet(live_server.url, library.public.uid)
    )

    page.goto(f"{school}/urdu/", wait_until="load")
    frame = wait_until_fitted(page, library.public.uid)

    assert "lang=ur" in iframe_of(page, library.public.uid).get_attribute("src")
    html = frame.locator("html")
    assert html.get_attribute("lang") == "ur"
    assert html.get_attribute("dir") == "rtl"
    assert frame.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert frame.locator("h1").inner_text() == URDU["Public bug hotel"]
    text = frame.locator("body").inner_text()
    assert URDU["Go on a minibeast hunt"] in text and "Go on a minibeast hunt" not in text
    assert "ڈنک مارنے والے کیڑوں" in text  # the safety notes, in Urdu
    assert_drawn_in_an_urdu_font(fonts_rendering(frame, "h1"), "the embed's title")
    assert_drawn_in_an_urdu_font(fonts_rendering(frame, ".activities h3"), "an activity")

    # The frame is as tall as its Urdu content: nothing cut off, no scrollbar inside.
    metrics = frame_metrics(page, library.public.uid, frame)
    assert abs(metrics["iframe"] - metrics["content"]) <= 3, metrics
    assert metrics["scroll"] <= metrics["inner"] + 1, f"the Urdu embed scrolls inside: {metrics}"
    assert metrics["iframe"] != INITIAL_HEIGHT, f"the frame was never resized: {metrics}"
    assert not console.errors, console.errors


def pdf_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def pdf_fonts(pdf):
    """The font names embedded in a PDF (subset prefixes dropped: "ABCDEF+NotoNaskhArabic")."""
    return {name.split(b"+")[-1].decode() for name in re.findall(rb"/BaseFont\s*/([^\s/<>]+)", pdf)}


def printed(page, live_server, path):
    open_page(page, live_server, path)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    page.emulate_media(media="screen")
    return pdf


def test_the_urdu_printout_fits_a4_as_the_english_one_does_in_an_urdu_font(
    live_server, page, console, urdu_library
):
    uid = urdu_library.public.uid
    english = printed(page, live_server, f"/print/challenges/{uid}/")
    urdu = printed(page, live_server, f"/print/challenges/{uid}/?lang=ur")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == URDU["Public bug hotel"]
    assert_drawn_in_an_urdu_font(fonts_rendering(page, "h1"), "the printout's title")

    english_sheets, urdu_sheets = pdf_pages(english), pdf_pages(urdu)
    print(f"\nA4 pages: English {english_sheets}, Urdu {urdu_sheets}")
    assert 1 <= urdu_sheets <= english_sheets, (
        f"the Urdu printout is {urdu_sheets} A4 pages, the English one {english_sheets}"
    )
    # The PDF carries an Urdu font's glyphs, not a last-resort font's boxes.
    compact = {font.replace(" ", "") for font in URDU_FONTS}
    embedded = pdf_fonts(urdu)
    assert any(font.startswith(tuple(compact)) for font in embedded), embedded
    assert not console.errors, console.errors
