"""Admin views that keep school boundaries where Wagtail's own views do not."""

from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

from .models import LearningChallengePage


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
