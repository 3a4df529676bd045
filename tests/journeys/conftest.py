"""Journey tests (JOURNEYS.md) run in Chromium like tests/browser, with the same fixtures: each is
marked `browser`, runs on a transactional database with serialized rollback, and after the rest."""

from pathlib import Path

import pytest

from tests.browser.conftest import (  # noqa: F401 (fixtures)
    _allow_async_unsafe,
    axe_path,
    browser,
    console,
    page,
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
