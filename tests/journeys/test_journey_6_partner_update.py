"""Journey 6: the partner trust's admin, then a teacher. Birch's trust admin connects to Oak's
library (a real second instance on loopback: token and address); a Birch teacher searches it and
pulls three challenges, following two; the originals change while the teacher has edited one
activity; the periodic check runs (nobody runs anything); the teacher is told on the dashboard,
reads the comparison as text and takes the update. Done when both sides' edits are in the new
draft and no question was asked (there was no real clash). Budget: 15 screens in all."""

import time

import pytest
from django.core import mail
from django.core.cache import cache

from challenges.models import LearningChallengePage
from challenges.sharing.tasks import check_upstream_task
from home.models import Role
from home.roles import role_group
from tests.browser.admin_helpers import sign_in, sign_out
from tests.factories import make_user
from tests.interchange.partner_instance import REPUBLISH, SEED, Partner
from tests.interchange.test_two_instances_merge import CHANGE_MONDAY, WEEK

WEDNESDAY = "<p>On Wednesday, count the fish at Beech pond.</p>"


@pytest.fixture(scope="module")
def partner(tmp_path_factory):
    partner = Partner(tmp_path_factory.mktemp("partner"), rate_limit=100)
    partner.migrate()
    partner.manage("shell", "-c", SEED.format(port=partner.port) + WEEK)
    partner.token = partner.new_token()
    try:
        partner.start()
        yield partner
    finally:
        partner.stop()


def teacher_edits_wednesday(copy):
    """The teacher's own edit (writing in the editor is journey 1's job, not counted here)."""
    draft = copy.get_latest_revision_as_object()
    raw = draft.activities.get_prep_value()
    raw[2]["value"]["body"] = WEDNESDAY
    draft.activities = raw
    draft.save_revision()


def test_journey_6_take_a_partners_update(live_server, page, journey, library, partner, settings):
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]
    started = time.monotonic()
    admin = make_user("admin_b", role_group(library.trust_b, Role.Kind.TRUST_ADMIN))

    # The trust admin connects to the partner's library: its address and the token.
    sign_in(page, live_server, admin)
    journey.values += 2
    journey.click(page.get_by_role("link", name="People and partners"))
    section = page.locator("section[aria-labelledby=libraries-heading]")
    journey.fill(section.get_by_label("Label"), "Oak Trust")
    journey.fill(section.get_by_label("Address of their library"), partner.url)
    journey.fill(section.get_by_label("Token"), partner.token)
    journey.click(section.get_by_role("button", name="Save partner library"))
    page.locator("tr[data-library='Oak Trust']").wait_for()
    sign_out(page, live_server)

    # The teacher searches it and pulls three challenges, following two.
    sign_in(page, live_server, library.editor_b1)
    journey.values += 2
    journey.click(page.get_by_role("link", name="Pull from a partner"))
    journey.click(page.get_by_role("button", name="Search their library"))
    page.locator("#pull-results").wait_for()
    for title in ("Oak public rain gauge", "Oak partners leaf rubbing", "Oak week under the sea"):
        journey.check(page.get_by_label(title, exact=True))
    for title in ("Oak public rain gauge", "Oak week under the sea"):
        journey.check(page.get_by_label(f"Follow the original of {title}"))
    journey.click(page.get_by_role("button", name="Check the ticked challenges"))
    page.locator("#import-summary").wait_for()
    journey.click(page.get_by_role("button", name="Import as drafts"))
    page.locator("#imported-drafts").wait_for()
    pulled = LearningChallengePage.objects.child_of(library.school_b1)
    assert pulled.count() == 3 and pulled.filter(adapted_from__mode="follow").count() == 2

    # The originals change at Oak; the teacher has edited Wednesday's activity here.
    week = pulled.get(title="Oak week under the sea")
    teacher_edits_wednesday(week)
    partner.manage("shell", "-c", CHANGE_MONDAY)
    partner.manage("shell", "-c", REPUBLISH)
    cache.clear()
    check_upstream_task.enqueue()  # the periodic task, as the worker runs it: nobody runs it
    assert [email.to for email in mail.outbox] == [[library.editor_b1.email]]

    # The teacher is told on the dashboard, reads the comparison and takes the update.
    page.goto(live_server.url + "/admin/")
    panel = page.locator("[data-followed-changes]")
    # The unedited rain gauge took its update by itself (a new draft); only the edited week asks.
    gauge = pulled.get(title="Oak public rain gauge").get_latest_revision_as_object()
    assert "empty it after storms" in gauge.safety_notes
    assert panel.get_by_role("heading").inner_text() == "1 original you follow has changed"
    journey.click(panel.get_by_role("link", name="See the updates"))
    assert "Oak week under the sea (Acorn Primary, Oak Trust)" in page.locator("main").inner_text()
    journey.click(page.get_by_role("link", name="Oak week under the sea"))
    main = page.locator("main")
    text = main.inner_text()
    for raw in ("['", "<p>", "&lt;p&gt;"):
        assert raw not in text
    assert main.locator("tr[data-activity]").count() == 2  # Monday theirs, Wednesday ours
    assert main.locator("input[type=radio]").count() == 0  # no real clash: no question
    journey.click(page.get_by_role("button", name="Pull into a new draft"))
    page.wait_for_url(f"**/admin/pages/{week.pk}/edit/")

    draft = LearningChallengePage.objects.get(pk=week.pk).get_latest_revision_as_object()
    bodies = [str(block.value["body"]) for block in draft.activities]
    assert bodies[0] == "<p>On Monday, count the crabs in twos.</p>"  # theirs
    assert bodies[2] == WEDNESDAY  # ours
    assert not LearningChallengePage.objects.get(pk=week.pk).live

    seconds = time.monotonic() - started
    print(
        f"\nJourney 6: {journey.screens} screens, {journey.values} values typed or ticked, "
        f"{journey.clicks} clicks, {seconds:.1f} s (budget: 15 screens)"
    )
    assert journey.screens <= 15
