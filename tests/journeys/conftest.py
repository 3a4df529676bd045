"""Journeys (JOURNEYS.md) are browser tests: real Chromium, the browser suite's fixtures, and the
same rules (marked `browser`, transactional with serialized rollback, run after the other tests)."""

from pathlib import Path

import pytest

from tests.browser.conftest import (  # noqa: F401 (fixtures, found by pytest by name)
    _allow_async_unsafe,
    axe_path,
    browser,
    console,
    page,
    realistic_library,
    serve,
)

HERE = Path(__file__).resolve().parent


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    journeys, others = [], []
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)
            if item.get_closest_marker("django_db") is None:
                item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
            journeys.append(item)
        else:
            others.append(item)
    items[:] = others + journeys


class Journey:
    """Counts what the people in a journey see (screens) and do (values typed, ticks, clicks)."""

    def __init__(self, browser_page):
        self.page = browser_page
        self.screens = 0
        self.values = 0
        self.clicks = 0
        # A screen is a document loaded; a tab of the editor changing the URL's #fragment is not.
        browser_page.on("load", self._on_load)

    def _on_load(self, _page):
        self.screens += 1

    def fill(self, locator, value):
        locator.fill(value)
        self.values += 1

    def check(self, locator):
        locator.check()
        self.values += 1

    def click(self, locator):
        locator.click()
        self.clicks += 1


@pytest.fixture
def journey(page):  # noqa: F811 (the browser suite's page fixture)
    return Journey(page)
