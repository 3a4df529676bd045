"""Pulling every matching challenge in Chromium: a Birch teacher searches Oak's library (a second
instance on loopback whose list pages hold two challenges), presses "Check all 3 matching
challenges", reads the dry run and imports; three is over the background threshold of two, so
the dry run and the import run as tasks and the status screen shows the summary, then the drafts."""

import pytest
from admin_helpers import sign_in

from challenges.models import LearningChallengePage
from home.models import PartnerLibrary
from tests.interchange.partner_instance import MORE_PUBLIC, Partner


@pytest.fixture(scope="module")
def partner(tmp_path_factory):
    partner = Partner(tmp_path_factory.mktemp("partner"), rate_limit=40)
    partner.env["INTERCHANGE_PARTNER_PAGE_SIZE"] = "2"
    partner.seed()
    partner.manage("shell", "-c", MORE_PUBLIC)
    partner.token = partner.new_token()
    try:
        partner.start()
        yield partner
    finally:
        partner.stop()


def test_a_teacher_pulls_every_matching_challenge_in_the_background(
    live_server, page, library, partner, settings
):
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]
    settings.INTERCHANGE_BACKGROUND_IMPORT_AT = 2
    oak = PartnerLibrary(trust=library.trust_b, label="Oak Trust", base_url=partner.url + "/")
    oak.set_token(partner.token)
    oak.save()

    sign_in(page, live_server, library.editor_b1)
    page.get_by_role("link", name="Pull from a partner").click()
    page.get_by_label("Words").fill("public")
    page.get_by_role("button", name="Search their library").click()
    results = page.locator("#pull-results")
    results.wait_for()
    assert results.locator("tbody tr").count() == 2  # the partner's first page
    assert page.get_by_role("link", name="More results").is_visible()
    page.locator("#pull-all").scroll_into_view_if_needed()
    page.screenshot(path="/tmp/partner-pull-all-results.png")
    page.get_by_role("button", name="Check all 3 matching challenges").click()

    summary = page.locator("#import-summary")
    summary.wait_for()
    assert "/challenges/import/status/" in page.url  # three is over two: the dry run is a task
    text = summary.inner_text()
    assert text.count("Will be created as a draft") == 3
    for title in ("Oak public rain gauge", "Oak public sun dial", "Oak public weather vane"):
        assert title in text
    assert not LearningChallengePage.objects.child_of(library.school_b1).exists()

    page.get_by_role("button", name="Import as drafts").click()
    drafts = page.locator("#imported-drafts")
    drafts.wait_for()
    assert "/challenges/import/status/" in page.url
    status = page.locator("#import-status").inner_text()
    assert "Finished: 3 created, 0 updated, 0 kept for review" in status
    assert drafts.locator("li").count() == 3
    page.screenshot(path="/tmp/partner-pull-all-status.png", full_page=True)
    titles = LearningChallengePage.objects.child_of(library.school_b1).values_list("title")
    assert sorted(title for (title,) in titles) == [
        "Oak public rain gauge", "Oak public sun dial", "Oak public weather vane",
    ]  # fmt: skip
