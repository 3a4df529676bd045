"""The trust admin's screen: people, invitations, removal and partnerships, scoped to one trust."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from challenges.models import PublicationStamp
from home.models import Partnership, PartnerToken, Role
from home.roles import role_group
from home.trust_admin import urls as trust_admin_urls
from tests.factories import PASSWORD, make_user


@pytest.fixture
def admins(library):
    library.admin_a = make_user("admin_a", role_group(library.trust_a, Role.Kind.TRUST_ADMIN))
    library.admin_b = make_user("admin_b", role_group(library.trust_b, Role.Kind.TRUST_ADMIN))
    library.admin_c = make_user("admin_c", role_group(library.trust_c, Role.Kind.TRUST_ADMIN))
    return library


def screen(lib, trust):
    return reverse("trust_admin", args=[trust.pk])


def test_trust_admin_sees_their_people_with_schools_and_roles(client, admins):
    client.force_login(admins.admin_a)
    response = client.get(reverse("trust_admin_index"), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "editor_a1@example.org" in html and "School editor at Ash Primary" in html
    assert "moderator_a@example.org" in html and "Trust moderator of Alder Trust" in html
    # Nobody of another trust, and never the superuser.
    assert "editor_b1@example.org" not in html
    assert "editor_c1@example.org" not in html
    assert "root@example.org" not in html


@pytest.mark.parametrize("who", ["editor_a1", "moderator_a", "admin_b"])
def test_other_roles_cannot_open_a_trust_screen(client, admins, who):
    client.force_login(getattr(admins, who))
    assert client.get(screen(admins, admins.trust_a)).status_code == 404
    response = client.post(
        reverse("trust_admin_invite", args=[admins.trust_a.pk]),
        {"email": "intruder@example.org", "role": role_id(admins.school_a1)},
    )
    assert response.status_code == 404
    assert not User.objects.filter(email="intruder@example.org").exists()


def test_menu_item_only_for_trust_admins(client, admins):
    client.force_login(admins.editor_a1)
    assert "People and partners" not in client.get("/admin/").content.decode()
    client.force_login(admins.admin_a)
    assert "People and partners" in client.get("/admin/").content.decode()


def role_id(page, kind=Role.Kind.SCHOOL_EDITOR):
    return str(Role.objects.get(page=page, kind=kind).pk)


def test_invitation_emails_a_link_that_sets_a_password(client, admins):
    client.force_login(admins.admin_a)
    response = client.post(
        reverse("trust_admin_invite", args=[admins.trust_a.pk]),
        {
            "email": "New.Teacher@Example.org",
            "first_name": "Nia",
            "role": role_id(admins.school_a2),
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.teacher@example.org")
    assert not user.has_usable_password()
    assert user.groups.filter(pk=role_group(admins.school_a2, Role.Kind.SCHOOL_EDITOR).pk).exists()
    assert (
        "Invited, not signed in yet" in client.get(screen(admins, admins.trust_a)).content.decode()
    )

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["new.teacher@example.org"]
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", mail.outbox[0].body)
    client.logout()
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-long-new-password-42", "new_password2": "a-long-new-password-42"},
    )
    assert done.status_code == 302
    assert client.login(username="new.teacher@example.org", password="a-long-new-password-42")


def test_invitation_with_a_bad_address_says_so_and_creates_nothing(client, admins):
    client.force_login(admins.admin_a)
    before = User.objects.count()
    response = client.post(
        reverse("trust_admin_invite", args=[admins.trust_a.pk]),
        {"email": "not-an-address", "role": role_id(admins.school_a1)},
    )
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert User.objects.count() == before and not mail.outbox


def test_a_role_of_another_trust_cannot_be_granted(client, admins):
    client.force_login(admins.admin_a)
    response = client.post(
        reverse("trust_admin_invite", args=[admins.trust_a.pk]),
        {"email": "sneaky@example.org", "role": role_id(admins.school_c1)},
    )
    assert response.status_code == 400
    assert not User.objects.filter(email="sneaky@example.org").exists()
    response = client.post(
        reverse("trust_admin_add_role", args=[admins.trust_a.pk, admins.editor_a1.pk]),
        {"role": role_id(admins.trust_c, Role.Kind.TRUST_ADMIN)},
    )
    assert not admins.editor_a1.groups.filter(library_role__page=admins.trust_c).exists()


def test_removal_takes_only_this_trusts_roles(client, admins):
    teacher = admins.editor_a1
    teacher.groups.add(role_group(admins.school_c1, Role.Kind.SCHOOL_EDITOR))
    client.force_login(admins.admin_a)
    response = client.post(
        reverse("trust_admin_remove_person", args=[admins.trust_a.pk, teacher.pk])
    )
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert list(teacher.groups.values_list("library_role__page", flat=True)) == [
        admins.school_c1.pk
    ]
    assert teacher.is_active  # still a teacher at Cherry Primary

    client.post(reverse("trust_admin_remove_person", args=[admins.trust_a.pk, admins.editor_a2.pk]))
    admins.editor_a2.refresh_from_db()
    assert not admins.editor_a2.is_active  # no role left anywhere: cannot sign in any more


def test_admin_of_one_trust_cannot_remove_people_of_another(client, admins):
    client.force_login(admins.admin_c)
    response = client.post(
        reverse("trust_admin_remove_person", args=[admins.trust_c.pk, admins.editor_a1.pk])
    )
    assert response.status_code == 404
    assert admins.editor_a1.groups.exists()


def test_partnership_request_accept_and_end_follow_at_once(client, admins):
    """Trust C asks trust A; until A accepts, C's teacher sees no partner content of A."""
    partner_page = admins.partners.url
    teacher_c = client.__class__()
    teacher_c.force_login(admins.editor_c1)
    assert teacher_c.get(partner_page).status_code == 404

    client.force_login(admins.admin_c)
    response = client.post(
        reverse("trust_admin_request_partnership", args=[admins.trust_c.pk]),
        {"partner": admins.trust_a.pk},
    )
    assert response.status_code == 302
    partnership = Partnership.between(admins.trust_a, admins.trust_c)
    assert partnership.status == Partnership.Status.REQUESTED
    assert teacher_c.get(partner_page).status_code == 404

    # Only the asked trust may answer.
    assert (
        client.post(
            reverse("trust_admin_accept_partnership", args=[admins.trust_c.pk, partnership.pk])
        ).status_code
        == 404
    )

    stamp = PublicationStamp.current()
    admin_a = client.__class__()
    admin_a.force_login(admins.admin_a)
    assert "Asks to be your partner" in admin_a.get(screen(admins, admins.trust_a)).content.decode()
    admin_a.post(
        reverse("trust_admin_accept_partnership", args=[admins.trust_a.pk, partnership.pk])
    )
    assert teacher_c.get(partner_page).status_code == 200
    assert PublicationStamp.current() > stamp

    client.post(
        reverse("trust_admin_end_partnership", args=[admins.trust_c.pk, partnership.pk]),
        {"confirmed": "1"},
    )
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.ENDED
    assert teacher_c.get(partner_page).status_code == 404


