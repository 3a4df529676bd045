"""Pulling from a partner in Chromium: Birch's trust admin saves Oak's library (a real second
instance on loopback) with the token Oak gave, then a Birch teacher searches it, ticks a challenge
to follow, reads the dry run and imports it as a draft."""

import pytest
from admin_helpers import sign_in, sign_out

from challenges.models import LearningChallengePage
from home.models import PartnerLibrary, Role
from home.roles import role_group
from tests.factories import make_user
from tests.interchange.partner_instance import Partner


@pytest.fixture(scope="module")
def partner(tmp_path_factory):
    partner = Partner(tmp_path_factory.mktemp("partner"), rate_limit=40)
    partner.seed()
    partner.token = partner.new_token()
    try:
        partner.start()
        yield partner
    finally:
        partner.stop()


def test_a_teacher_pulls_a_challenge_from_a_partner_library(
    live_server, page, library, partner, settings
):
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]
    admin = make_user("admin_b", role_group(library.trust_b, Role.Kind.TRUST_ADMIN))

    # Birch's trust admin saves Oak's library; the token is never shown again, only its start.
    sign_in(page, live_server, admin)
    page.get_by_role("link", name="People and partners").click()
    section = page.locator("section[aria-labelledby=libraries-heading]")
    section.get_by_label("Label").fill("Oak Trust")
    section.get_by_label("Address of their library").fill(partner.url)
    section.get_by_label("Token").fill(partner.token)
    section.get_by_role("button", name="Save partner library").click()
    row = page.locator("tr[data-library='Oak Trust']")
    row.wait_for()
    # Saving tried the library with the token: it answers, and says how much it shares.
    assert page.get_by_text("It answers: 2 challenges shared with Birch Trust.").is_visible()
    assert partner.token[:11] in row.inner_text()
    assert partner.token not in page.content()
    sign_out(page, live_server)

    # A Birch teacher searches it and ticks one challenge to follow.
    sign_in(page, live_server, library.editor_b1)
    page.get_by_role("link", name="Pull from a partner").click()
    page.get_by_label("Words").fill("rain")
    page.get_by_role("button", name="Search their library").click()
    results = page.locator("#pull-results")
    results.wait_for()
    assert results.locator("tbody tr").count() == 1
    # Each result says what it is, for whom, under which licence, and that it is not here yet.
    gauge = results.locator("tbody tr")
    assert gauge.locator("[data-summary]").inner_text() == (
        "Oak public rain gauge: a challenge for the whole family."
    )
    assert gauge.locator("[data-years]").inner_text() == "Year 3, Year 4"
    assert gauge.locator("[data-licence]").inner_text() == "Creative Commons Attribution 4.0"
    assert gauge.locator("[data-here]").inner_text() == "No"
    page.screenshot(path="/tmp/partner-pull-results.png", full_page=True)
    page.get_by_label("Oak public rain gauge", exact=True).check()
    page.get_by_label("Follow the original of Oak public rain gauge").check()
    page.get_by_role("button", name="Check the ticked challenges").click()

    summary = page.locator("#import-summary")
    summary.wait_for()
    text = summary.inner_text()
    assert "Oak public rain gauge" in text and "Will be created as a draft" in text
    assert "Follows the original" in text
    assert not LearningChallengePage.objects.child_of(library.school_b1).exists()

    page.get_by_role("button", name="Import as drafts").click()
    drafts = page.locator("#imported-drafts")
    drafts.wait_for()
    assert "Oak public rain gauge" in drafts.inner_text()
    copy = LearningChallengePage.objects.child_of(library.school_b1).get()
    assert not copy.live and copy.adapted_from["mode"] == "follow"
    assert copy.adapted_from["source"] == partner.url + "/"

    # Searching again, the result says the copy is already here.
    oak = PartnerLibrary.objects.get(label="Oak Trust")
    page.goto(f"{live_server.url}/admin/challenges/import/partner/?library={oak.pk}&q=rain")
    assert page.locator("#pull-results [data-here]").inner_text() == (
        f"Yes, in Beech Primary (version {copy.adapted_from['version']}, a draft)"
    )
