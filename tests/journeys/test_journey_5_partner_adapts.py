"""Journey 5: a teacher in a partner trust. Beech Primary's teacher (Birch Trust, Alder's partner)
finds Alder's pond dipping challenge, adapts it for Beech (its title, how families share their
work and the hashtag change; the credit stays) and submits it to the trust's review. Done when
the draft says whose it adapts and, once Birch publishes it, its public page credits both the
original's author and the adapter by the names they chose, never by their account names.
Budget: 8 screens."""

import time
from pathlib import Path

from wagtail.models import WorkflowState

from challenges.models import ChallengeContributor, LearningChallengePage
from home.models import PersonProfile
from tests.browser.admin_helpers import open_more_actions, sign_in

SHOTS = Path("/tmp/journey-5")


def chosen_name(user, display_name, first, last):
    """The name each teacher chose on their account screen before this journey (its own test:
    tests/browser/test_adaptation_says_what_it_is.py); the account names must never show."""
    user.first_name, user.last_name = first, last
    user.save()
    PersonProfile.objects.update_or_create(user=user, defaults={"display_name": display_name})


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"journey-5-{name}.png"), full_page=True)


def test_journey_5_partner_teacher_adapts_a_challenge(live_server, page, journey, library):
    started = time.monotonic()
    original = library.partners  # Ash Primary's (Alder Trust), visible to partners
    chosen_name(library.editor_a1, "Mr Ashworth", "Arthur", "Accountname")
    ChallengeContributor.objects.create(
        page=original, display_name="Mr Ashworth, Ash Primary", user=library.editor_a1
    )
    original.save_revision().publish()
    teacher = library.editor_b1
    chosen_name(teacher, "Mrs K.", "Olive", "Loginname")

    # The teacher signs in and looks for a challenge about pond dipping among her partners'.
    sign_in(page, live_server, teacher)
    journey.values += 2
    search = page.get_by_role("search").get_by_role("textbox").first
    journey.fill(search, "pond dipping")
    search.press("Enter")
    page.wait_for_url("**/admin/pages/search/**")
    journey.click(page.get_by_role("link", name="Challenges to adapt"))
    row = page.locator("tr", has_text=original.title)
    assert "Ash Primary (Alder Trust)" in row.inner_text()
    shot(page, "1-found")
    journey.click(row.get_by_role("link", name=f"Adapt “{original.title}” for my school"))
    page.wait_for_url("**/adapt/")
    shot(page, "2-adapt")
    journey.click(page.get_by_role("button", name="Make my draft copy"))
    page.wait_for_url("**/admin/pages/*/edit/")

    # The draft says whose it adapts; she changes the context to her school's.
    main = page.locator("main")
    banner = main.get_by_text(f"Your adaptation of “{original.title}”")
    assert "by Ash Primary, Alder Trust" in banner.inner_text()
    shot(page, "3-draft")
    journey.fill(page.locator("#id_title"), "Beech pond dipping")
    journey.click(page.get_by_role("tab", name="For families"))
    share_how = page.get_by_role("textbox", name="How to share your work")
    assert "Check this for your school: it came from Ash Primary's challenge." in (
        page.locator("#panel-child-for_families-child-share_how-helptext").inner_text()
    )
    journey.fill(share_how, "Bring your drawing to the Beech Primary office.")
    journey.fill(page.locator("#id_share_hashtag"), "#BeechPond")
    share_how.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "journey-5-3b-for-families.png"))
    open_more_actions(page)
    journey.clicks += 1
    with page.expect_navigation():
        journey.click(page.locator("button[name=action-submit]"))
    shot(page, "4-submitted")

    copy = LearningChallengePage.objects.get(adapted_from__uid=str(original.uid))
    assert copy.school_id == library.school_b1.pk and not copy.live
    assert WorkflowState.objects.filter(object_id=str(copy.pk), status="in_progress").exists()
    draft = copy.get_latest_revision_as_object()
    assert (draft.title, draft.share_hashtag) == ("Beech pond dipping", "#BeechPond")
    assert draft.adapted_from["title"] == original.title

    # Birch's review publishes it (the moderator's journey is journey 2), then the public page.
    copy.get_latest_revision().publish()
    page.goto(live_server.url + LearningChallengePage.objects.get(pk=copy.pk).url)
    shot(page, "5-public")
    credit = page.locator("footer.credit").inner_text()
    # The original's author and the adapter, each by the name they chose, set apart.
    both = "Made by Mr Ashworth, Ash Primary; Mrs K., Beech Primary. Published by Beech Primary"
    assert both in credit
    lineage = f"Adapted from “{original.title}” by Ash Primary (Alder Trust), Creative Commons"
    assert lineage in credit  # the original's licence by its name, not its SPDX id
    body = page.locator("body").inner_text()
    for account_name in ("Accountname", "Loginname", "editor_a1", "editor_b1", "Arthur", "Olive"):
        assert account_name not in body

    seconds = time.monotonic() - started
    print(
        f"\nJourney 5: {journey.screens} screens, {journey.values} values typed or ticked, "
        f"{journey.clicks} clicks, {seconds:.1f} s (budget: 8 screens)"
    )
    assert journey.screens <= 8
