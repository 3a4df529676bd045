"""Admin screens for upstream updates: which adaptations have a newer original, the diff, and
"pull into a new draft"."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from challenges.models import LearningChallengePage
from challenges.sharing.upstream import (
    FIELDS,
    diff,
    has_update,
    may_see_original,
    original_of,
    pending_updates,
    pull_into_draft,
)


def updates_index(request):
    context = {"updates": pending_updates(request.user)}
    return TemplateResponse(request, "challenges/admin/upstream_index.html", context)


@require_http_methods(["GET", "POST"])
def update_detail(request, page_id):
    adaptation = LearningChallengePage.objects.filter(pk=page_id).first()
    if adaptation is None or not adaptation.permissions_for_user(request.user).can_edit():
        raise Http404
    original = original_of(adaptation)
    if original is None or not may_see_original(request.user, original):
        raise Http404  # the original is gone, or no longer shared with this user
    if request.method == "POST":
        if not has_update(adaptation, original):
            messages.info(request, "There is no newer version of the original to pull.")
            return redirect("wagtailadmin_pages:edit", adaptation.pk)
        choices = {name: request.POST.get(f"choice-{name}") for name, _ in FIELDS}
        _, taken = pull_into_draft(
            adaptation, request.user, original,
            take=[name for name, choice in choices.items() if choice == "take"],
            keep=[name for name, choice in choices.items() if choice == "keep"],
        )  # fmt: skip
        messages.success(
            request,
            f"A new draft has the original's changes to {len(taken)} field"
            f"{'' if len(taken) == 1 else 's'}. Nothing is live until it is reviewed.",
        )
        return redirect("wagtailadmin_pages:edit", adaptation.pk)
    context = {
        "page": adaptation,
        "original": original,
        "changes": [c for c in diff(adaptation, original) if c.state != "same"],
        "newer": has_update(adaptation, original),
    }
    return TemplateResponse(request, "challenges/admin/upstream_detail.html", context)
