"""Followers told, in Chromium: Birch follows a challenge of Oak's library (a real second instance
on loopback); Oak improves it; Birch's trust admin presses "Check now" beside Oak's library and
sees the result there; the teacher's dashboard then says an original they follow has changed, and
leads to the comparison."""

import io

import pytest
from admin_helpers import sign_in, sign_out
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command

from challenges.models import LearningChallengePage
from home.models import PartnerLibrary, Role
from home.roles import role_group
from tests.factories import make_user
from tests.interchange.partner_instance import REPUBLISH, Partner


@pytest.fixture(scope="module")
def partner(tmp_path_factory):
    partner = Partner(tmp_path_factory.mktemp("partner"), rate_limit=60)
    partner.seed()
    partner.token = partner.new_token()
    try:
        partner.start()
        yield partner
    finally:
        partner.stop()


def test_check_now_then_the_teacher_is_told(live_server, page, library, partner, settings):
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]
    saved = PartnerLibrary(trust=library.trust_b, label="Oak Trust", base_url=partner.url + "/")
    saved.set_token(partner.token)
    saved.save()
    cache.clear()
    call_command("import_challenges", partner.url, "--token", partner.token, "--into", "beech",
                 "--follow", stdout=io.StringIO())  # fmt: skip
    gauge = LearningChallengePage.objects.get(title="Oak public rain gauge")
    draft = gauge.get_latest_revision_as_object()
    draft.summary = "Our own words for Beech families."
    draft.save_revision()
    partner.manage("shell", "-c", REPUBLISH)
    cache.clear()

    admin = make_user("admin_b", role_group(library.trust_b, Role.Kind.TRUST_ADMIN))
    sign_in(page, live_server, admin)
    page.get_by_role("link", name="People and partners").click()
    row = page.locator("tr[data-library='Oak Trust']")
    assert "Not yet" in row.inner_text()
    row.get_by_role("button", name="Check Oak Trust now").click()
    page.get_by_text(
        "Oak Trust checked: 1 newer version arrived; 1 editor told by email."
    ).wait_for()
    assert "1 newer version" in page.locator("tr[data-library='Oak Trust']").inner_text()
    assert [email.to for email in mail.outbox] == [[library.editor_b1.email]]
    sign_out(page, live_server)

    sign_in(page, live_server, library.editor_b1)
    panel = page.locator("[data-followed-changes]")
    assert panel.get_by_role("heading").inner_text() == "1 original you follow has changed"
    panel.get_by_role("link", name="See the updates").click()
    assert "Oak public rain gauge (Acorn Primary, Oak Trust)" in page.locator("main").inner_text()
    page.get_by_role("link", name="Oak public rain gauge").click()
    main = page.locator("main").inner_text()
    assert "empty it after storms" in main and "<p>" not in main
