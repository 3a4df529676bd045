"""Adapt for my school: a draft copy of a challenge in one of the user's schools.

Wagtail's Page.copy() checks no permission, so every check is made here: the user must see the
original (else 404, like a missing page), may add pages in the chosen school, and the original's
licence must allow adaptations (challenges/licences.py decides).
"""

from django.db import transaction
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods
from wagtail.permission_policies.pages import PagePermissionPolicy

from challenges.interchange.translations import carry_translations
from challenges.licences import adaptation_terms, licence_for
from challenges.models import ChallengeContributor, LearningChallengePage
from challenges.models.adaptations import adaptation_summary
from challenges.visibility import can_view
from home.models import PersonProfile, SchoolPage


def adaptable_original(user, page_id):
    """The challenge as the user may see it, or Http404."""
    pages = LearningChallengePage.objects.select_related("trust", "school")
    page = pages.filter(pk=page_id).first()
    if page is None or not user.is_authenticated:
        raise Http404
    if not (can_view(user, page) or page.permissions_for_user(user).can_edit()):
        raise Http404  # a challenge the user may not see looks exactly like a missing one
    return page


def schools_for(user):
    """Schools where the user may add challenges."""
    addable = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    return list(SchoolPage.objects.live().filter(pk__in=addable.values("pk")).order_by("path"))


def user_may_adapt(user):
    """Could the user adapt anything at all? Asked once per request (listings ask per row)."""
    if not (user.is_authenticated and user.is_active):
        return False
    cached = getattr(user, "_may_adapt", None)
    if cached is None:
        cached = user._may_adapt = bool(schools_for(user))
    return cached


def _free_slug(school, wanted):
    taken = set(school.get_children().values_list("slug", flat=True))
    slug, n = wanted, 2
    while slug in taken:
        slug, n = f"{wanted}-{n}", n + 1
    return slug


def _display_name(user, school):
    """The name the adapter chose, with their school; the school alone when they chose none
    (never the account name)."""
    name = PersonProfile.display_name_of(user)
    return (f"{name}, {school.title}" if name else school.title)[:120]


@transaction.atomic
def adapt(original, school, user, follow=True):
    """A draft copy of `original` in `school`, credited and recording where it came from."""
    trust = school.trust
    copy = original.copy(
        to=school,
        update_attrs={
            "slug": _free_slug(school, original.slug or slugify(original.title)),
            "licence": original.licence_spdx,
            "visibility": trust.default_visibility if trust else original.visibility,
            "adapted_from": dict(
                original.lineage(mode="follow" if follow else "snapshot"),
                base_revision=original.live_revision_id,  # "the original then", for updates
            ),
            # The page row holds the title of the newest draft: the partner must not see it.
            "draft_title": original.title,
            "owner": user,
        },
        copy_revisions=False,  # revisions may hold another school's newer draft
        keep_live=False,
        user=user,
        log_action="wagtail.copy",
    )
    # The credits travel as names; the accounts behind them stay with their own school.
    ChallengeContributor.objects.filter(page=copy).update(user=None)
    ChallengeContributor.objects.create(
        page=copy, display_name=_display_name(user, school), user=user, sort_order=999
    )
    # `version` is never copied (exclude_fields_in_copy): an adaptation starts at version 1.
    LearningChallengePage.objects.filter(pk=copy.pk).update(version=1)
    copy = LearningChallengePage.objects.get(pk=copy.pk)
    copy.save_revision(user=user, log_action=False)
    carry_translations(original, copy, user)  # families keep their languages, as drafts
    return copy


def _refused(request, original, reason):
    # Rendered here: Wagtail's admin would turn PermissionDenied into a redirect.
    context = {"page": original, "reason": reason}
    return TemplateResponse(request, "challenges/admin/adapt_refused.html", context, status=403)


@require_http_methods(["GET", "POST"])
def adapt_view(request, page_id):
    original = adaptable_original(request.user, page_id)
    terms = adaptation_terms(original.licence_spdx)
    schools = schools_for(request.user)
    if request.method == "POST":
        if not terms.allowed:
            return _refused(request, original, terms.reason)
        try:
            into = int(request.POST.get("into", ""))
        except ValueError:
            return HttpResponseBadRequest("Choose the school the adaptation goes into.")
        school = next((s for s in schools if s.pk == into), None)
        if school is None:
            return _refused(request, original, "You cannot add challenges to that school.")
        follow = request.POST.get("mode", "follow") == "follow"
        copy = adapt(original, school, request.user, follow=follow)
        return redirect("wagtailadmin_pages:edit", copy.pk)
    context = {
        "page": original,
        "terms": terms,
        "licence": licence_for(original.licence_spdx),
        "allowed_names": [licence_for(s).name for s in terms.licences],
        "schools": schools,
        "adapted": adaptation_summary(original),
    }
    return TemplateResponse(request, "challenges/admin/adapt.html", context)


def adaptable_search(request):
    """Admin search over every challenge the user may read, partners' included (Wagtail's page
    search lists only pages the user may explore), each with its adapt link."""
    if not user_may_adapt(request.user):
        raise Http404
    q = request.GET.get("q", "").strip()[:200]
    results = []
    if q:
        visible = LearningChallengePage.objects.visible_to(request.user)
        results = list(visible.search(q)[:50])
    context = {"q": q, "results": results}
    return TemplateResponse(request, "challenges/admin/adaptable_search.html", context)
