"""The "Trust review" workflow: editors submit, moderators approve against a checklist or ask for
changes with a comment; moderators and authors hear about it by email."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from challenges.models import LearningChallengePage
from home.models import TRUST_REVIEW_CHECKLIST, Role, TrustPage
from home.roles import role_group
from tests.factories import make_challenge, make_user

CHECKLIST = {name: "on" for name, _ in TRUST_REVIEW_CHECKLIST}


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def stream_data(page):
    """StreamFields are drawn by JavaScript, so their form data is built from the page."""
    activities = [
        (
            "activity",
            {
                "title": a["title"],
                "day": a["day"] or "",
                "subject": a["subject"] or "",
                "age_band": a["age_band"],
                "needs_screen": "on" if a["needs_screen"] else "",
                "body": rich_text(a["body"].source),
                "image": {"image": "", "alt_text": ""},
                "video_url": "",
                "document": "",
            },
        )
        for a in page.activity_values
    ]
    return nested_form_data(
        {
            "outcomes": streamfield([]),
            "materials": streamfield([]),
            "activities": streamfield(activities),
        }
    )


def submit_through_editor(client, page, action="action-submit", **changes):
    """Posts the page editor's own form, as a browser would, pressing `action`."""
    edit_url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    page = LearningChallengePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for field, value in stream_data(page).items():
        data[field] = value
    for field, value in changes.items():
        data.setlist(field, value if isinstance(value, list) else [value])
    data[action] = "1"
    return client.post(edit_url, data)


@pytest.fixture
def ready_draft(library):
    return make_challenge(
        library.school_a1, "Ready for review", publish=False, user=library.editor_a1
    )


