"""Journeys (../shared JOURNEYS.md: one job, first click to the end) in real Chromium, with the
browser suite's fixtures; marked `browser`, transactional, and run last, like that suite."""

from pathlib import Path

import pytest

from tests.browser.conftest import _allow_async_unsafe, browser, console, page  # noqa: F401

HERE = Path(__file__).resolve().parent


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    journeys = [item for item in items if HERE in Path(str(item.path)).resolve().parents]
    for item in journeys:
        item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
    items[:] = [item for item in items if item not in journeys] + journeys


class Journey:
    """Counts what the people in a journey see (screens) and do (values typed, ticks, clicks)."""

    def __init__(self, browser_page):
        self.page = browser_page
        self.screens = 0
        self.values = 0
        self.clicks = 0
        browser_page.on("framenavigated", self._on_navigation)

    def _on_navigation(self, frame):
        if frame == self.page.main_frame:
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
