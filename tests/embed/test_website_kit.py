"""A school's website kit: its snippets, for that school and in its colour, shown only to those
who may edit the school (issue 23)."""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from home.models import Role
from home.roles import role_group
from tests.factories import make_challenge, make_user

pytestmark = pytest.mark.django_db


def kit_url(school):
    return reverse("challenges_website_kit", args=[school.pk])


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def codes(text):
    """The snippets' code, as the copy buttons copy it."""
    found = re.findall(r"<textarea .*?#select\">(.*?)</textarea>", text, re.S)
    return [unescape(code) for code in found]


@pytest.fixture
def coloured(library):
    library.school_a1.accent_colour = "0B6E4F"
    library.school_a1.save_revision().publish()
    return library


def test_the_kit_has_every_snippet_for_the_school_in_its_colour(coloured):
    response = signed_in(coloured.editor_a1).get(kit_url(coloured.school_a1))
    assert response.status_code == 200
    snippets = codes(response.text)
    list_script, list_iframe, search, one_script, one_iframe, link = snippets
    assert 'data-challenge-list data-school="ash" data-accent="0b6e4f"' in list_script
    assert "/embed.js" in list_script
    assert "/embed/list/?school=ash&amp;accent=0b6e4f&amp;limit=6" in list_iframe
    assert 'name="school" value="ash"' in search and "/search/" in search
    uid = str(coloured.public.uid)
    assert f'data-challenge="{uid}" data-accent="0b6e4f"' in one_script
    assert f"/embed/challenges/{uid}/?accent=0b6e4f" in one_iframe
    assert "Public bug hotel" in link
    assert response.text.count("data-kit-preview") == len(snippets)
    assert response.text.count('data-action="w-clipboard#copy"') == len(snippets)


def test_only_public_live_challenges_are_offered(coloured):
    text = signed_in(coloured.editor_a1).get(kit_url(coloured.school_a1)).text
    assert "Public bug hotel" in text
    for canary in ("canaryp", "canaryt", "canarys", "canaryd"):
        assert canary not in text


def test_another_challenge_is_chosen_by_its_uid(coloured):
    other = make_challenge(coloured.school_a1, "Rainbow milk")
    text = (
        signed_in(coloured.editor_a1)
        .get(kit_url(coloured.school_a1), {"challenge": str(other.uid)})
        .text
    )
    one_script = codes(text)[3]
    assert f'data-challenge="{other.uid}"' in one_script


def test_a_school_with_no_public_challenge_says_how_to_get_one(library):
    text = signed_in(library.editor_b1).get(kit_url(library.school_b1)).text
    assert "has no public challenge online yet" in text
    assert len(codes(text)) == 3  # the list two ways and the search box


def test_its_moderators_and_superusers_may_open_it(library):
    for user in (library.moderator_a, library.superuser):
        assert signed_in(user).get(kit_url(library.school_a1)).status_code == 200


def test_everyone_else_gets_the_same_404_as_for_no_school(library):
    trust_b_admin = make_user("admin_b", role_group(library.trust_b, Role.Kind.TRUST_ADMIN))
    no_school = library.school_a1.pk + 10_000
    others = {
        "an editor of another school of the trust": library.editor_a2,
        "an editor of a partner trust's school": library.editor_b1,
        "an editor of another trust": library.editor_c1,
        "another trust's moderator": library.moderator_b,
        "another trust's admin": trust_b_admin,
    }
    for who, user in others.items():
        client = signed_in(user)
        response = client.get(kit_url(library.school_a1))
        assert response.status_code == 404, who
        assert "Ash Primary" not in response.text, who
        assert client.get(reverse("challenges_website_kit", args=[no_school])).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in_whether_or_not_the_school_exists(library):
    client = Client()
    response = client.get(kit_url(library.school_a1))
    missing = client.get(reverse("challenges_website_kit", args=[library.school_a1.pk + 10_000]))
    assert response.status_code == missing.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert "Ash Primary" not in response.text


def test_the_school_and_the_dashboard_lead_to_the_kit(library):
    client = signed_in(library.editor_a1)
    dashboard = client.get(reverse("wagtailadmin_home")).text
    assert kit_url(library.school_a1) in dashboard
    assert kit_url(library.school_a2) not in dashboard
    school = client.get(reverse("wagtailadmin_explore", args=[library.school_a1.pk]))
    assert school.status_code == 200
    assert kit_url(library.school_a1) in school.text  # the school's own buttons
