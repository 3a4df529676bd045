"""A school editor finds the school's website kit from the dashboard, sees every snippet beside
its live preview in the school's colour, and copies one (issue 23)."""

import pytest

from tests.browser.admin_helpers import sign_in
from tests.factories import make_challenge

pytestmark = pytest.mark.browser

ACCENT_RGB = "rgb(11, 110, 79)"  # 0b6e4f


@pytest.fixture
def ash_in_green(library, image_factory):
    school = library.school_a1
    school.accent_colour = "0B6E4F"
    school.save_revision().publish()
    make_challenge(
        school, "Rainbow milk", summary="Colours swirl in milk.",
        hero_image=image_factory(title="Rainbow milk"), hero_image_alt="Milk with colours",
    )  # fmt: skip
    return library


def test_an_editor_opens_the_kit_from_the_dashboard_previews_and_copies(
    live_server, page, console, ash_in_green
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    sign_in(page, live_server, ash_in_green.editor_a1)
    page.get_by_role("link", name="Website kit for Ash Primary").click()
    page.wait_for_selector("h1")
    assert "Website kit" in page.locator("h1").inner_text()
    assert page.get_by_text("Ash Primary").first.is_visible()

    labels = page.locator("[data-kit-snippet] h3").all_inner_texts()
    assert labels == [
        "Your school's challenges (script)",
        "Your school's challenges (plain iframe)",
        "Search box for your school's challenges",
        "One challenge (script, resizes itself)",
        "One challenge (plain iframe)",
        "Link to one challenge",
    ]
    # The list's preview is the snippet itself on a plain page: cards in the school's colour.
    list_preview = page.frame_locator("[data-kit-snippet='list-script'] iframe")
    card = list_preview.locator(".lcl-card", has_text="Rainbow milk")
    card.wait_for()
    assert card.evaluate("card => getComputedStyle(card).borderTopColor") == ACCENT_RGB
    one_preview = page.frame_locator("[data-kit-snippet='challenge-script'] iframe")
    heading = one_preview.frame_locator("iframe").locator("h1")
    assert heading.inner_text() == "Rainbow milk"  # the newest public challenge first

    # Choosing another challenge changes its code and its preview at once.
    page.select_option("#kit-challenge-choice", label="Public bug hotel")
    assert f'data-challenge="{ash_in_green.public.uid}"' in page.input_value(
        "#kit-challenge-script"
    )
    one_preview.frame_locator("iframe").get_by_role("heading", name="Public bug hotel").wait_for()

    page.locator("[data-kit-snippet='list-script'] button", has_text="Copy").click()
    page.locator("[data-kit-snippet='list-script'] [data-copy-status]").get_by_text(
        "Copied to the clipboard."
    ).wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.input_value("#kit-list-script")
    assert 'data-school="ash" data-accent="0b6e4f"' in copied

    page.screenshot(path="/tmp/website-kit.png", full_page=True)
    assert not console.errors, console.errors


def test_another_schools_kit_is_not_found(live_server, page, library):
    sign_in(page, live_server, library.editor_a1)
    response = page.goto(f"{live_server.url}/admin/schools/{library.school_a2.pk}/website-kit/")
    assert response.status == 404
    assert "Aspen Primary" not in page.content()
