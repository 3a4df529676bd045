"""Real-browser tests: Chromium driven by Playwright against pytest-django's live server.

Every test in this folder is marked `browser` (the root conftest skips them, or fails them with
REQUIRE_SERVICES=1, when Chromium is missing) and runs on a transactional database with
serialized rollback: the live server thread must see the test's data, and the pages and taxonomy
that migrations create must come back for the next test.

Playwright's sync API keeps an asyncio event loop running in the main thread while Chromium is
open, and Django then refuses ORM calls from that thread. So these tests, and only these, run with
DJANGO_ALLOW_ASYNC_UNSAFE, and they are moved to the end of the session, so that no other test
runs while the session-scoped browser (and its loop) is alive.
"""

import os
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

from challenges.models import ChallengeContributor, LearningChallengePage
from tests.browser.school_site import start_server

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _in_this_folder(item):
    return HERE in Path(str(item.path)).resolve().parents


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Mark this folder's tests `browser` and transactional, and run them last."""
    browser_items, other_items = [], []
    for item in items:
        if _in_this_folder(item):
            item.add_marker(pytest.mark.browser)
            if item.get_closest_marker("django_db") is None:
                item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
            browser_items.append(item)
        else:
            other_items.append(item)
    items[:] = other_items + browser_items


@pytest.fixture(scope="module", autouse=True)
def _allow_async_unsafe():
    """Module-scoped so that it outlives the database teardown (a flush) of each test."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="module")
def browser(django_db_setup):
    """Chromium for one module; the test database exists before its event loop starts. Not for
    the session: while Playwright's loop runs, Django refuses the ORM to every other test that
    the same (parallel) worker runs, and a worker also runs modules of other folders."""

    # Django keeps its connections in an asgiref Local, which is context-local while an event
    # loop runs: once Playwright starts, the ORM in this thread gets new connection objects (to
    # the same test database). Hand them the contents that serialized rollback restores.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS,
        )
        yield browser
        browser.close()
        connections.close_all()  # the connections opened while the loop ran


class ConsoleLog:
    """Console errors and uncaught page errors seen by a page."""

    def __init__(self):
        self.errors = []

    def on_console(self, message):
        if message.type == "error":
            location = message.location or {}
            if location.get("url", "").endswith("/favicon.ico"):
                # Headless Chromium asks for /favicon.ico on its own, and the site has no icon
                # yet; that request is the browser's, not the page's.
                return
            self.errors.append(f"console.error: {message.text} ({location.get('url', '')})")

    def on_page_error(self, error):
        self.errors.append(f"pageerror: {error}")


@pytest.fixture
def console():
    return ConsoleLog()


@pytest.fixture
def page(browser, console):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("console", console.on_console)
    page.on("pageerror", console.on_page_error)
    yield page
    context.close()


@pytest.fixture(scope="session")
def axe_path():
    if not AXE_PATH.exists():
        reason = f"axe-core is not installed at {AXE_PATH} (run `npm install`)"
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(f"REQUIRE_SERVICES=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    return str(AXE_PATH)


@pytest.fixture
def realistic_library(library, image_factory):
    """The shared library, with a public challenge filled in the way teachers fill one in."""

    school = library.school_a1
    school.intro = "A village primary school on the edge of the woods."
    school.contact_email = "office@ash.example.org"
    school.phone = "01234 567890"
    school.address = "1 School Lane\nAshford"
    school.save_revision().publish()
    library.trust_a.intro = "Five schools sharing learning challenges with their families."
    library.trust_a.save_revision().publish()

    hero = image_factory(title="Bug hotel", credit="Photo: Mrs K., Ash Primary")
    challenge = LearningChallengePage.objects.get(pk=library.public.pk)
    challenge.hero_image = hero
    challenge.hero_image_alt = "A bug hotel made of stacked pallets, pine cones and bamboo canes"
    challenge.outcomes = [
        ("outcome", "I can name three minibeasts that live in my garden."),
        ("outcome", "I can build a safe place for insects to shelter."),
    ]
    challenge.materials = [
        ("material", {"item": "Bamboo canes", "household_alternative": "hollow plant stems"}),
        ("material", {"item": "Pine cones", "household_alternative": ""}),
        ("material", {"item": "A magnifying glass", "household_alternative": "a phone camera"}),
    ]
    challenge.activities = [
        (
            "activity",
            {
                "title": "Go on a minibeast hunt",
                "age_band": "all",
                "needs_screen": False,
                "day": "mon",
                "subject": "other",
                "body": "<p>Look under <b>stones</b> and logs. Count what you find.</p>",
            },
        ),
        (
            "activity",
            {
                "title": "Build your bug hotel",
                "age_band": "ks1",
                "needs_screen": False,
                "body": "<p>Stack the materials in a dry, sheltered spot.</p>"
                "<ul><li>Canes at the top</li><li>Cones at the bottom</li></ul>",
            },
        ),
        (
            "activity",
            {
                "title": "Research a minibeast",
                "age_band": "uks2",
                "needs_screen": True,
                "body": "<p>Find out what your minibeast eats and write three facts.</p>",
            },
        ),
    ]
    challenge.family_guidance = (
        "<p>Talk about why insects matter. <i>No need to buy anything.</i></p>"
    )
    challenge.safety_notes = (
        "<p>Wash hands after touching soil. Do not pick up stinging insects.</p>"
    )
    challenge.stretch_ideas = "<p>Keep a bug diary for a week.</p>"
    challenge.share_how = "Email a photo of your bug hotel to the school office."
    challenge.share_hashtag = "#AshBugHotel"
    challenge.contributors = [ChallengeContributor(display_name="Mrs K., Ash Primary")]
    challenge.save_revision().publish()
    library.public = LearningChallengePage.objects.get(pk=challenge.pk)
    return library


@pytest.fixture
def serve():
    """`serve(host, pages)` serves the dict `pages` on host:<free port> until the test ends: a
    school's website on another origin (tests/browser/school_site.py).

    The dict is read on each request, so a test may add pages once it knows the URL.
    """
    running = []

    def start(host, pages):
        server, thread = start_server(host, pages)
        running.append((server, thread))
        return f"http://{host}:{server.server_port}"

    yield start
    for server, thread in running:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
