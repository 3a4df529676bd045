"""The trust's review step of the publishing workflow: its checklist, forms and task."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import AbstractGroupApprovalTask, TaskState, WorkflowPage

from home.models.organisations import TrustPage

TRUST_REVIEW_CHECKLIST = [
    ("no_pupil_names", "No pupil names appear anywhere in the challenge"),
    ("photos_consented", "Every photo showing pupils has the school's confirmed consent"),
    ("assets_credited", "Every image and document is credited"),
    ("safety_notes_present", "Safety notes are present where the activities need them"),
    ("links_checked", "Every link has been checked and is suitable for families"),
]


class TrustReviewApprovalForm(forms.Form):
    """Approving means ticking every item of the checklist."""

    comment = forms.CharField(label="Comment (optional)", required=False, widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in TRUST_REVIEW_CHECKLIST:
            self.fields[name] = forms.BooleanField(
                label=label,
                required=True,
                error_messages={"required": "Tick this item to approve, or request changes."},
            )


class TrustReviewRejectionForm(forms.Form):
    comment = forms.CharField(
        label="What needs to change?",
        required=True,
        widget=forms.Textarea,
        error_messages={"required": "Tell the author what needs to change."},
    )


class TrustReviewTask(AbstractGroupApprovalTask):
    """The "Trust review" step: a moderator approves against a checklist or asks for changes."""

    def get_actions(self, obj, user):
        if self.is_own_submission(obj, user):
            return []
        if user.is_superuser or self._user_in_groups(user) or self.is_second_reviewer(obj, user):
            return [("reject", "Request changes", True), ("approve", "Approve", True)]
        return []

    @staticmethod
    def is_own_submission(obj, user):
        """Nobody reviews what they submitted, superusers and moderators included."""
        state = obj.current_workflow_state
        return state is not None and state.requested_by_id == user.pk

    @staticmethod
    def second_reviewer_of(obj):
        """The reviewer the page's trust names besides its moderators, or None."""
        trust = TrustPage.objects.ancestor_of(obj, inclusive=True).first()
        return trust.second_reviewer if trust is not None else None

    @staticmethod
    def is_second_reviewer(obj, user):
        trust = TrustPage.objects.ancestor_of(obj, inclusive=True).first()
        return trust is not None and trust.second_reviewer_id == user.pk

    def user_can_access_editor(self, obj, user):
        return super().user_can_access_editor(obj, user) or self.is_second_reviewer(obj, user)

    def reviews_as_second_reviewer(self, user):
        trusts = TrustPage.objects.filter(second_reviewer=user).values("pk")
        return WorkflowPage.objects.filter(
            page__in=trusts, workflow__workflow_tasks__task=self
        ).exists()

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """The dashboard's "awaiting your review": the second reviewer's too, never one's own."""
        if user.is_superuser or self._user_in_groups(user) or self.reviews_as_second_reviewer(user):
            in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
            return in_progress.exclude(workflow_state__requested_by=user)
        return TaskState.objects.none()

    def get_form_for_action(self, action):
        return TrustReviewApprovalForm if action == "approve" else TrustReviewRejectionForm

    def on_action(self, task_state, user, action_name, **kwargs):
        # The page editor posts this data as raw JSON, so validate it here as well as in the modal.
        if self.is_own_submission(task_state.workflow_state.content_object, user):
            raise PermissionDenied("Someone else must review your own submission.")
        form = self.get_form_for_action(action_name)(data=kwargs)
        if not form.is_valid():
            raise PermissionDenied("The review checklist or comment is incomplete.")
        super().on_action(task_state, user, action_name, comment=form.cleaned_data["comment"])
        # Where the dashboard's review modal goes next: a page that says what just happened.
        return reverse("trust_review_done", args=[task_state.pk])

    @classmethod
    def get_description(cls):
        return "Moderators approve against the review checklist, or request changes with a comment."

    class Meta:
        verbose_name = "Trust review task"
        verbose_name_plural = "Trust review tasks"