def test_declined_request_gives_no_access_and_can_be_asked_again(client, admins):
    partnership = Partnership.request(admins.trust_c, admins.trust_a, admins.admin_c)
    client.force_login(admins.admin_a)
    client.post(
        reverse("trust_admin_decline_partnership", args=[admins.trust_a.pk, partnership.pk])
    )
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.DECLINED
    assert Partnership.partner_ids_of({admins.trust_c.pk}) == set()
    again = Partnership.request(admins.trust_c, admins.trust_a, admins.admin_c)
    assert again.status == Partnership.Status.REQUESTED


def test_requesting_an_existing_partner_explains_why_not(client, admins):
    client.force_login(admins.admin_a)
    response = client.post(
        reverse("trust_admin_request_partnership", args=[admins.trust_a.pk]),
        {"partner": admins.trust_b.pk},
    )
    assert response.status_code == 400
    assert "already partners" in response.content.decode()


def test_password_login_for_invited_user_is_refused_before_they_choose(client, admins):
    client.force_login(admins.admin_a)
    client.post(
        reverse("trust_admin_invite", args=[admins.trust_a.pk]),
        {"email": "later@example.org", "role": role_id(admins.school_a1)},
    )
    client.logout()
    assert not client.login(username="later@example.org", password=PASSWORD)


