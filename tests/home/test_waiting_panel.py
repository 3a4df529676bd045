"""The dashboard says what waits for the person's answer: an invitation to a role, or (for a trust
admin) another trust's request to be partners; each links to where it is answered."""

import pytest
from django.test import Client
from django.urls import reverse

from home.models import Partnership, Role, RoleInvitation
from home.roles import role_group
from tests.factories import make_user


def dashboard_of(user):
    client = Client()
    client.force_login(user)
    return client, client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_an_invitation_waits_on_the_dashboard_until_it_is_answered(library):
    role = Role.objects.get(page=library.school_a2, kind=Role.Kind.SCHOOL_EDITOR)
    invitation = RoleInvitation.objects.create(user=library.editor_c1, role=role)
    client, html = dashboard_of(library.editor_c1)
    assert "You are invited to be School editor at Aspen Primary" in html
    assert f'href="{reverse("role_invitations")}"' in html
    assert "data-waiting-for-you" not in dashboard_of(library.editor_b1)[1]  # nobody else's
    client.post(reverse("role_invitation_decline", args=[invitation.pk]))
    assert "data-waiting-for-you" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_a_partnership_request_waits_on_the_asked_trust_admins_dashboard(library):
    admin_a = make_user("admin_a", role_group(library.trust_a, Role.Kind.TRUST_ADMIN))
    admin_c = make_user("admin_c", role_group(library.trust_c, Role.Kind.TRUST_ADMIN))
    assert "data-waiting-for-you" not in dashboard_of(admin_a)[1]
    Partnership.request(library.trust_c, library.trust_a, admin_c)
    html = dashboard_of(admin_a)[1]
    assert "Cedar Trust asks Alder Trust to be partners" in html
    assert f'href="{reverse("trust_admin", args=[library.trust_a.pk])}"' in html
    # The asking trust's admin and the asked trust's teachers have nothing to answer.
    assert "data-waiting-for-you" not in dashboard_of(admin_c)[1]
    assert "data-waiting-for-you" not in dashboard_of(library.editor_a1)[1]
