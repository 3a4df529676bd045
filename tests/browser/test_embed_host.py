"""Publishing on school websites, in real Chromium: a school's page on another origin pastes the
README snippets (embed.js and a placeholder, or a plain iframe) and gets the library's embeds.

The school's website is a tiny threaded HTTP server on 127.0.0.2 (a second one on 127.0.0.3
plays a hostile advert frame); pytest-django's live server answers on localhost, so every page
here is cross-origin to the library, as on a real school website.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_helpers import AXE_TAGS, format_violations, open_page, run_axe
from playwright.sync_api import Error as PlaywrightError
from school_site import (
    SCHOOL_HOST,
    challenge_snippet,
    frame_metrics,
    iframe_height,
    iframe_of,
    readme_snippets,
    school_page,
    wait_until_fitted,
)

from tests.factories import make_challenge

ADVERT_HOST = "127.0.0.3"
MAX_HEIGHT = 20000  # embed.js clamps resize requests to this
INITIAL_HEIGHT = 600  # embed.js's iframe height before the first resize message
XSS_TITLE = "<img src=x onerror=window.__xss=1>"


@pytest.fixture
def embed_library(library):
    """The shared library plus a long KS2 science challenge and one with an XSS title.

    With "Public bug hotel" (science, years 3 and 4) these are the three KS2 science challenges.
    """
    activities = [
        ("activity", {
            "title": f"Day {number}: observe and record",
            "age_band": "all",
            "needs_screen": False,
            "body": "<p>" + "Look closely, measure carefully and write down what you see. " * 6
                    + "</p>",
        })
        for number in range(1, 16)
    ]  # fmt: skip
    library.long = make_challenge(
        library.school_a1, "Fifteen days of kitchen science", activities=activities,
        year_codes=["3", "4"], subjects=["science"],
    )  # fmt: skip
    library.xss = make_challenge(
        library.school_a2, XSS_TITLE, year_codes=["3", "4"], subjects=["science"]
    )
    return library


def fail_on_error_responses(page):
    """Collects failed requests of the page and its frames (the browser's favicon aside)."""
    failed = []

    def on_response(response):
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            failed.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    return failed


def assert_console_reaches_us(frame, console):
    """The collector hears the frames too; otherwise "no console errors" would prove nothing."""
    frame.evaluate("() => console.error('lcl-console-probe')")
    for _ in range(40):  # console events arrive asynchronously: up to 2 s
        probes = [error for error in console.errors if "lcl-console-probe" in error]
        if probes:
            break
        frame.page.wait_for_timeout(50)
    assert probes, f"a console error inside {frame.url} did not reach the test's collector"
    for probe in probes:
        console.errors.remove(probe)


def test_school_page_embeds_a_challenge_and_a_list_with_the_readme_snippets(
    live_server, page, console, embed_library, serve
):
    library = embed_library
    pages = {}
    school = serve(SCHOOL_HOST, pages)
    pages["/home-learning/"] = school_page(
        "Home learning at Oak Lane",
        "<h2>This week's challenge</h2>",
        challenge_snippet(live_server.url, library.long.uid),
        "<h2>A quick one</h2>",
        challenge_snippet(live_server.url, library.public.uid),
        "<h2>More science challenges</h2>",
        readme_snippets(live_server.url)["list"],
    )
    failed = fail_on_error_responses(page)

    page.goto(f"{school}/home-learning/", wait_until="load")
    assert urlsplit(page.url).hostname == SCHOOL_HOST  # the school's origin, not the library's

    long_frame = wait_until_fitted(page, library.long.uid)
    short_frame = wait_until_fitted(page, library.public.uid)
    long = frame_metrics(page, library.long.uid, long_frame)
    short = frame_metrics(page, library.public.uid, short_frame)
    for name, metrics in (("long", long), ("short", short)):
        assert abs(metrics["iframe"] - metrics["content"]) <= 3, f"{name} frame: {metrics}"
        assert metrics["scroll"] <= metrics["inner"] + 1, f"{name} frame scrolls: {metrics}"
    assert long["iframe"] > INITIAL_HEIGHT + 200, f"the long challenge did not grow: {long}"
    assert short["iframe"] < INITIAL_HEIGHT, f"the short challenge did not shrink: {short}"
    assert long_frame.locator("h1").inner_text() == library.long.title
    assert long_frame.locator(".activities > li h3").count() == 15
    for challenge in (library.long, library.public):  # one name per frame, for screen readers
        title = iframe_of(page, challenge.uid).get_attribute("title")
        assert title == f"Learning challenge: {challenge.title}"

    page.wait_for_selector("[data-challenge-list] .lcl-card")
    links = page.locator("[data-challenge-list] .lcl-card h3 a")
    titles = links.all_inner_texts()
    assert sorted(titles) == sorted([library.long.title, library.public.title, XSS_TITLE])
    assert page.locator("[data-challenge-list] img").count() == 0  # the XSS title stayed text
    hrefs = links.evaluate_all("links => links.map(link => link.href)")
    assert all(href.startswith(live_server.url + "/") for href in hrefs), hrefs
    assert page.evaluate("() => window.__xss") is None
    for frame in (long_frame, short_frame):
        assert frame.evaluate("() => window.__xss") is None

    assert_console_reaches_us(long_frame, console)
    assert not failed, f"requests failed: {failed}"
    assert not console.errors, f"console errors on the school page or its frames: {console.errors}"


def test_plain_iframe_snippet_shows_the_list_where_scripts_are_stripped(
    live_server, page, console, embed_library, serve
):
    library = embed_library
    pages = {}
    school = serve(SCHOOL_HOST, pages)
    pages["/science/"] = school_page(
        "Science at Oak Lane", readme_snippets(live_server.url)["plain"]
    )
    failed = fail_on_error_responses(page)

    page.goto(f"{school}/science/", wait_until="load")

    frame = page.locator("iframe").element_handle().content_frame()
    frame.wait_for_selector(".card")
    titles = frame.locator(".card h2 a").all_inner_texts()
    assert sorted(titles) == sorted([library.long.title, library.public.title, XSS_TITLE])
    assert frame.locator("img").count() == 0  # the XSS title stayed text
    assert frame.evaluate("() => window.__xss") is None
    assert page.evaluate("() => window.__xss") is None
    link = page.locator("main > a").get_attribute("href")
    assert link.startswith(live_server.url + "/"), link
    assert page.request.get(link).status == 200, f"the README's plain link {link} is broken"
    assert_console_reaches_us(frame, console)
    assert not failed, f"requests failed: {failed}"
    assert not console.errors, f"console errors on the school page or its frame: {console.errors}"


def test_resize_messages_are_checked_for_origin_and_source_and_clamped(
    live_server, page, console, embed_library, serve
):
    library = embed_library
    advert = serve(ADVERT_HOST, {
        "/advert/": "\n".join([
            '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Advert</title>',
            "</head><body><p>Buy now</p><script>",
            "function grow() { parent.postMessage({type: 'lcl:resize', height: 10000000}, '*'); }",
            "grow(); setInterval(grow, 100);",
            "</script></body></html>",
        ]),
    })  # fmt: skip
    pages = {}
    school = serve(SCHOOL_HOST, pages)
    pages["/home-learning/"] = school_page(
        "Home learning at Oak Lane",
        challenge_snippet(live_server.url, library.public.uid),
        challenge_snippet(live_server.url, library.long.uid),
        f'<iframe src="{advert}/advert/" title="Advert" width="300" height="100"></iframe>',
        # A frame from the library's origin that embed.js did not make: its messages pass the
        # origin check, so only the source check keeps them from resizing the challenges.
        f'<iframe src="{live_server.url}/embed/list/?subject=science" title="Challenges"'
        ' width="100%" height="300"></iframe>',
    )
    # Every resize request the school page receives, as its own listener sees it.
    page.add_init_script(
        """if (window === window.top) {
            window.__resizes = [];
            addEventListener('message', event => {
                if (event.data && event.data.type === 'lcl:resize')
                    __resizes.push({origin: event.origin, height: event.data.height});
            });
        }"""
    )

    page.goto(f"{school}/home-learning/", wait_until="load")
    wait_until_fitted(page, library.public.uid)
    long_frame = wait_until_fitted(page, library.long.uid)
    fitted = {uid: iframe_height(page, uid) for uid in (library.public.uid, library.long.uid)}

    # Let the advert and the other library frame ask for huge heights after embed.js runs.
    page.wait_for_function(
        "origin => __resizes.filter(r => r.origin === origin).length >= 3", arg=advert
    )
    list_frame = page.locator('iframe[title="Challenges"]').element_handle().content_frame()
    list_frame.evaluate("() => parent.postMessage({type: 'lcl:resize', height: 12345}, '*')")
    page.wait_for_function("() => __resizes.some(r => r.height === 12345)")
    page.wait_for_timeout(300)
    assert {uid: iframe_height(page, uid) for uid in fitted} == fitted

    # The real embed asking for a billion pixels gets the maximum; its neighbour is untouched.
    long_frame.evaluate("() => parent.postMessage({type: 'lcl:resize', height: 1e9}, '*')")
    page.wait_for_function(
        "([uid, max]) => document.querySelector(`[data-challenge='${uid}'] iframe`)"
        ".getBoundingClientRect().height === max",
        arg=[str(library.long.uid), MAX_HEIGHT],
    )
    assert iframe_height(page, library.long.uid) == MAX_HEIGHT
    assert iframe_height(page, library.public.uid) == fitted[library.public.uid]
    long_frame.evaluate("() => parent.postMessage({type: 'lcl:resize', height: 'tall'}, '*')")
    page.wait_for_timeout(200)
    assert iframe_height(page, library.long.uid) == MAX_HEIGHT
    assert not console.errors, console.errors


def test_pages_that_are_not_embeds_refuse_to_render_in_a_frame(
    live_server, page, console, embed_library, serve
):
    library = embed_library
    pages = {}
    school = serve(SCHOOL_HOST, pages)
    refused = {"Home page": "/", "Admin sign in": "/admin/login/"}
    pages["/framed/"] = school_page(
        "Framing",
        *(
            f'<iframe src="{live_server.url}{path}" title="{title}"></iframe>'
            for title, path in refused.items()
        ),
        f'<iframe src="{live_server.url}/embed/challenges/{library.public.uid}/"'
        ' title="Learning challenge" width="100%" height="600"></iframe>',
    )
    statuses = {}
    page.on("response", lambda response: statuses.setdefault(response.url, response.status))

    page.goto(f"{school}/framed/", wait_until="load")

    framed_titles = []
    for title, path in refused.items():
        url = live_server.url + path
        assert statuses.get(url) == 200, f"{path} did not answer (so framing was not tested)"
        frame = page.locator(f'iframe[title="{title}"]').element_handle().content_frame()
        assert frame is None or frame.url != url, f"{path} rendered in a frame: {frame.url}"
    for frame in page.frames:
        try:
            framed_titles.append((frame.url, frame.title()))
        except PlaywrightError:
            framed_titles.append((frame.url, None))
    home_title = library.home.title
    for url, title in framed_titles:
        assert not url.startswith(live_server.url) or "/embed/" in url, framed_titles
        assert title != home_title, framed_titles

    embed = page.locator('iframe[title="Learning challenge"]').element_handle().content_frame()
    assert embed.locator("h1").inner_text() == library.public.title
    unexpected = [
        error for error in console.errors
        if "frame-ancestors 'none'" not in error and "X-Frame-Options" not in error
    ]  # fmt: skip
    assert not unexpected, unexpected


def run_axe_in(page, axe_path, include):
    """axe-core's WCAG 2.2 A/AA rules, and heading order, on part of a page (not in its frames:
    the embed pages are checked on their own)."""
    page.evaluate(Path(axe_path).read_text() + "\n;undefined")
    return page.evaluate(
        """async ([include, tags]) => {
            const results = await axe.run({include}, {
                runOnly: {type: 'tag', values: tags},
                iframes: false,
                rules: {'heading-order': {enabled: true}},
            });
            return {
                violations: results.violations,
                passes: results.passes.map(rule => rule.id),
                incomplete: results.incomplete,
            };
        }""",
        [include, AXE_TAGS],
    )


def assert_no_violations(results, where):
    assert "color-contrast" in results["passes"], f"axe did not check {where}: {results}"
    if results["violations"]:
        pytest.fail(
            f"axe found accessibility violations in {where}:\n"
            + format_violations(results["violations"]),
            pytrace=False,
        )


@pytest.mark.parametrize("view", ["challenge", "list"])
def test_embed_pages_have_no_axe_violations(
    view, live_server, page, console, axe_path, realistic_library
):
    library = realistic_library
    make_challenge(library.school_b1, "Rainbow milk", year_codes=["3"], subjects=["science"])
    path = {
        "challenge": f"/embed/challenges/{library.public.uid}/",
        "list": "/embed/list/?subject=science&key_stage=KS2&limit=6",
    }[view]
    open_page(page, live_server, path)
    if view == "list":
        assert page.locator(".card").count() == 2

    results = run_axe(page, axe_path)

    assert "heading-order" in results["passes"], results["passes"]
    assert_no_violations(results, path)
    assert not console.errors, console.errors


def test_embeds_on_a_school_page_have_no_axe_violations(
    live_server, page, console, axe_path, embed_library, serve
):
    """What embed.js puts on the school's page: two challenge frames and a list of cards."""
    library = embed_library
    pages = {}
    school = serve(SCHOOL_HOST, pages)
    pages["/science/"] = school_page(
        "Science at Oak Lane",
        "<h2>This week</h2>",
        challenge_snippet(live_server.url, library.long.uid),
        challenge_snippet(live_server.url, library.public.uid),
        "<h2>Science challenges</h2>",
        readme_snippets(live_server.url)["list"],
    )
    page.goto(f"{school}/science/", wait_until="load")
    page.wait_for_selector("[data-challenge-list] .lcl-card")
    for challenge in (library.long, library.public):
        wait_until_fitted(page, challenge.uid)

    results = run_axe_in(page, axe_path, ["[data-challenge]", "[data-challenge-list]"])

    assert "frame-title" in results["passes"], results["passes"]
    assert_no_violations(results, "the embeds on a school page")
    # axe leaves identical frame titles for a person to judge; two challenges are not one.
    to_review = [rule["id"] for rule in results["incomplete"] if rule["id"] == "frame-title-unique"]
    assert not to_review, "two embedded challenges share a frame title"
    assert not console.errors, console.errors


@pytest.mark.parametrize("snippet", ["embed.js", "sandboxed iframe"])
def test_print_link_opens_the_print_view_in_a_new_tab(
    snippet, live_server, page, embed_library, serve
):
    library = embed_library
    uid = library.public.uid
    pages = {}
    school = serve(SCHOOL_HOST, pages)
    if snippet == "embed.js":
        body = [challenge_snippet(live_server.url, uid)]
        frame_selector = f'[data-challenge="{uid}"] iframe'
    else:
        body = [
            f'<iframe sandbox="allow-scripts allow-popups" title="Learning challenge"'
            f' src="{live_server.url}/embed/challenges/{uid}/" width="100%" height="900"></iframe>'
        ]
        frame_selector = "iframe[sandbox]"
    pages["/home-learning/"] = school_page("Home learning at Oak Lane", *body)
    page.goto(f"{school}/home-learning/", wait_until="load")

    link = page.frame_locator(frame_selector).get_by_role("link", name="Print this challenge")
    with page.expect_popup() as popup_info:
        link.click()
    popup = popup_info.value
    popup.wait_for_load_state("load")

    assert urlsplit(popup.url).path == f"/print/challenges/{uid}/", popup.url
    assert library.public.title in popup.title()
    assert popup.locator("h1").inner_text() == library.public.title
    assert popup.locator(".activities > li").count() == 1
