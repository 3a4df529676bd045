"""Families' languages on the trust admin's screen: a trust admin adds a language families read
(a Wagtail locale, shared by the whole library) without being a superuser; a teacher, a
moderator and another trust's admin cannot; a bad choice says why and adds nothing."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from challenges.languages.translating import translate
from home.models import Role
from home.roles import role_group
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_a(library):
    return make_user("admin_a", role_group(library.trust_a, Role.Kind.TRUST_ADMIN))


def add_language(client, trust, code):
    return client.post(reverse("trust_admin_add_language", args=[trust.pk]), {"language": code})


def test_a_trust_admin_adds_turkish_and_translators_can_use_it(client, library, admin_a):
    assert not Locale.objects.filter(language_code="tr").exists()
    client.force_login(admin_a)
    screen = client.get(reverse("trust_admin", args=[library.trust_a.pk])).content.decode()
    assert "Families&#x27; languages" in screen or "Families' languages" in screen
    assert "Polski (Polish)" in screen and "اردو (Urdu)" in screen  # ready to translate into
    assert "Soomaali (Somali)" in screen
    assert '<option value="tr">Türkçe (Turkish)</option>' in screen
    assert '<option value="pl">' not in screen  # already there: not offered twice

    response = add_language(client, library.trust_a, "tr")
    assert response.status_code == 302
    assert Locale.objects.filter(language_code="tr").exists()
    told = client.get(response.url).content.decode()
    assert "Türkçe (Turkish) is added" in told
    assert '<option value="tr">' not in told

    # A school editor's "Translate this page" now offers it, and its pages have addresses.
    editor = Client()
    editor.force_login(library.editor_a1)
    translate_page = reverse("wagtail_localize:submit_page_translation", args=[library.public.pk])
    assert "Türkçe" in editor.get(translate_page).content.decode()
    turkish = translate(library.public, "tr", {"Public bug hotel": "Böcek oteli"})
    assert turkish.url == "/tr" + library.public.url
    page = Client().get(turkish.url)
    assert page.status_code == 200 and "Böcek oteli" in page.content.decode()


@pytest.mark.parametrize("who", ["editor_a1", "moderator_a", "admin_b"])
def test_teachers_moderators_and_other_trusts_admins_cannot_add_a_language(client, library, who):
    if who == "admin_b":
        user = make_user("admin_b", role_group(library.trust_b, Role.Kind.TRUST_ADMIN))
    else:
        user = getattr(library, who)
    client.force_login(user)
    assert add_language(client, library.trust_a, "tr").status_code == 404
    assert not Locale.objects.filter(language_code="tr").exists()


@pytest.mark.parametrize("who", ["editor_a1", "admin_a"])
def test_wagtails_locale_screens_stay_with_the_librarys_administrators(
    client, library, admin_a, who
):
    """Changing or removing a locale touches every trust: only superusers do that."""
    client.force_login(admin_a if who == "admin_a" else library.editor_a1)
    polish = Locale.objects.get(language_code="pl")
    for url in (
        reverse("wagtaillocales:add"),
        reverse("wagtaillocales:edit", args=[polish.pk]),
        reverse("wagtaillocales:delete", args=[polish.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
    client.post(reverse("wagtaillocales:delete", args=[polish.pk]))
    assert Locale.objects.filter(language_code="pl").exists()


@pytest.mark.parametrize(
    ("code", "says"),
    [
        ("", "Choose a language."),
        ("pl", "That language is already added"),
        ("xx", "not one the library knows"),
    ],
)
def test_a_bad_choice_says_why_and_adds_nothing(client, library, admin_a, code, says):
    client.force_login(admin_a)
    before = set(Locale.objects.values_list("language_code", flat=True))
    response = add_language(client, library.trust_a, code)
    assert response.status_code == 400
    assert says in response.content.decode()
    assert set(Locale.objects.values_list("language_code", flat=True)) == before


def test_a_get_adds_nothing(client, library, admin_a):
    client.force_login(admin_a)
    url = reverse("trust_admin_add_language", args=[library.trust_a.pk])
    assert client.get(url + "?language=tr").status_code == 405
    assert not Locale.objects.filter(language_code="tr").exists()
