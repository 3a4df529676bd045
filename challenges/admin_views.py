"""Admin views that keep school boundaries where Wagtail's own views do not."""

from django.contrib.auth.decorators import user_passes_test
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView


def _is_superuser(user):
    return user.is_active and user.is_superuser


page_types_usage_for_superusers = user_passes_test(_is_superuser)(
    PageTypesUsageReportView.as_view()
)