def test_editor_submits_and_moderators_are_emailed(library, ready_draft):
    library.moderator_a.email = "moderator@example.org"
    library.moderator_a.save()
    response = submit_through_editor(logged_in(library.editor_a1), ready_draft)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(ready_draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Trust review: Alder Trust"
    assert any("moderator@example.org" in message.to for message in mail.outbox)
    ready_draft.refresh_from_db()
    assert not ready_draft.live


def test_submitting_an_incomplete_challenge_lists_what_is_missing(library):
    draft = LearningChallengePage(title="Half an idea")
    library.school_a1.add_child(instance=draft)
    draft.save_revision(user=library.editor_a1)
    response = submit_through_editor(logged_in(library.editor_a1), draft)
    body = response.content.decode()
    assert response.status_code == 200  # the form comes back with errors
    assert "Write a short summary (at most 300 characters) before submitting." in body
    assert "Choose at least one year group before submitting." in body
    assert "Add at least one activity before submitting." in body
    assert not WorkflowState.objects.filter(object_id=str(draft.pk)).exists()


def test_saving_an_incomplete_draft_is_fine(library):
    draft = LearningChallengePage(title="Half an idea")
    library.school_a1.add_child(instance=draft)
    draft.save_revision(user=library.editor_a1)
    response = submit_through_editor(
        logged_in(library.editor_a1), draft, action="action-save", title="Half an idea, renamed"
    )
    assert response.status_code == 302
    assert LearningChallengePage.objects.get(pk=draft.pk).draft_title == "Half an idea, renamed"


def test_editor_form_rejects_max_below_min_in_words(library, ready_draft):
    response = submit_through_editor(
        logged_in(library.editor_a1),
        ready_draft,
        action="action-save",
        duration_min_minutes="60",
        duration_max_minutes="20",
    )
    assert "The longest time (20 minutes) is shorter than the shortest time (60 minutes)." in (
        response.content.decode()
    )


def start_review(library, page):
    submit_through_editor(logged_in(library.editor_a1), page)
    return WorkflowState.objects.get(object_id=str(page.pk)).current_task_state


def act(client, page, task_state, action, data):
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"
    return client.post(url, data)


def test_approving_needs_every_checklist_item_then_publishes(library, ready_draft):
    task_state = start_review(library, ready_draft)
    moderator = logged_in(library.moderator_a)
    partial = dict(CHECKLIST)
    partial.pop("links_checked")
    act(moderator, ready_draft, task_state, "approve", partial)
    ready_draft.refresh_from_db()
    assert not ready_draft.live

    mail.outbox.clear()
    act(moderator, ready_draft, task_state, "approve", CHECKLIST)
    ready_draft.refresh_from_db()
    assert ready_draft.live and ready_draft.version == 1
    assert any(library.editor_a1.email in message.to for message in mail.outbox)


def test_requesting_changes_needs_a_comment_and_tells_the_author(library, ready_draft):
    task_state = start_review(library, ready_draft)
    moderator = logged_in(library.moderator_a)
    act(moderator, ready_draft, task_state, "reject", {"comment": ""})
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS

    mail.outbox.clear()
    act(
        moderator, ready_draft, task_state, "reject", {"comment": "Please remove the pupil's name."}
    )
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_REJECTED
    assert task_state.comment == "Please remove the pupil's name."
    assert any(library.editor_a1.email in message.to for message in mail.outbox)
    ready_draft.refresh_from_db()
    assert not ready_draft.live


def test_an_editor_cannot_approve_their_own_submission(library, ready_draft):
    task_state = start_review(library, ready_draft)
    act(logged_in(library.editor_a1), ready_draft, task_state, "approve", CHECKLIST)
    ready_draft.refresh_from_db()
    assert not ready_draft.live


def submit_as(user, page):
    submit_through_editor(logged_in(user), page)
    return WorkflowState.objects.get(object_id=str(page.pk)).current_task_state


def test_a_moderator_cannot_approve_their_own_submission(library):
    """Nobody approves their own submission, even with the right to approve everyone else's."""
    own = make_challenge(library.school_a1, "Moderator's own", publish=False)
    task_state = submit_as(library.moderator_a, own)
    assert task_state.status == task_state.STATUS_IN_PROGRESS
    moderator = logged_in(library.moderator_a)
    edit = moderator.get(f"/admin/pages/{own.pk}/edit/").content.decode()
    assert "action-workflow-action" not in edit or '"approve"' not in edit
    response = act(moderator, own, task_state, "approve", CHECKLIST)
    assert response.status_code in (302, 403)
    own.refresh_from_db()
    assert not own.live
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS

    second = make_user("moderator_a2", role_group(library.trust_a, Role.Kind.TRUST_MODERATOR))
    act(logged_in(second), own, task_state, "approve", CHECKLIST)
    own.refresh_from_db()
    assert own.live


def test_a_trust_with_one_moderator_names_a_second_reviewer(library):
    reviewer = make_user("reviewer_a", role_group(library.school_a2, Role.Kind.SCHOOL_EDITOR))
    library.trust_a.second_reviewer = reviewer
    library.trust_a.save_revision().publish()
    own = make_challenge(library.school_a1, "Moderator's own", publish=False)
    task_state = submit_as(library.moderator_a, own)
    task = task_state.task.specific
    assert task_state not in task.get_task_states_user_can_moderate(library.moderator_a)
    assert task_state in task.get_task_states_user_can_moderate(reviewer)
    dashboard = logged_in(reviewer).get("/admin/").content.decode()
    assert "Awaiting your review" in dashboard and "Moderator&#x27;s own" in dashboard
    act(logged_in(library.moderator_a), own, task_state, "approve", CHECKLIST)
    own.refresh_from_db()
    assert not own.live
    act(logged_in(reviewer), own, task_state, "approve", CHECKLIST)
    own.refresh_from_db()
    assert own.live


def test_a_named_second_reviewer_is_emailed_when_a_challenge_awaits_review(library):
    """A single-moderator trust names a partner trust's moderator as second reviewer: a
    submission reaches them by email, like the trust's own moderators, naming the challenge."""
    library.trust_a.second_reviewer = library.moderator_b
    library.trust_a.save_revision().publish()
    own = make_challenge(library.school_a1, "Moderator's own pond dip", publish=False)
    mail.outbox.clear()
    submit_as(library.moderator_a, own)
    to_reviewer = [m for m in mail.outbox if library.moderator_b.email in m.to]
    assert len(to_reviewer) == 1
    assert "Moderator's own pond dip" in to_reviewer[0].subject + to_reviewer[0].body
    # The submitter hears nothing of their own submission.
    assert not [m for m in mail.outbox if library.moderator_a.email in m.to]


def test_a_moderator_named_second_reviewer_is_told_when_the_naming_is_published(library):
    """Naming takes effect when the trust's page is published: that is when the reviewer hears
    of it, once, with where to find what awaits them."""
    mail.outbox.clear()
    library.trust_a.second_reviewer = library.moderator_b
    revision = library.trust_a.save_revision()
    assert not [m for m in mail.outbox if library.moderator_b.email in m.to]  # a draft only
    revision.publish()
    told = [m for m in mail.outbox if library.moderator_b.email in m.to]
    assert len(told) == 1
    assert "Alder Trust" in told[0].subject
    assert "second reviewer" in told[0].body and "http://testserver/admin/" in told[0].body
    mail.outbox.clear()
    trust = TrustPage.objects.get(pk=library.trust_a.pk)
    trust.intro = "Seven schools in the valley."
    trust.save_revision().publish()  # still the same reviewer: nothing more
    assert not [m for m in mail.outbox if library.moderator_b.email in m.to]


def test_a_second_reviewer_who_is_also_a_moderator_gets_one_email(library, ready_draft):
    library.trust_a.second_reviewer = library.moderator_a
    library.trust_a.save_revision().publish()
    mail.outbox.clear()
    submit_as(library.editor_a1, ready_draft)
    assert len([m for m in mail.outbox if library.moderator_a.email in m.to]) == 1


def test_another_trusts_moderator_cannot_approve(library, ready_draft):
    task_state = start_review(library, ready_draft)
    act(logged_in(library.moderator_b), ready_draft, task_state, "approve", CHECKLIST)
    ready_draft.refresh_from_db()
    assert not ready_draft.live
