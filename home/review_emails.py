"""Who hears by email about the trust review beyond Wagtail's own list: the second reviewer a
trust names, when named and when a challenge awaits review."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
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


def note_a_newly_named_second_reviewer(sender, instance, update_fields=None, **kwargs):
    """pre_save of TrustPage: a publish that names a different second reviewer (a draft alone
    names nobody: its page row keeps the live value)."""
    instance._newly_named_reviewer = None
    if update_fields is not None and "second_reviewer" not in update_fields:
        return
    if instance.second_reviewer_id is None:
        return
    before = (
        type(instance)
        .objects.filter(pk=instance.pk)
        .values_list("second_reviewer_id", flat=True)
        .first()
    )
    if before != instance.second_reviewer_id:
        instance._newly_named_reviewer = instance.second_reviewer


def tell_a_newly_named_second_reviewer(sender, instance, **kwargs):
    """post_save of TrustPage: the reviewer hears once that they now review, and where."""
    reviewer = getattr(instance, "_newly_named_reviewer", None)
    instance._newly_named_reviewer = None
    if reviewer is None or not reviewer.email:
        return
    dashboard = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
    body = (
        f"{instance.title} has named you its second reviewer in the Learning Challenge Library: "
        "you may approve challenges submitted for review, or ask for changes (never your own).\n\n"
        'You will get an email when one is waiting. They are listed under "Awaiting your '
        f'review" when you sign in:\n{dashboard}'
    )
    send_mail(f"You now review {instance.title}'s challenges", body, None, [reviewer.email])
