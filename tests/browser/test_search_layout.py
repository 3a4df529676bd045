"""/search/ on a phone: results first, the filters behind one "Filters" control (issue 11)."""

import pytest
from browser_helpers import format_violations, open_page, run_axe

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def phone_without_js(browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_phone_shows_results_first_and_filters_behind_one_control(
    live_server, phone_without_js, library
):
    page = phone_without_js
    open_page(page, live_server, "/search/?q=hotel")

    first_result = page.locator(".result").first
    box = first_result.bounding_box()
    assert box is not None and box["y"] < PHONE["height"], f"first result starts at {box}"
    filters = page.locator("details.filters > summary")
    assert filters.is_visible() and filters.inner_text().startswith("Filters")
    assert page.locator(".facet").first.is_hidden()

    filters.click()  # <details> opens without JavaScript
    assert page.locator(".facet").first.is_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height > 1000, "the filter lists open below the control"


def test_wide_screen_shows_filters_beside_results(live_server, page, library):
    page.set_viewport_size(DESKTOP)
    open_page(page, live_server, "/search/")
    assert page.locator("details.filters > summary").is_hidden()
    facet = page.locator(".facet").first
    assert facet.is_visible()
    results = page.locator(".results").bounding_box()
    assert facet.bounding_box()["x"] < results["x"], "filters sit to the left of the results"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_search_page_has_no_axe_violations(viewport, live_server, page, console, axe_path, library):
    page.set_viewport_size(viewport)
    open_page(page, live_server, "/search/?q=bug&subject=science")
    results = run_axe(page, axe_path)
    assert "color-contrast" in results["passes"], results["passes"]
    if results["violations"]:
        pytest.fail(format_violations(results["violations"]), pytrace=False)
    assert not console.errors, console.errors