def test_ending_a_partnership_reaches_search_suggest_page_and_chooser_at_once(client, admins):
    """The partner teacher's every channel follows the partnership on the very next request."""
    client.force_login(admins.editor_b1)

    def seen():
        results = client.get("/search/", {"q": "canaryp", "format": "json"}).json()
        suggest = str(client.get("/search/suggest/", {"q": "canaryp"}).json()["suggestions"])
        chooser = client.get("/admin/choose-page/search/", {"q": "canaryp"}).content.decode()
        page = client.get(admins.partners.url).status_code
        return results["total"], "canaryp" in suggest.lower(), "canaryp" in chooser.lower(), page

    assert seen() == (1, True, True, 200)
    admin_a = client.__class__()
    admin_a.force_login(admins.admin_a)
    partnership = Partnership.between(admins.trust_a, admins.trust_b)
    admin_a.post(
        reverse("trust_admin_end_partnership", args=[admins.trust_a.pk, partnership.pk]),
        {"confirmed": "1"},
    )
    assert seen() == (0, False, False, 404)


def test_a_change_made_through_the_snippet_also_reaches_cached_channels(admins):
    stamp = PublicationStamp.current()
    partnership = Partnership.between(admins.trust_a, admins.trust_b)
    partnership.status = Partnership.Status.ENDED
    partnership.save()
    assert PublicationStamp.current() > stamp


def test_every_list_on_the_screen_starts_by_asking_in_words(client, admins):
    """No list starts on a role, a trust or Django's "---------": each says what to choose."""
    client.force_login(admins.admin_a)
    html = client.get(screen(admins, admins.trust_a)).content.decode()
    selects = re.findall(r"<select[^>]*>(.*?)</select>", html, re.S)
    first_options = [re.search(r"<option[^>]*>([^<]*)</option>", s).group(1) for s in selects]
    assert "Choose a partner trust" in first_options  # the token form, for Alder's partner Birch
    assert all(option.startswith("Choose a") for option in first_options), first_options


def test_a_token_without_a_partner_says_so_and_issues_nothing(client, admins):
    client.force_login(admins.admin_a)
    response = client.post(reverse("trust_admin_create_token", args=[admins.trust_a.pk]), {})
    assert response.status_code == 400
    assert "Choose one of your partner trusts." in response.content.decode()
    assert not PartnerToken.objects.exists()


def test_a_role_reads_the_same_in_the_list_the_table_and_the_message(client, admins):
    client.force_login(admins.admin_a)
    response = client.post(
        reverse("trust_admin_add_role", args=[admins.trust_a.pk, admins.editor_a1.pk]),
        {"role": role_id(admins.school_a2)},
        follow=True,
    )
    html = response.content.decode()
    assert "editor_a1@example.org is now School editor at Aspen Primary;" in html
    row = re.search(r'<tr data-person="editor_a1@example.org">.*?</tr>', html, re.S).group(0)
    assert "<li>School editor at Ash Primary" in row and "<li>School editor at Aspen Primary" in row
    assert '">School editor at Aspen Primary</option>' in row  # the same words in the list
    assert "School editor of" not in html


