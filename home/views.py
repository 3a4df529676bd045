"""Admin views of the site tree's workflow."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from wagtail.models import TaskState


def review_done(request, task_state_id):
    """After a review from the dashboard: say what happened, then back to the dashboard."""
    task_state = get_object_or_404(TaskState, pk=task_state_id, finished_by=request.user)
    title = task_state.revision.object_str if task_state.revision else "The challenge"
    if task_state.status == TaskState.STATUS_APPROVED:
        published = task_state.workflow_state.status == task_state.workflow_state.STATUS_APPROVED
        messages.success(
            request,
            f"Approved: “{title}”"
            + (" is published now." if published else " goes on to the next review step."),
        )
    elif task_state.status == TaskState.STATUS_REJECTED:
        messages.warning(
            request, f"Changes requested on “{title}”: the author has been told by email."
        )
    return redirect("wagtailadmin_home")
