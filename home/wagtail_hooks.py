"""Admin wiring for trusts: partnerships between trusts."""

from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Partnership
from .views import review_done


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


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("reviews/<int:task_state_id>/done/", review_done, name="trust_review_done")]
