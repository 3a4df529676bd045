"""The list widget on a school's page on another origin, in real Chromium: styled cards in the
school's colour that open a challenge in place, with Back to the list (issue 23)."""

import pytest
from school_site import SCHOOL_HOST, school_page  # the school's website on 127.0.0.2
from test_embed_host import assert_no_violations, run_axe_in

from tests.factories import make_challenge

pytestmark = pytest.mark.browser

ACCENT = "0b6e4f"
ACCENT_RGB = "rgb(11, 110, 79)"


@pytest.fixture
def pictured_school(library, image_factory):
    """Three public challenges of Ash Primary with pictures, year groups and times."""
    for title, years, low, high in (
        ("Build a bug hotel", ["3", "4"], 30, 60),
        ("Fractions with a pizza", ["2", "3"], 20, 20),
        ("Rainbow milk", ["R", "1"], 15, 30),
    ):
        make_challenge(
            library.school_a1, title, year_codes=years, summary=f"{title}: a home challenge.",
            duration_min_minutes=low, duration_max_minutes=high,
            hero_image=image_factory(title=title), hero_image_alt=f"Photo: {title}",
        )  # fmt: skip
    return library


def list_snippet(library_url, *attributes):
    return (
        f'<script src="{library_url}/embed.js" async></script>\n'
        f'<div data-challenge-list data-school="ash" data-accent="{ACCENT}" data-limit="6"'
        f"{''.join(' ' + a for a in attributes)}></div>"
    )


def open_school_page(page, school_site, live_server, *attributes):
    pages = {}
    school = school_site(SCHOOL_HOST, pages)
    pages["/home-learning/"] = school_page(
        "Home learning at Ash",
        "<h2>Our challenges</h2>",
        list_snippet(live_server.url, *attributes),
    )
    page.goto(f"{school}/home-learning/", wait_until="load")
    page.wait_for_selector("[data-challenge-list] .lcl-card img")
    return school


def card_link(page, title):
    return page.locator("[data-challenge-list] .lcl-card h3 a", has_text=title)


def test_cards_show_images_year_groups_time_and_the_school_colour(
    live_server,
    page,
    console,
    axe_path,
    pictured_school,
    serve,  # noqa: F811 (the fixture)
):
    open_school_page(page, serve, live_server)
    cards = page.locator("[data-challenge-list] .lcl-card")
    assert cards.count() == 4  # the three above and the library's public bug hotel
    images = page.locator("[data-challenge-list] .lcl-card img")
    assert images.count() == 3
    page.wait_for_function(
        "() => [...document.querySelector('[data-challenge-list]').shadowRoot"
        ".querySelectorAll('img')].every(image => image.complete && image.naturalWidth > 0)"
    )
    pizza = cards.filter(has_text="Fractions with a pizza")
    assert "Year 2 to Year 3" in pizza.inner_text()
    assert "20 minutes" in pizza.inner_text()
    style = pizza.evaluate(
        "card => { const s = getComputedStyle(card); const a = getComputedStyle("
        "card.querySelector('a')); return {border: s.borderTopColor, font: s.fontFamily, "
        "link: a.textDecorationColor}; }"
    )
    assert style["border"] == ACCENT_RGB and style["link"] == ACCENT_RGB, style
    assert "serif" not in style["font"].replace("sans-serif", ""), style  # not the host's Times
    width = page.evaluate("() => document.querySelector('[data-challenge-list]').clientWidth")
    assert page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    ), f"the list is wider than the host page ({width} px)"

    results = run_axe_in(page, axe_path, ["[data-challenge-list]"])
    assert_no_violations(results, "the list widget on a school page")
    assert not console.errors, console.errors


def test_a_card_opens_its_challenge_in_place_and_back_returns_to_the_list(
    live_server,
    page,
    console,
    pictured_school,
    serve,  # noqa: F811 (the fixture)
):
    school = open_school_page(page, serve, live_server)
    card_link(page, "Rainbow milk").click()

    frame_element = page.wait_for_selector("[data-challenge-list] iframe")
    assert f"accent={ACCENT}" in frame_element.get_attribute("src")
    frame = frame_element.content_frame()
    frame.wait_for_selector("h1")
    assert frame.locator("h1").inner_text() == "Rainbow milk"
    assert page.url.startswith(f"{school}/home-learning/")  # still the school's page
    assert page.locator("[data-challenge-list] .lcl-card").count() == 0
    back = page.locator("[data-challenge-list] a", has_text="Back to the list")
    assert back.evaluate("link => link.getRootNode().activeElement === link")  # focus moved

    page.go_back()  # the browser's own back button
    page.wait_for_selector("[data-challenge-list] .lcl-card")
    assert page.locator("[data-challenge-list] iframe").count() == 0
    assert page.url == f"{school}/home-learning/"
    focused = page.evaluate(
        "() => document.querySelector('[data-challenge-list]').shadowRoot.activeElement"
        "?.textContent"
    )
    assert focused == "Rainbow milk"  # back where the family left

    page.go_forward()
    page.wait_for_selector("[data-challenge-list] iframe")
    back.click()  # the link does what the back button does
    page.wait_for_selector("[data-challenge-list] .lcl-card")
    assert page.url == f"{school}/home-learning/"
    assert not console.errors, console.errors


def test_data_open_library_opens_the_library_page_in_a_new_tab(
    live_server,
    page,
    pictured_school,
    serve,  # noqa: F811 (the fixture)
):
    open_school_page(page, serve, live_server, 'data-open="library"')
    link = card_link(page, "Rainbow milk")
    assert link.get_attribute("target") == "_blank"
    assert link.get_attribute("href").startswith(f"{live_server.url}/alder/ash/rainbow-milk/")
    with page.context.expect_page() as opened:
        link.click()
    opened.value.wait_for_load_state()
    assert opened.value.url.startswith(f"{live_server.url}/alder/ash/rainbow-milk/")
    assert page.locator("[data-challenge-list] iframe").count() == 0
