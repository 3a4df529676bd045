"""A trust with a single moderator names a second reviewer in the trust's editor, in Chromium,
and that reviewer, not the moderator, approves the moderator's own submission."""

import re

from django.test import Client

from challenges.models import LearningChallengePage
from home.models import Role, TrustPage
from home.roles import role_group
from tests.factories import PASSWORD, make_challenge, make_user


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def test_moderator_names_a_second_reviewer_who_approves_their_submission(
    live_server, page, library
):
    reviewer = make_user(
        "reviewer_a",
        role_group(library.school_a2, Role.Kind.SCHOOL_EDITOR),
        first_name="Rosa",
        last_name="Reviewer",
    )
    sign_in(page, live_server, "moderator_a")
    page.goto(f"{live_server.url}/admin/pages/{library.trust_a.pk}/edit/")
    page.select_option("select[name=second_reviewer]", str(reviewer.pk))
    page.get_by_role("button", name="More actions").click()  # the split button holds Publish
    page.click("button[name=action-publish]")
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))  # back to the explorer
    assert "Page 'Alder Trust' has been published." in page.locator(".messages").inner_text()
    assert TrustPage.objects.get(pk=library.trust_a.pk).second_reviewer == reviewer

    own = make_challenge(library.school_a1, "Moderator's own", publish=False)
    own.get_workflow().start(own, library.moderator_a)
    task_state = own.current_workflow_state.current_task_state
    checklist = {
        "no_pupil_names": "on",
        "photos_consented": "on",
        "assets_credited": "on",
        "safety_notes_present": "on",
        "links_checked": "on",
    }
    url = f"/admin/pages/workflow/action/{own.pk}/approve/{task_state.pk}/"
    moderator = Client()
    moderator.force_login(library.moderator_a)
    moderator.post(url, checklist)
    assert not LearningChallengePage.objects.get(pk=own.pk).live
    second = Client()
    second.force_login(reviewer)
    second.post(url, checklist)
    assert LearningChallengePage.objects.get(pk=own.pk).live
