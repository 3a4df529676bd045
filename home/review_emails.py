"""Who hears by email that a challenge awaits the trust review, beyond Wagtail's own list."""

from django.contrib.auth import get_user_model
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier


class SecondReviewerSubmissionEmailNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    """Wagtail emails the task's groups (the trust's moderators) about a submission; the trust's
    named second reviewer may approve too, so they get the same email, once, never their own."""

    def can_handle(self, instance, **kwargs):
        return super().can_handle(instance, **kwargs) and hasattr(
            instance.task.specific, "second_reviewer_of"
        )

    def get_recipient_users(self, task_state, **kwargs):
        task = task_state.task.specific
        reviewer = task.second_reviewer_of(task_state.workflow_state.content_object)
        already_told = super().get_recipient_users(task_state)  # Wagtail's own notifier's list
        triggering_user = kwargs.get("user")
        if reviewer is None or reviewer == triggering_user or reviewer in already_told:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(pk=reviewer.pk)


second_reviewer_submission_notifier = SecondReviewerSubmissionEmailNotifier()
