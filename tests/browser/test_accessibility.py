"""WCAG 2.2 AA checks (axe-core) of the public pages in real Chromium, with no console errors."""

import pytest
from browser_helpers import PUBLIC_PAGES, format_violations, open_page, page_path, run_axe


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_no_axe_violations_or_console_errors(
    name, live_server, page, console, axe_path, realistic_library
):
    path = page_path(realistic_library, name)
    open_page(page, live_server, path)

    results = run_axe(page, axe_path)

    assert "color-contrast" in results["passes"] and "heading-order" in results["passes"], (
        f"axe did not run its checks: {results['passes']}"
    )
    if results["violations"]:
        pytest.fail(
            f"axe found accessibility violations on the {name} page {path}:\n"
            + format_violations(results["violations"]),
            pytrace=False,
        )
    assert not console.errors, f"console errors on {name} page {path}: {console.errors}"


def test_site_stylesheet_is_served_and_applied(live_server, page, realistic_library):
    response = page.goto(live_server.url + "/static/css/site.css")
    assert response.status == 200
    assert "text/css" in response.headers["content-type"]

    open_page(page, live_server, "/")
    header_background = page.locator(".site-header").evaluate(
        "element => getComputedStyle(element).backgroundColor"
    )
    assert header_background == "rgb(29, 79, 145)"  # --accent: the stylesheet applied


def test_challenge_page_shows_its_hero_image_and_credit(
    live_server, page, console, realistic_library
):
    open_page(page, live_server, page_path(realistic_library, "challenge"))

    hero = page.locator(".hero img")
    assert hero.get_attribute("alt") == realistic_library.public.hero_image_alt
    assert hero.evaluate("image => image.complete && image.naturalWidth > 0")
    assert page.locator(".hero figcaption").inner_text() == "Photo: Mrs K., Ash Primary"
    assert page.locator(".activities > li").count() == 3
    assert not console.errors, console.errors


def test_keyboard_user_can_skip_to_content_and_see_focus(live_server, page, realistic_library):
    open_page(page, live_server, page_path(realistic_library, "challenge"))

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("link => link === document.activeElement")
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, f"skip link is off screen when focused: {box}"

    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {inMain: Boolean(element.closest('main')), text: element.textContent.trim(),
                    outline: style.outlineStyle, shadow: style.boxShadow};
        }"""
    )
    assert focused["inMain"], f"focus did not move into the main content: {focused}"
    assert focused["outline"] != "none" and focused["shadow"] != "none", focused