def test_ending_a_partnership_asks_once_more_and_a_request_is_withdrawn_at_once(client, admins):
    partnership = Partnership.between(admins.trust_a, admins.trust_b)
    end = reverse("trust_admin_end_partnership", args=[admins.trust_a.pk, partnership.pk])
    client.force_login(admins.admin_a)
    asked = client.post(end)
    assert asked.status_code == 200
    words = asked.content.decode()
    assert "End Alder Trust's partnership with <strong>Birch Trust</strong>?" in words
    assert "Yes, end the partnership with Birch Trust" in words
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.ACCEPTED  # nothing changed yet
    # Only a POST ends it; the confirmation carries nothing but the form's own marker.
    assert client.get(end).status_code == 405
    ended = client.post(end, {"confirmed": "1"}, follow=True).content.decode()
    partnership.refresh_from_db()
    assert partnership.status == Partnership.Status.ENDED
    assert "The partnership with Birch Trust has ended: neither trust&#x27;s teachers" in ended

    request = Partnership.request(admins.trust_a, admins.trust_c, admins.admin_a)
    withdraw = reverse("trust_admin_end_partnership", args=[admins.trust_a.pk, request.pk])
    withdrawn = client.post(withdraw, follow=True)
    assert withdrawn.redirect_chain[0][1] == 302
    request.refresh_from_db()
    assert request.status == Partnership.Status.ENDED
    words = withdrawn.content.decode()
    assert "The request to partner with Cedar Trust is withdrawn." in words
    assert "has ended" not in words


def test_a_teacher_given_another_school_is_told_by_email(client, admins):
    client.force_login(admins.admin_a)
    mail.outbox.clear()
    response = client.post(
        reverse("trust_admin_add_role", args=[admins.trust_a.pk, admins.editor_a1.pk]),
        {"role": role_id(admins.school_a2)},
        follow=True,
    )
    assert "they have been told by email" in response.content.decode()
    told = [message for message in mail.outbox if message.to == ["editor_a1@example.org"]]
    assert len(told) == 1
    assert "School editor at Aspen Primary" in told[0].body
    assert "http://testserver/admin/" in told[0].body


def test_people_are_listed_by_surname_and_those_without_a_name_come_last(client, admins):
    for user, first, last in (
        (admins.editor_a1, "Kim", "Patel"),
        (admins.admin_a, "ayo", "adeyemi"),  # typed in lower case: still first
    ):
        user.first_name, user.last_name = first, last
        user.save()
    client.force_login(admins.admin_a)
    html = client.get(screen(admins, admins.trust_a)).content.decode()
    listed = re.findall(r'<tr data-person="([^"]+)"', html)
    assert listed == [
        "admin_a@example.org",
        "editor_a1@example.org",
        "editor_a2@example.org",
        "moderator_a@example.org",
    ]


def test_a_trust_admin_is_not_offered_to_remove_their_own_admin_role(client, admins):
    admins.editor_a1.groups.add(role_group(admins.trust_a, Role.Kind.TRUST_ADMIN))
    client.force_login(admins.admin_a)
    html = client.get(screen(admins, admins.trust_a)).content.decode()
    own = re.search(r'<tr data-person="admin_a@example.org">.*?</tr>', html, re.S).group(0)
    assert "Trust admin of Alder Trust" in own and "only another trust admin can remove it" in own
    assert "Remove role Trust admin of Alder Trust from admin_a@example.org" not in own
    # Another trust admin's role can be removed from here.
    assert "Remove role Trust admin of Alder Trust from editor_a1@example.org" in html


def trust_routes():
    """Every route of the trust admin's screen that names a trust, with 1 for its other ids."""
    for pattern in trust_admin_urls.urlpatterns:
        names = set(pattern.pattern.converters)
        if "trust_id" in names:
            yield pattern.name, names - {"trust_id"}


SCREENS = {"trust_admin", "trust_admin_edit_library"}  # the two that also answer a GET


@pytest.mark.parametrize("name,other_ids", list(trust_routes()))
def test_every_trust_action_is_a_post_on_a_trust_the_user_administers(
    client, admins, name, other_ids
):
    def url(trust_id):
        return reverse(name, kwargs={"trust_id": trust_id, **{k: 1 for k in other_ids}})

    people_before = User.objects.count()
    client.force_login(admins.admin_b)
    assert client.post(url(admins.trust_a.pk), {"confirmed": "1"}).status_code == 404
    # Another trust answers a GET exactly as a trust that does not exist.
    missing = client.get(url(999999)).status_code
    assert client.get(url(admins.trust_a.pk)).status_code == missing
    client.force_login(admins.admin_a)
    if name not in SCREENS:
        assert client.get(url(admins.trust_a.pk)).status_code == 405
    assert User.objects.count() == people_before
