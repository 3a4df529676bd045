"""An adaptation made in Chromium says what it is: the teacher chooses the name they are credited
by on the account screen, adapts a partner's challenge, and the editor names the original, its
school and trust, and the fields to review; once published, the page credits the chosen name and
never the account name."""

from admin_helpers import sign_in

from challenges.models import LearningChallengePage


def test_an_adaptation_names_its_original_and_credits_the_chosen_name(live_server, page, library):
    editor = library.editor_b1
    editor.first_name, editor.last_name = "Olive", "Accountname"
    editor.save()
    sign_in(page, live_server, editor)

    page.goto(live_server.url + "/admin/account/")
    page.get_by_role("textbox", name="Name shown on challenges").fill("Mrs K.")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()

    page.goto(f"{live_server.url}/admin/challenges/{library.partners.pk}/adapt/")
    page.get_by_role("button", name="Make my draft copy").click()
    page.wait_for_url("**/admin/pages/*/edit/")
    banner = page.get_by_text("Your adaptation of “Partners canaryp pond dipping”")
    assert banner.is_visible()
    assert "by Ash Primary, Alder Trust" in banner.inner_text()
    assert "How to share your work, Share hashtag (For families tab)" in banner.inner_text()

    copy = LearningChallengePage.objects.get(adapted_from__uid=str(library.partners.uid))
    copy.get_latest_revision().publish()  # the trust's review is another journey
    page.goto(live_server.url + LearningChallengePage.objects.get(pk=copy.pk).url)
    shown = page.locator("body").inner_text()
    assert "Mrs K., Beech Primary" in shown
    assert "Accountname" not in shown and editor.username not in shown
