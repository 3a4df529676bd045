"""Families' languages in real Chromium: the Urdu page, embed and printout read right to left
(the layout mirrors) and have no axe violations."""

import pytest
from browser_helpers import format_violations, open_page, run_axe

from challenges.languages.translating import translate

URDU = {
    "Public bug hotel": "کیڑوں کا ہوٹل",
    "Go on a minibeast hunt": "ننھے کیڑوں کی تلاش پر چلیں",
    "Bamboo canes": "بانس کی چھڑیاں",
    "Pine cones": "چیڑ کے کون",
    "A bug hotel made of stacked pallets, pine cones and bamboo canes": (
        "لکڑی کے تختوں، چیڑ کے کون اور بانس کی چھڑیوں سے بنا کیڑوں کا ہوٹل"
    ),
}


@pytest.fixture
def urdu_library(realistic_library):
    realistic_library.public_ur = translate(realistic_library.public, "ur", URDU)
    return realistic_library


def urdu_paths(lib):
    return {
        "page": lib.public_ur.url,
        "embed": f"/embed/challenges/{lib.public.uid}/?lang=ur",
        "print": f"/print/challenges/{lib.public.uid}/?lang=ur",
    }


@pytest.mark.parametrize("name", ["page", "embed", "print"])
def test_urdu_reads_right_to_left_with_no_axe_violations(
    name, live_server, page, console, axe_path, urdu_library
):
    path = urdu_paths(urdu_library)[name]
    open_page(page, live_server, path)
    assert page.locator("html").get_attribute("lang") == "ur"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert URDU["Public bug hotel"] in page.locator("h1").inner_text()
    if name != "embed":  # the embed's activities are sections, not an indented list
        # The layout mirrors: the activities' list indent is on the right.
        padding = page.locator(".activities").first.evaluate(
            "list => [getComputedStyle(list).paddingRight, getComputedStyle(list).paddingLeft]"
        )
        assert padding[0] != "0px" and padding[1] == "0px", padding

    results = run_axe(page, axe_path)
    if results["violations"]:
        pytest.fail(
            f"axe found accessibility violations on the Urdu {name} {path}:\n"
            + format_violations(results["violations"]),
            pytrace=False,
        )
    assert not console.errors, console.errors
