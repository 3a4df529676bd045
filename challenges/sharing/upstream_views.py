"""Admin screens for upstream updates: which adaptations have a newer original, the comparison
(one row per changed field and per changed activity, as text with changes marked), and "pull
into a new draft" with a choice only where both sides changed."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods, require_POST

from challenges.models import LearningChallengePage
from challenges.sharing.merge import CHOICES
from challenges.sharing.notify import tell_followers
from challenges.sharing.partner_updates import check_library
from challenges.sharing.upstream import (
    FIELDS,
    PullRefused,
    compare,
    has_update,
    may_see_original,
    original_credit,
    original_of,
    pending_updates,
    pull_into_draft,
    pull_refusal,
)
from home.models import PartnerLibrary, Role


def updates_index(request):
    updates = [
        (adaptation, original, *original_credit(adaptation, original))
        for adaptation, original in pending_updates(request.user)
    ]
    context = {"updates": updates}
    return TemplateResponse(request, "challenges/admin/upstream_index.html", context)


def _pull(request, adaptation, original, update):
    fields = {name: request.POST.get(f"choice-{name}") for name, _ in FIELDS}
    choices = {
        merge.id: request.POST.get(f"activity-{merge.id}")
        for merge in update.activities
        if request.POST.get(f"activity-{merge.id}") in CHOICES
    }
    try:
        _, taken = pull_into_draft(
            adaptation, request.user, original,
            take=[name for name, choice in fields.items() if choice == "take"],
            keep=[name for name, choice in fields.items() if choice == "keep"],
            choices=choices,
        )  # fmt: skip
    except PullRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("challenges_upstream", adaptation.pk)
    messages.success(
        request,
        f"A new draft has the original's changes ({len(taken)} field"
        f"{'' if len(taken) == 1 else 's'} changed). Nothing is live until it is reviewed.",
    )
    return redirect("wagtailadmin_pages:edit", adaptation.pk)


@require_http_methods(["GET", "POST"])
def update_detail(request, page_id):
    adaptation = LearningChallengePage.objects.filter(pk=page_id).first()
    if adaptation is None or not adaptation.permissions_for_user(request.user).can_edit():
        raise Http404
    original = original_of(adaptation)
    if original is None or not may_see_original(request.user, original):
        raise Http404  # the original is gone, or no longer shared with this user
    update = compare(adaptation, original)
    if request.method == "POST":
        if not has_update(adaptation, original):
            messages.info(request, "There is no newer version of the original to pull.")
            return redirect("wagtailadmin_pages:edit", adaptation.pk)
        return _pull(request, adaptation, original, update)
    school, trust = original_credit(adaptation, original)
    context = {
        "page": adaptation,
        "original": original,
        "original_school": school,
        "original_trust": trust,
        "fields": update.field_rows(),
        "activities": update.activity_rows(),
        "newer": has_update(adaptation, original),
        "refusal": pull_refusal(original),
    }
    return TemplateResponse(request, "challenges/admin/upstream_detail.html", context)


def _administers(user, trust):
    if not user.is_active:
        return False
    return (
        user.is_superuser
        or Role.objects.filter(page=trust, kind=Role.Kind.TRUST_ADMIN, group__user=user).exists()
    )


@require_POST
def check_library_now(request, library_id):
    """“Check now” beside a partner library on the trust admin's screen: ask it at once, tell
    the followers, and come back to the screen with the result."""
    library = PartnerLibrary.objects.select_related("trust").filter(pk=library_id).first()
    if library is None or not _administers(request.user, library.trust):
        raise Http404  # another trust's library looks exactly like a missing one
    arrived, problem = check_library(library)
    told = tell_followers() if arrived or not problem else 0
    result = (
        f"{library.label} checked: {arrived} newer version{'' if arrived == 1 else 's'} "
        f"arrived; {told} editor{'' if told == 1 else 's'} told by email."
    )
    if problem and not arrived:
        messages.error(request, f"{library.label} could not be asked: {problem}")
    elif problem:
        messages.warning(request, f"{result} {problem}")
    else:
        messages.success(request, result)
    return redirect("trust_admin", library.trust_id)
