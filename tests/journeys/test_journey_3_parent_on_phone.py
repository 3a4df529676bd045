"""Journey 3 (JOURNEYS.md): a parent on a 390 px phone, from the school's page, finds a challenge
for a Year 2 child, reads only that year's activities and prints them.

Done when the printout is that band on one sheet printed both sides, nothing the parent taps is
smaller than 44 px, nothing scrolls sideways; budget: at most 4 screens. The test counts the
screens and taps, saves a screenshot of each screen under /tmp, and prints the counts.
"""

import re
import time
from pathlib import Path

from tests.browser.browser_helpers import path_of
from tests.factories import make_challenge
from tests.weekly_project import make_under_the_sea

PHONE = {"width": 390, "height": 844}
TAP = 44  # px
SCREENS_BUDGET = 4
SHOTS = Path("/tmp/journey3")


class Parent:
    """What the parent sees and does: screens (page loads), taps and choices, each target's size,
    and whether any screen scrolls sideways."""

    def __init__(self, page):
        self.page = page
        self.screens = []
        self.taps = 0
        self.choices = 0
        self.small = []
        self.sideways = []
        page.on("framenavigated", self._on_navigation)

    def _on_navigation(self, frame):
        if frame == self.page.main_frame:
            self.screens.append(frame.url)

    def look(self, name):
        """A screen as the parent sees it: no sideways scroll; a full-page screenshot kept."""
        self.page.wait_for_load_state("load")
        widths = self.page.evaluate(
            "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
        )
        if widths["scroll"] > widths["inner"]:
            self.sideways.append(f"{name}: {widths}")
        SHOTS.mkdir(exist_ok=True)
        self.page.screenshot(path=SHOTS / f"{len(self.screens)}-{name}.png", full_page=True)

    def _measure(self, locator, what):
        locator.scroll_into_view_if_needed()
        box = locator.bounding_box()
        if box["width"] < TAP or box["height"] < TAP:
            self.small.append(f"{what}: {box['width']:.0f} x {box['height']:.0f} px")

    def tap(self, locator, what):
        self._measure(locator, what)
        locator.tap()
        self.taps += 1

    def choose(self, locator, label, what):
        self._measure(locator, what)
        locator.select_option(label=label)
        self.taps += 1
        self.choices += 1


def pdf_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_a_parent_on_a_phone_prints_year_2s_activities(live_server, browser, library, console):
    school = library.school_a1
    make_challenge(
        school, "Fractions with a pizza", year_codes=["5", "6"], subjects=["mathematics"]
    )
    make_challenge(school, "Rainbow milk", year_codes=["3", "4"], subjects=["science"])
    weekly = make_under_the_sea(school)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("console", console.on_console)
    page.on("pageerror", console.on_page_error)
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; }")
    parent = Parent(page)
    started = time.monotonic()

    # 1. The school's page (a link from the school's newsletter): which challenge is for Year 2?
    page.goto(live_server.url + path_of(school))
    parent.look("school")
    card = page.locator(".card", has=page.locator(".card-years", has_text="Year 2"))
    assert card.count() == 1, "the school's page does not say which challenge is for Year 2"
    assert card.locator(".card-years").inner_text() == "For Reception to Year 2"
    with page.expect_navigation():
        parent.tap(card.get_by_role("link", name="Under the sea"), "the challenge's card")

    # 2. The challenge: every band, day by day; "My child is in..." near the top.
    parent.look("challenge")
    assert page.locator(".day-activities > li").count() == 42
    choice = page.get_by_label("My child is in")
    assert choice.bounding_box()["y"] < 2 * PHONE["height"], "the year choice is far down"
    parent.choose(choice, "Year 2", "My child is in")
    with page.expect_navigation():
        parent.tap(page.get_by_role("button", name="Show their activities"), "Show")

    # 3. Only Year 2's activities (KS1) and the ones for all ages, under each day.
    parent.look("year-2")
    shown = page.locator(".day-activities .activity-meta").all_inner_texts()
    assert len(shown) == 22
    assert all("KS1" in labels or "All ages" in labels for labels in shown), shown
    days = page.locator("section.day h3").all_inner_texts()
    assert days == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Any order"]
    with page.expect_navigation():
        parent.tap(page.get_by_role("link", name="Print Year 2's activities"), "Print link")

    # 4. The print view, the choice kept: one Print.
    parent.look("print")
    assert page.url.endswith(f"/print/challenges/{weekly.uid}/?year=2")
    assert page.locator("#year").input_value() == "2"
    parent.tap(page.get_by_role("button", name="Print"), "Print")
    page.wait_for_function("() => window.__printed === 1")
    printout = " ".join(page.locator(".activities").all_inner_texts())
    assert "KS1" in printout and "EYFS" not in printout
    page.emulate_media(media="print")
    sides = pdf_pages(page.pdf(format="A4", prefer_css_page_size=True))
    page.emulate_media(media="screen")
    elapsed = time.monotonic() - started
    context.close()

    assert len(parent.screens) <= SCREENS_BUDGET, parent.screens
    assert not parent.small, f"too small to tap on a phone: {parent.small}"
    assert not parent.sideways, f"screens that scroll sideways: {parent.sideways}"
    assert sides <= 2, f"Year 2's printout is {sides} pages: more than one sheet, both sides"
    assert not console.errors, console.errors
    print(
        f"\nJOURNEY 3: {len(parent.screens)} screens (budget {SCREENS_BUDGET}), "
        f"{parent.taps} taps of which {parent.choices} choice, 0 values typed; printout "
        f"{sides} A4 side(s); {elapsed:.1f} s; screenshots in {SHOTS}"
    )
