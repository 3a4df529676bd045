"""Helpers shared by the browser tests (a plain module, imported by path via pytest's rootdir)."""

from pathlib import Path
from urllib.parse import urlsplit

# WCAG 2.0, 2.1 and 2.2 levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# axe files these under "best-practice", not a WCAG tag, but they check the page structure that
# WCAG 1.3.1 and 2.4.1 rely on: one main landmark, top-level landmarks, no skipped heading levels.
STRUCTURE_RULES = [
    "heading-order",
    "page-has-heading-one",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "region",
]

PUBLIC_PAGES = ["home", "school", "trust", "challenge"]


def path_of(wagtail_page):
    return urlsplit(wagtail_page.get_full_url()).path


def page_path(library, name):
    return {
        "home": "/",
        "school": path_of(library.school_a1),
        "trust": path_of(library.trust_a),
        "challenge": path_of(library.public),
    }[name]


def open_page(page, live_server, path):
    """Open `path` and wait until it has loaded, checking that it and its assets answer 200."""
    failed = []

    def on_response(response):
        # /favicon.ico is asked for by headless Chromium itself; the site has no icon yet.
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            failed.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    try:
        response = page.goto(live_server.url + path, wait_until="load")
    finally:
        page.remove_listener("response", on_response)
    status = response.status if response else None
    assert status == 200, f"{path} answered {status}"
    assert not failed, f"{path}: requests failed: {failed}"
    return response


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']} "
            f"<{violation.get('helpUrl', '')}>"
        )
        for node in violation["nodes"][:10]:
            lines.append(f"    at {node['target']}: {node.get('failureSummary', '').strip()}")
            lines.append(f"       {node.get('html', '')[:200]}")
    return "\n".join(lines)


def run_axe(page, axe_path):
    """Run axe-core's WCAG A/AA rules, plus its structure rules (headings, landmarks)."""
    # Evaluated through the DevTools protocol: the pages' strict CSP forbids injected <script>s.
    page.evaluate(Path(axe_path).read_text() + "\n;undefined")
    return page.evaluate(
        """async ([tags, extraRules]) => {
            const rules = Object.fromEntries(extraRules.map(rule => [rule, {enabled: true}]));
            const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, rules});
            return {violations: results.violations, passes: results.passes.map(rule => rule.id)};
        }""",
        [AXE_TAGS, STRUCTURE_RULES],
    )
