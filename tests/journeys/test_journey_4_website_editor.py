"""Journey 4 (JOURNEYS.md): a school's website editor puts the school's list of challenges and
one challenge on the school's website (a page on another origin), in the school's colour.

Done when families open a challenge inside the school's page and come back to the list; budget:
at most 3 screens and 2 pastes for the editor. The test counts the editor's screens, values
typed, clicks and pastes, saves a screenshot of each screen under /tmp/journey4, and prints the
counts.
"""

import time
from pathlib import Path

from tests.browser.school_site import SCHOOL_HOST  # the school's website: another origin
from tests.factories import PASSWORD, make_challenge

SCREENS_BUDGET = 3
PASTES_BUDGET = 2
ACCENT = "0b6e4f"
ACCENT_RGB = "rgb(11, 110, 79)"
SHOTS = Path("/tmp/journey4")


def school_page(title, *body):
    """A page of the school's website, in the browser's default serif font, with what was pasted."""
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en-GB">', "<head>", '<meta charset="utf-8">',
        f"<title>{title}</title>", "</head>", "<body>", "<main>", f"<h1>{title}</h1>",
        *body, "</main>", "</body>", "</html>",
    ])  # fmt: skip


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


def test_a_website_editor_puts_the_list_and_a_challenge_on_the_school_site(
    live_server,
    browser,
    page,
    console,
    journey,
    library,
    image_factory,
    serve,
):
    school = library.school_a1
    school.accent_colour = ACCENT.upper()
    school.save_revision().publish()
    for title, years in (("Rainbow milk", ["1", "2"]), ("Fractions with a pizza", ["3", "4"])):
        make_challenge(
            school, title, year_codes=years, summary=f"{title}: a home challenge.",
            hero_image=image_factory(title=title), hero_image_alt=f"Photo: {title}",
        )  # fmt: skip
    # The school's website: its editor pastes into the page's HTML box, as in a website builder.
    site_pages = {}
    school_site = serve(SCHOOL_HOST, site_pages)
    pasted = []
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    started = time.monotonic()

    # 1. Sign in. 2. The dashboard: "On your school website".
    page.goto(f"{live_server.url}/admin/login/")
    journey.fill(page.locator("input[name=username]"), library.editor_a1.username)
    journey.fill(page.locator("input[name=password]"), PASSWORD)
    with page.expect_navigation():
        journey.click(page.locator("button[type=submit]"))
    shot(page, "2-dashboard")
    with page.expect_navigation():
        journey.click(page.get_by_role("link", name="Website kit for Ash Primary"))

    # 3. The kit: the list, then this week's challenge, each copied once and pasted once.
    page.wait_for_selector("[data-kit-snippet='list-script'] iframe")
    shot(page, "3-kit")
    journey.click(page.locator("[data-kit-snippet='list-script'] button", has_text="Copy"))
    page.get_by_text("Copied to the clipboard.").wait_for()
    pasted.append(page.evaluate("navigator.clipboard.readText()"))
    journey.click(page.locator("#kit-challenge-choice"))
    page.select_option("#kit-challenge-choice", label="Rainbow milk")
    journey.click(page.locator("[data-kit-snippet='challenge-script'] button", has_text="Copy"))
    page.locator("[data-kit-snippet='challenge-script']").get_by_text("Copied").first.wait_for()
    pasted.append(page.evaluate("navigator.clipboard.readText()"))
    site_pages["/home-learning/"] = school_page(
        "Home learning at Ash Primary",
        "<h2>This week's challenge</h2>",
        pasted[1],
        "<h2>All our challenges</h2>",
        pasted[0],
    )
    editor_seconds = time.monotonic() - started

    # Families, on the school's own website, with no account anywhere.
    family = browser.new_context(viewport={"width": 1280, "height": 900})
    family.set_default_timeout(10_000)
    home_learning = family.new_page()
    home_learning.on("console", console.on_console)
    home_learning.on("pageerror", console.on_page_error)
    home_learning.goto(f"{school_site}/home-learning/", wait_until="load")
    this_week = home_learning.wait_for_selector("[data-challenge] iframe").content_frame()
    this_week.wait_for_selector("h1")
    assert this_week.locator("h1").inner_text() == "Rainbow milk"
    assert this_week.locator(f"link[rel=stylesheet][href*='{ACCENT}']").count() == 1

    cards = home_learning.locator("[data-challenge-list] .lcl-card")
    cards.first.wait_for()
    assert cards.count() == 3  # the two above and the library's public bug hotel
    pizza = cards.filter(has_text="Fractions with a pizza")
    assert pizza.evaluate("card => getComputedStyle(card).borderTopColor") == ACCENT_RGB
    shot(home_learning, "4-school-page")

    pizza.get_by_role("link", name="Fractions with a pizza").click()
    opened = home_learning.wait_for_selector("[data-challenge-list] iframe")
    assert f"accent={ACCENT}" in opened.get_attribute("src")
    opened.content_frame().wait_for_selector("h1")
    assert opened.content_frame().locator("h1").inner_text() == "Fractions with a pizza"
    assert home_learning.url.startswith(f"{school_site}/home-learning/")  # still the school's
    shot(home_learning, "5-challenge-in-the-school-page")

    home_learning.get_by_role("link", name="Back to the list").click()
    cards.first.wait_for()
    assert cards.count() == 3
    home_learning.wait_for_url(f"{school_site}/home-learning/")  # the history step, just after
    family.close()

    assert journey.screens <= SCREENS_BUDGET, journey.screens
    assert len(pasted) <= PASTES_BUDGET
    assert f'data-school="ash" data-accent="{ACCENT}"' in pasted[0]
    assert f'data-accent="{ACCENT}"' in pasted[1]
    assert not console.errors, console.errors
    print(
        f"\nJOURNEY 4: {journey.screens} screens (budget {SCREENS_BUDGET}), {len(pasted)} pastes "
        f"(budget {PASTES_BUDGET}), {journey.values} values typed, {journey.clicks} clicks; "
        f"editor {editor_seconds:.1f} s; screenshots in {SHOTS}"
    )
