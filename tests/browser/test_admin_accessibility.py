"""axe (WCAG 2.2 A and AA) on our own admin screens and panels, in Chromium (issue 11).

Wagtail's own chrome is Wagtail's to keep accessible; these runs cover what we add: the "New
challenge" screen and dashboard button, the "Ready to submit" panel, the compact choices, the
character counter, and the "Embed on your website" panel.
"""

from pathlib import Path

import pytest
from admin_helpers import add_challenge_url, sign_in
from browser_helpers import AXE_TAGS, format_violations


def run_axe_on(page, axe_path, selectors):
    """axe's WCAG A/AA rules on the parts of the page the selectors name."""
    for selector in selectors:
        page.locator(selector).first.wait_for(state="attached")
    page.evaluate(Path(axe_path).read_text() + "\n;undefined")
    return page.evaluate(
        """async ([tags, selectors]) => {
            const context = {include: selectors.map(selector => [selector])};
            const results = await axe.run(context, {runOnly: {type: 'tag', values: tags}});
            return {violations: results.violations, passes: results.passes.map(rule => rule.id)};
        }""",
        [AXE_TAGS, selectors],
    )


def assert_no_violations(results, where):
    if results["violations"]:
        pytest.fail(f"{where}:\n" + format_violations(results["violations"]), pytrace=False)


def test_new_challenge_screen_and_dashboard_button(live_server, page, axe_path, library):
    sign_in(page, live_server, library.editor_a1)
    assert_no_violations(
        run_axe_on(page, axe_path, ["section[aria-labelledby=new-challenge-heading]"]),
        "dashboard button",
    )
    page.get_by_role("link", name="New challenge").click()
    results = run_axe_on(page, axe_path, [".new-challenge", "header"])
    assert "label" in results["passes"], results["passes"]
    assert_no_violations(results, "New challenge screen")


def test_editor_panels_of_the_essentials_tab(live_server, page, axe_path, library):
    sign_in(page, live_server, library.editor_a1)
    page.goto(add_challenge_url(live_server, library.school_a1, "weekly") + "?age_bands=ks1")
    page.fill("#id_summary", "x" * 320)  # the counter in its "too many" state
    results = run_axe_on(
        page,
        axe_path,
        ["[data-readiness]", "#id_year_groups", "#id_subjects", "#id_themes", "#id_summary-count"],
    )
    assert "color-contrast" in results["passes"], results["passes"]
    assert_no_violations(results, "Essentials tab")


def test_embed_panel(live_server, page, axe_path, library):
    sign_in(page, live_server, library.moderator_a)
    page.goto(f"{live_server.url}/admin/pages/{library.public.pk}/edit/")
    page.get_by_role("tab", name="Sharing and licence").click()
    results = run_axe_on(page, axe_path, ["[data-controller='w-clipboard']"])
    assert_no_violations(results, "Embed on your website panel")
