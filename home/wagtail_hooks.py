"""Admin wiring for trusts: the trust admin's screen; all partnerships as snippets."""

from django import forms
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.account import BaseSettingsPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import Partnership, PersonProfile, RoleInvitation
from home.trust_admin import urls as trust_admin_urls
from home.trust_admin.screen import administered_trusts
from home.views import review_done


class PartnershipViewSet(SnippetViewSet):
    model = Partnership
    icon = "group"
    menu_label = "All partnerships"
    add_to_admin_menu = False
    menu_order = 400
    list_display = ["requester", "partner", "status", "created_at"]
    list_filter = ["status"]
    form_fields = ["requester", "partner", "status"]


register_snippet(PartnershipViewSet)


class TrustAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return administered_trusts(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_trust_admin_menu_item():
    return TrustAdminMenuItem(
        "People and partners", reverse("trust_admin_index"), icon_name="group", order=390
    )


class WaitingForYouPanel(Component):
    """On the dashboard: invitations this person has to answer, and partnership requests their
    trusts have to answer (else each is found only through its email)."""

    name = "waiting_for_you"
    order = 5
    template_name = "home/admin/waiting_panel.html"

    def __init__(self, invitations, requests):
        self.invitations, self.requests = invitations, requests

    def get_context_data(self, parent_context=None):
        return {"invitations": self.invitations, "requests": self.requests}


@hooks.register("construct_homepage_panels")
def add_waiting_for_you_panel(request, panels):
    invitations = list(
        RoleInvitation.objects.filter(user=request.user).select_related("role__page")
    )
    trusts = administered_trusts(request.user)
    requests = list(
        Partnership.objects.filter(status=Partnership.Status.REQUESTED, partner__in=trusts)
        .select_related("requester", "partner")
        .order_by("created_at")
    )
    if invitations or requests:
        panels.append(WaitingForYouPanel(invitations, requests))


@hooks.register("register_admin_urls")
def register_trust_admin_urls():
    return trust_admin_urls.urlpatterns


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("reviews/<int:task_state_id>/done/", review_done, name="trust_review_done")]


class DisplayNameForm(forms.ModelForm):
    class Meta:
        model = PersonProfile
        fields = ["display_name"]


class DisplayNameSettingsPanel(BaseSettingsPanel):
    """“How you are credited” on the account screen's profile tab: the display name."""

    name = "display_name"
    title = "How you are credited"
    order = 150
    form_class = DisplayNameForm

    def get_form(self):
        instance = PersonProfile.objects.filter(user=self.user).first()
        instance = instance or PersonProfile(user=self.user)
        data = (self.request.POST,) if self.request.method == "POST" else ()
        return self.form_class(*data, instance=instance, prefix=self.name)


@hooks.register("register_account_settings_panel")
def register_display_name_panel(request, user, profile):
    return DisplayNameSettingsPanel(request, user, profile)
