"""Admin views that keep school boundaries where Wagtail's own views do not."""

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.models import SchoolPage, TrustPage

from .models import LearningChallengePage
from .starters import STARTERS, apply_starter
from .visibility import visible_to


def _is_superuser(user):
    return user.is_active and user.is_superuser


page_types_usage_for_superusers = user_passes_test(_is_superuser)(
    PageTypesUsageReportView.as_view()
)


def can_take_offline(user, page):
    """Anyone who may edit a live challenge may take it offline at once; publishing stays with
    moderators. A teacher who spots a problem must not wait for a review to hide it."""
    return page.live and page.permissions_for_user(user).can_edit()


def take_offline(request, page_id):
    page = get_object_or_404(LearningChallengePage, pk=page_id)
    if not can_take_offline(request.user, page):
        raise PermissionDenied
    if request.method == "POST":
        UnpublishPageAction(page, user=request.user).execute(skip_permission_checks=True)
        messages.success(
            request, f"“{page.title}” is offline now. A moderator can publish it again."
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(request, "challenges/admin/take_offline.html", {"page": page})


# "New challenge": starting points and "copy one of ours" --------------------------------------


def parents_for_new_challenges(user):
    """The schools and trusts where this user may add a challenge, schools first."""
    candidates = list(SchoolPage.objects.order_by("title")) + list(
        TrustPage.objects.order_by("title")
    )
    return [
        parent
        for parent in candidates
        if LearningChallengePage.can_create_at(parent)
        and parent.permissions_for_user(user).can_add_subpage()
    ]


def copyable_challenges(user, parent, query=""):
    """Challenges of the parent's school and trust this user may read live, or edit as drafts."""
    trust = parent if isinstance(parent, TrustPage) else parent.trust
    in_trust = LearningChallengePage.objects.filter(trust=trust)
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    readable = visible_to(user, in_trust).values("pk")
    challenges = in_trust.filter(Q(pk__in=readable) | Q(pk__in=editable.values("pk")))
    if query:
        challenges = challenges.filter(Q(title__icontains=query) | Q(summary__icontains=query))
    return challenges.select_related("school").order_by("title")


def _parent_or_404(user, parent_id):
    parent = get_object_or_404(Page, pk=parent_id).specific
    if parent not in parents_for_new_challenges(user):
        raise PermissionDenied
    return parent


def new_challenge(request, parent_id=None):
    parents = parents_for_new_challenges(request.user)
    if not parents:
        raise PermissionDenied
    chosen = request.GET.get("parent") or parent_id
    parent = _parent_or_404(request.user, chosen) if chosen else parents[0]
    query = request.GET.get("q", "").strip()
    return TemplateResponse(
        request,
        "challenges/admin/new_challenge.html",
        {
            "page_title": "New challenge",
            "header_icon": "doc-full-inverse",
            "parent": parent,
            "parents": [
                (option, option.title if isinstance(option, SchoolPage) else f"{option.title} "
                 "(the whole trust)")
                for option in parents
            ],
            "starters": STARTERS.values(),
            "query": query,
            "copyable": copyable_challenges(request.user, parent, query)[:50],
        },
    )


class NewChallengeFromStarterView(CreateView):
    """Wagtail's own create view, with the form filled in from a starting point."""

    def dispatch(self, request, parent_page_id, starter):
        if starter not in STARTERS:
            raise Http404
        self.starter = STARTERS[starter]
        request.challenge_starter = self.starter
        content_type = ContentType.objects.get_for_model(LearningChallengePage)
        return super().dispatch(request, content_type.app_label, content_type.model, parent_page_id)

    def get(self, request):
        apply_starter(self.page, self.starter)
        return super().get(request)


new_challenge_from_starter = NewChallengeFromStarterView.as_view()


def copy_challenge(request, parent_id, page_id):
    """Copy one of ours as a new draft: permissions checked here, as Page.copy() checks none."""
    parent = _parent_or_404(request.user, parent_id)
    source = get_object_or_404(copyable_challenges(request.user, parent), pk=page_id)
    if request.method != "POST":
        return redirect(reverse("challenges_new_in", args=[parent.pk]))
    title = f"{source.title} (copy)"
    slug, number = slugify(title)[:240], 1
    while not Page._slug_is_available(slug, parent):
        number += 1
        slug = f"{slugify(title)[:240]}-{number}"
    copy = source.copy(
        to=parent,
        update_attrs={"title": title, "slug": slug},
        keep_live=False,
        copy_revisions=False,
        user=request.user,
        log_action=True,
    )
    copy.save_revision(user=request.user, log_action=False)
    messages.success(request, f"“{source.title}” copied. Change what you need, then submit it.")
    return redirect("wagtailadmin_pages:edit", copy.pk)
