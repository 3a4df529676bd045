"""Inviting people who already have an account, and the role list: an existing account is
offered the role and has it only once it accepts; every address gets the same answer; the role
list starts on nothing and asks before granting a trust admin."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from home.models import Role, RoleInvitation
from home.roles import role_group
from tests.home.test_trust_admin import admins, role_id, screen  # noqa: F401 (admins is a fixture)


def invite(client, lib, email, role, **extra):
    return client.post(
        reverse("trust_admin_invite", args=[lib.trust_a.pk]),
        {"email": email, "role": role, **extra},
        follow=True,
    )


def school_a2_editors(lib):
    return role_group(lib.school_a2, Role.Kind.SCHOOL_EDITOR)


@pytest.mark.django_db
def test_an_account_of_another_trust_gets_the_role_only_when_it_accepts(client, admins):  # noqa: F811
    lib = admins
    lib.editor_c1.first_name, lib.editor_c1.email = "Ceri", "ceri@cedar.example"
    lib.editor_c1.save()
    client.force_login(lib.admin_a)
    response = invite(client, lib, "Ceri@Cedar.example", role_id(lib.school_a2))
    assert "Invitation sent to ceri@cedar.example (School editor at Aspen Primary)." in (
        response.content.decode()
    )
    assert not lib.editor_c1.groups.filter(pk=school_a2_editors(lib).pk).exists()
    people = client.get(screen(lib, lib.trust_a)).content.decode()
    assert "ceri@cedar.example" not in people and "Ceri" not in people

    assert mail.outbox[-1].to == ["ceri@cedar.example"]
    link = re.search(r"http://testserver(/admin/invitations/)", mail.outbox[-1].body).group(1)
    client.force_login(lib.editor_c1)
    offered = client.get(link).content.decode()
    assert "School editor at Aspen Primary" in offered
    invitation = RoleInvitation.objects.get(user=lib.editor_c1)
    client.post(reverse("role_invitation_accept", args=[invitation.pk]))
    assert lib.editor_c1.groups.filter(pk=school_a2_editors(lib).pk).exists()
    assert not RoleInvitation.objects.exists()
    client.force_login(lib.admin_a)
    assert "ceri@cedar.example" in client.get(screen(lib, lib.trust_a)).content.decode()


@pytest.mark.django_db
def test_a_declined_invitation_grants_nothing(client, admins):  # noqa: F811
    lib = admins
    client.force_login(lib.admin_a)
    invite(client, lib, lib.editor_c1.email, role_id(lib.school_a2))
    invitation = RoleInvitation.objects.get(user=lib.editor_c1)
    # Nobody else may answer it.
    client.force_login(lib.editor_b1)
    assert client.post(reverse("role_invitation_accept", args=[invitation.pk])).status_code == 404
    client.force_login(lib.editor_c1)
    client.post(reverse("role_invitation_decline", args=[invitation.pk]))
    assert not RoleInvitation.objects.exists()
    assert not lib.editor_c1.groups.filter(pk=school_a2_editors(lib).pk).exists()


@pytest.mark.django_db
def test_every_address_gets_the_same_answer(client, admins):  # noqa: F811
    lib = admins
    lib.superuser.email = "root@example.org"
    lib.superuser.save()
    User.objects.create_user("taken@example.org", email="other@example.org")
    client.force_login(lib.admin_a)
    answers = []
    for email in ["root@example.org", lib.editor_c1.email, "new@example.org", "taken@example.org"]:
        response = invite(client, lib, email, role_id(lib.school_a2))
        assert response.status_code == 200
        body = response.content.decode()
        assert "administrator" not in body and "already uses" not in body
        answers.append(re.search(r"Invitation sent to [^<]+", body).group(0).replace(email, "X"))
    assert len(set(answers)) == 1, answers
    assert not lib.superuser.groups.exists()


@pytest.mark.django_db
def test_role_lists_start_on_nothing_then_the_least_powerful(client, admins):  # noqa: F811
    lib = admins
    client.force_login(lib.admin_a)
    page = client.get(screen(lib, lib.trust_a)).content.decode()
    select = re.search(
        rf'<select id="add-role-{lib.editor_a1.pk}" name="role">(.*?)</select>', page
    )
    options = re.findall(r'<option value="([^"]*)">([^<]+)</option>', select.group(1))
    assert options[0] == ("", "Choose a role")
    assert options[1][1].startswith("School editor at ")
    assert options[-1][1] == f"Trust admin of {lib.trust_a.title}"
    # Adding with nothing chosen grants nothing and says why.
    response = client.post(
        reverse("trust_admin_add_role", args=[lib.trust_a.pk, lib.editor_a1.pk]),
        {"role": ""},
        follow=True,
    )
    assert "Choose one of the roles in the list." in response.content.decode()
    assert lib.editor_a1.groups.count() == 1


@pytest.mark.django_db
def test_granting_a_trust_admin_asks_first(client, admins):  # noqa: F811
    lib = admins
    client.force_login(lib.admin_a)
    url = reverse("trust_admin_add_role", args=[lib.trust_a.pk, lib.editor_a1.pk])
    admin_role = role_id(lib.trust_a, Role.Kind.TRUST_ADMIN)
    asked = client.post(url, {"role": admin_role})
    assert asked.status_code == 200
    assert "Make a trust admin?" in asked.content.decode()
    assert not lib.editor_a1.groups.filter(library_role__kind=Role.Kind.TRUST_ADMIN).exists()
    client.post(url, {"role": admin_role, "confirmed": "1"})
    assert lib.editor_a1.groups.filter(library_role__kind=Role.Kind.TRUST_ADMIN).exists()
    # An invitation as trust admin asks too, and creates no account until confirmed.
    asked = invite(client, lib, "boss@example.org", admin_role)
    assert "Make a trust admin?" in asked.content.decode()
    assert not User.objects.filter(email="boss@example.org").exists()
