"""Admin wiring for trusts: partnerships between trusts."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Partnership


class PartnershipViewSet(SnippetViewSet):
    model = Partnership
    icon = "group"
    menu_label = "Partnerships"
    add_to_admin_menu = True
    menu_order = 400
    list_display = ["requester", "partner", "status", "created_at"]
    list_filter = ["status"]
    form_fields = ["requester", "partner", "status"]


register_snippet(PartnershipViewSet)
