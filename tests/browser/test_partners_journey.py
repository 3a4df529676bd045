"""Partners in Chromium: a trust admin asks, the other accepts, a teacher adapts the partner's
challenge, edits it and submits it for review."""

from pathlib import Path

from browser_helpers import AXE_TAGS, format_violations, path_of
from django.contrib.auth.models import User
from wagtail.models import WorkflowState

from challenges.models import LearningChallengePage
from home.models import Partnership, Role
from home.roles import role_group
from tests.factories import PASSWORD, make_user


def sign_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/admin/")


def axe_violations_in_main(page, axe_path):
    """WCAG 2.2 A/AA violations in our own part of the admin page (Wagtail's frame aside)."""
    page.evaluate(Path(axe_path).read_text() + "\n;undefined")
    return page.evaluate(
        """async (tags) => (await axe.run({include: [['main']]},
                                          {runOnly: {type: 'tag', values: tags}})).violations""",
        AXE_TAGS,
    )


def test_partnership_then_adapt_edit_and_submit(live_server, page, library, console, axe_path):
    make_user("admin_a", role_group(library.trust_a, Role.Kind.TRUST_ADMIN))
    make_user("admin_c", role_group(library.trust_c, Role.Kind.TRUST_ADMIN))

    # Cedar's trust admin asks Alder to be partners.
    sign_in(page, live_server, "admin_c")
    page.get_by_role("link", name="People and partners").click()
    page.wait_for_url("**/admin/trust/*/")
    page.get_by_role("heading", name="Partner trusts").wait_for()
    violations = axe_violations_in_main(page, axe_path)
    assert not violations, format_violations(violations)
    page.get_by_label("Trust to partner with").select_option(label="Alder Trust")
    page.get_by_role("button", name="Request partnership").click()
    assert (
        "Waiting for their answer" in page.locator('[data-partnership="Alder Trust"]').inner_text()
    )

    # Until Alder accepts, Cedar's teacher cannot see Alder's partner challenge.
    sign_in(page, live_server, "editor_c1")
    partner_page = live_server.url + path_of(library.partners)
    assert page.goto(partner_page).status == 404

    # Alder's trust admin accepts.
    sign_in(page, live_server, "admin_a")
    page.get_by_role("link", name="People and partners").click()
    row = page.locator('[data-partnership="Cedar Trust"]')
    assert "Asks to be your partner" in row.inner_text()
    row.get_by_role("button", name="Accept").click()
    assert "Partners" in page.locator('[data-partnership="Cedar Trust"]').inner_text()

    # Cedar's teacher adapts it from the public page, edits the draft and submits it.
    sign_in(page, live_server, "editor_c1")
    assert page.goto(partner_page).status == 200
    page.get_by_role("link", name="Adapt for my school").click()
    page.wait_for_url("**/adapt/")
    assert "Creative Commons Attribution 4.0" in page.locator("main").inner_text()
    violations = axe_violations_in_main(page, axe_path)
    assert not violations, format_violations(violations)
    page.get_by_label("Cherry Primary").check()
    page.get_by_role("button", name="Make my draft copy").click()
    page.wait_for_url("**/admin/pages/*/edit/")
    page.fill("#id_title", "Cherry pond dipping")
    page.get_by_role("button", name="More actions").click()
    page.locator('button[name="action-submit"]').click()
    page.wait_for_load_state("load")

    copy = LearningChallengePage.objects.get(adapted_from__uid=str(library.partners.uid))
    assert copy.school_id == library.school_c1.pk and not copy.live
    assert copy.get_latest_revision_as_object().title == "Cherry pond dipping"
    assert WorkflowState.objects.filter(
        base_content_type_id__isnull=False, object_id=str(copy.pk), status="in_progress"
    ).exists()
    assert Partnership.between(library.trust_a, library.trust_c).status == "accepted"
    assert User.objects.get(username="editor_c1").is_active
    # The admin avatar's Gravatar request is blocked by the CSP (issue 11, point 11, not ours).
    expected_404 = f"status of 404 (Not Found) ({partner_page})"  # before the partnership
    errors = [e for e in console.errors if "gravatar.com" not in e and expected_404 not in e]
    assert not errors, errors
