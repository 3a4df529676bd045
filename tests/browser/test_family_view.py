"""The family's view of a weekly project in Chromium: the page with and without "My child is
in...", the print view on a 390 px phone, and an embed that fits the chosen band."""

import pytest
from browser_helpers import format_violations, open_page, run_axe
from school_site import SCHOOL_HOST, challenge_snippet, school_page

from tests.weekly_project import make_under_the_sea

PHONE = {"width": 390, "height": 844}
TAP = 44  # px: the smallest target a thumb should have to hit


@pytest.fixture
def weekly(library):
    return make_under_the_sea(library.school_a1)


def assert_no_axe_violations(page, axe_path, where):
    results = run_axe(page, axe_path)
    assert "color-contrast" in results["passes"] and "heading-order" in results["passes"], (
        f"axe did not run its checks on {where}: {results['passes']}"
    )
    if results["violations"]:
        pytest.fail(
            f"axe found accessibility violations on {where}:\n"
            + format_violations(results["violations"]),
            pytrace=False,
        )


def small_targets(page, selector):
    """The controls matching `selector` that are less than 44 px tall or wide, with their size."""
    return page.evaluate(
        """([selector, least]) => [...document.querySelectorAll(selector)]
            .filter(element => element.offsetParent !== null)
            .map(element => {
                const box = element.getBoundingClientRect();
                return {control: element.outerHTML.slice(0, 80), width: box.width,
                        height: box.height};
            })
            .filter(target => target.width < least || target.height < least)""",
        [selector, TAP],
    )


def scroll_width(page):
    return page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )


@pytest.mark.parametrize("query", ["", "?year=2"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_weekly_page_has_no_axe_violations(
    query, width, live_server, page, console, axe_path, weekly
):
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, live_server, weekly.url + query)

    assert page.locator("section.day h3").first.inner_text() == "Monday"
    assert_no_axe_violations(page, axe_path, f"the weekly page{query} at {width} px")
    assert not console.errors, console.errors


def test_a_parent_chooses_a_year_on_the_page_and_prints_it(live_server, page, console, weekly):
    page.set_viewport_size(PHONE)
    open_page(page, live_server, weekly.url)
    assert page.locator(".day-activities > li").count() == 42

    page.get_by_label("My child is in").select_option(label="Year 2")
    with page.expect_navigation():
        page.get_by_role("button", name="Show their activities").click()

    assert page.url.endswith(f"{weekly.url}?year=2")
    days = page.locator("section.day h3").all_inner_texts()
    assert days == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Any order"]
    labels = page.locator(".day-activities .activity-meta").all_inner_texts()
    assert len(labels) == 22 and not any("EYFS" in label for label in labels)
    assert not small_targets(page, ".year-choice select, .year-choice button, .print-button")
    assert scroll_width(page)["scroll"] == PHONE["width"]

    page.get_by_role("link", name="Print Year 2's activities").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/print/challenges/{weekly.uid}/?year=2")
    assert page.locator("#year").input_value() == "2"
    assert not console.errors, console.errors


def test_print_view_fits_a_390_px_phone(live_server, page, console, axe_path, weekly):
    page.set_viewport_size(PHONE)
    open_page(page, live_server, f"/print/challenges/{weekly.uid}/?year=2")

    widths = scroll_width(page)
    assert widths["inner"] == PHONE["width"]
    assert widths["scroll"] == widths["inner"], f"the print view scrolls sideways: {widths}"
    qr = page.locator(".qr svg").bounding_box()
    assert qr["x"] + qr["width"] <= PHONE["width"], qr
    drawn = page.locator(".qr svg path").first.bounding_box()  # the code's white square
    assert drawn["width"] <= qr["width"] + 1 and drawn["height"] <= qr["height"] + 1, (
        f"the QR code is cut off, not scaled: {drawn} in {qr}"
    )
    controls = ".choose select, .choose button, .choose label.check"
    assert page.locator(controls).count() == 3
    assert not small_targets(page, controls)
    assert_no_axe_violations(page, axe_path, "the print view at 390 px")
    assert not console.errors, console.errors


def test_one_print_action_applies_a_new_choice_then_prints(live_server, page, console, weekly):
    """Without a separate "Update": Print with a new choice loads it, then opens the dialog;
    Print with the choice already shown opens the dialog at once."""
    page.set_viewport_size(PHONE)
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
    open_page(page, live_server, f"/print/challenges/{weekly.uid}/")
    assert page.locator(".activities > li").count() == 42

    page.locator("#year").select_option("R")
    with page.expect_navigation():
        page.get_by_role("button", name="Print").click()
    page.wait_for_function("() => window.__printed === 1")
    assert page.url.endswith("?year=R")
    assert page.locator(".activities > li").count() == 22
    printout = " ".join(page.locator(".activities").all_inner_texts())
    assert "EYFS" in printout and "KS1" not in printout

    page.get_by_role("button", name="Print").click()
    page.wait_for_function("() => window.__printed === 2")
    assert page.url.endswith("?year=R")  # nothing reloaded
    assert not console.errors, console.errors


def test_the_embed_fits_the_chosen_band(live_server, page, console, weekly, serve):
    """A school's page with embed.js: choosing Year 2 in the frame shrinks the frame to Year 2's
    activities, and every activity shows without a scroll bar inside the frame."""
    page.set_viewport_size({"width": 700, "height": 900})
    pages = {}
    school = serve(SCHOOL_HOST, pages)
    pages["/home-learning/"] = school_page(
        "Home learning at Oak Lane", challenge_snippet(live_server.url, weekly.uid)
    )
    page.goto(f"{school}/home-learning/", wait_until="load")
    frame_element = page.wait_for_selector(f'[data-challenge="{weekly.uid}"] iframe')
    frame = frame_element.content_frame()
    every_height = fitted_height(page, frame_element, frame)
    assert frame.locator(".day-activities > li").count() == 42

    frame.get_by_label("My child is in").select_option(label="Year 2")
    with frame.expect_navigation():
        frame.get_by_role("button", name="Show their activities").click()
    year_2_height = fitted_height(page, frame_element, frame)

    assert frame.url.endswith("?year=2")
    assert frame.locator(".day-activities > li").count() == 22
    assert year_2_height < every_height * 0.7, (year_2_height, every_height)
    print(f"\nEMBED at 700 px: every band {every_height:.0f} px, Year 2 {year_2_height:.0f} px")
    assert not console.errors, console.errors


def fitted_height(page, frame_element, frame):
    """The frame's height once embed.js has fitted it to the content of its current page."""
    frame.wait_for_load_state("load")
    frame.wait_for_function(
        "() => Math.abs(document.documentElement.getBoundingClientRect().height"
        " - window.innerHeight) <= 2"
    )
    box = frame_element.bounding_box()
    content = frame.evaluate("() => document.documentElement.getBoundingClientRect().height")
    assert abs(box["height"] - content) <= 2, (box, content)
    return box["height"]
