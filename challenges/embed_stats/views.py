"""The "Embed views" admin report (Reports menu): a chart and two tables, per trust."""

from django.core.exceptions import PermissionDenied
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from challenges.embed_stats.counter import UNKNOWN_SITE
from challenges.embed_stats.report import REPORT_PERIODS, embed_view_report, report_trusts_for


class EmbedViewsReportView(WagtailAdminTemplateMixin, TemplateView):
    """A trust's embed views, to its moderators and admins (superusers: any trust, or all)."""

    template_name = "challenges/admin/embed_views.html"
    page_title = "Embed views"
    header_icon = "code"

    def dispatch(self, request, *args, **kwargs):
        self.trusts = list(report_trusts_for(request.user).order_by("title"))
        if not self.trusts:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def _scope(self):
        """(trust ids or None for every trust, the chosen trust's id as sent, its description)."""
        user, trusts = self.request.user, self.trusts
        allowed = {trust.pk: trust for trust in trusts}
        chosen = self.request.GET.get("trust", "")
        if chosen:
            try:
                trust = allowed[int(chosen)]
            except (KeyError, ValueError):
                raise PermissionDenied from None
            return [trust.pk], chosen, trust.title
        if user.is_superuser:
            return None, chosen, "All trusts"
        return list(allowed), chosen, ", ".join(trust.title for trust in trusts)

    def _days(self):
        try:
            days = int(self.request.GET.get("days", REPORT_PERIODS[0]))
        except ValueError:
            return REPORT_PERIODS[0]
        return days if days in REPORT_PERIODS else REPORT_PERIODS[0]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        trust_ids, chosen, scope = self._scope()
        days = self._days()
        report = embed_view_report(trust_ids, days)
        context.update(report)
        context.update(
            {
                "trusts": self.trusts,
                "chosen_trust": chosen,
                "show_all_option": self.request.user.is_superuser,
                "scope": scope,
                "days": days,
                "periods": REPORT_PERIODS,
                "unknown_site": UNKNOWN_SITE,
                "has_unknown_site": any(site["site"] == UNKNOWN_SITE for site in report["sites"]),
            }
        )
        return context


embed_views_report = EmbedViewsReportView.as_view()
