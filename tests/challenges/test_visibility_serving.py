"""Visibility, per level and per viewer, for page serving, the API v2 and the sitemap."""

import pytest
from django.test import Client

from challenges.models import LearningChallengePage
from challenges.visibility import anonymous, audience_key, viewer_keys
from home.models import Partnership

LEVELS = ["public", "partners", "trust", "school"]

# Which levels of a school-A1 challenge each viewer may read.
EXPECTED = {
    "anonymous": {"public"},
    "editor_a1": {"public", "partners", "trust", "school"},
    "editor_a2": {"public", "partners", "trust"},  # same trust, other school
    "moderator_a": {"public", "partners", "trust", "school"},  # every school of the trust
    "editor_b1": {"public", "partners"},  # partner trust
    "editor_c1": {"public"},  # unrelated trust
    "superuser": {"public", "partners", "trust", "school"},
}


def client_for(library, viewer):
    client = Client()
    if viewer != "anonymous":
        client.force_login(library.superuser if viewer == "superuser" else getattr(library, viewer))
    return client


def challenge_at(library, level):
    return {
        "public": library.public,
        "partners": library.partners,
        "trust": library.trust_only,
        "school": library.school_only,
    }[level]


@pytest.mark.parametrize("viewer", sorted(EXPECTED))
@pytest.mark.parametrize("level", LEVELS)
def test_challenge_page_is_served_only_to_its_audience(library, viewer, level):
    response = client_for(library, viewer).get(challenge_at(library, level).url)
    assert response.status_code == (200 if level in EXPECTED[viewer] else 404)


@pytest.mark.parametrize("viewer", sorted(EXPECTED))
def test_drafts_are_never_served(library, viewer):
    assert client_for(library, viewer).get("/alder/ash/draft-canaryd-shadows/").status_code == 404


def test_hidden_challenge_answers_exactly_like_a_missing_one(library):
    client = client_for(library, "editor_c1")
    hidden = client.get(library.trust_only.url)
    missing = client.get("/alder/ash/no-such-challenge/")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content


@pytest.mark.parametrize("viewer", sorted(EXPECTED))
def test_visible_to_lists_exactly_the_audience(library, viewer):
    user = (
        anonymous()
        if viewer == "anonymous"
        else (library.superuser if viewer == "superuser" else getattr(library, viewer))
    )
    titles = set(LearningChallengePage.objects.visible_to(user).values_list("title", flat=True))
    expected = {challenge_at(library, level).title for level in EXPECTED[viewer]}
    assert titles == expected


def test_audience_keys(library):
    trust, school = library.trust_a.pk, library.school_a1.pk
    assert audience_key("public", trust, school) == "public"
    assert audience_key("partners", trust, school) == f"partners:{trust}"
    assert audience_key("trust", trust, school) == f"trust:{trust}"
    assert audience_key("school", trust, school) == f"school:{school}"
    # A "school only" challenge placed directly under the trust belongs to the trust.
    assert audience_key("school", trust, None) == f"trust:{trust}"
    assert viewer_keys(library.editor_b1) == {
        "public",
        f"partners:{library.trust_b.pk}",
        f"partners:{trust}",
        f"trust:{library.trust_b.pk}",
        f"school:{library.school_b1.pk}",
    }


def test_a_declined_or_pending_partnership_shares_nothing(library):

    Partnership.objects.update(status=Partnership.Status.REQUESTED)
    assert library.partners.url
    assert client_for(library, "editor_b1").get(library.partners.url).status_code == 404


def test_restricting_a_published_challenge_hides_it_at_once(library):
    challenge = library.public
    challenge.visibility = "trust"
    challenge.save_revision().publish()
    assert Client().get(challenge.url).status_code == 404


def test_saving_a_draft_that_widens_visibility_changes_nothing_until_published(library):
    challenge = library.trust_only
    challenge.visibility = "public"
    challenge.save_revision()  # a draft: the live page keeps its audience
    assert Client().get(challenge.url).status_code == 404
    challenge.get_latest_revision().publish()
    assert Client().get(challenge.url).status_code == 200


# API v2 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewer", sorted(EXPECTED))
def test_api_lists_public_challenges_only_whatever_the_session(library, viewer):
    response = client_for(library, viewer).get("/api/v2/challenges/")
    assert response.status_code == 200
    titles = {item["title"] for item in response.json()["items"]}
    assert titles == {library.public.title}


@pytest.mark.parametrize("level", ["partners", "trust", "school"])
def test_api_detail_of_a_non_public_challenge_is_404_even_for_its_editor(library, level):
    client = client_for(library, "editor_a1")
    assert client.get(f"/api/v2/challenges/{challenge_at(library, level).pk}/").status_code == 404
    assert client.get(f"/api/v2/challenges/{library.draft.pk}/").status_code == 404


def test_api_detail_exposes_the_structured_fields(library):
    data = Client().get(f"/api/v2/challenges/{library.public.pk}/").json()
    assert data["uid"] == str(library.public.uid)
    assert data["key_stages"] == ["KS2"]
    assert data["year_group_codes"] == ["3", "4"]
    assert data["subject_slugs"] == ["science"]
    assert data["licence_spdx"] == "CC-BY-4.0"
    assert data["screen_free"] == "all"
    assert data["owned_by"] == {"trust": "Alder Trust", "school": "Ash Primary"}
    assert data["activities"][0]["value"]["title"] == "Get started"


def test_api_type_parameter_cannot_reach_other_pages(library):
    response = Client().get("/api/v2/challenges/?type=home.SchoolPage")
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert {item["title"] for item in response.json()["items"]} <= {library.public.title}


def test_only_the_challenges_endpoint_is_mounted(library):
    assert Client().get("/api/v2/pages/").status_code == 404
    assert Client().get("/api/v3/pages/").status_code == 404


# Sitemap ---------------------------------------------------------------------------------------


def test_sitemap_lists_public_challenges_only(library):
    client = client_for(library, "editor_a1")
    body = client.get("/sitemap.xml").content.decode()
    assert "public-bug-hotel" in body
    for hidden in ("canaryp", "canaryt", "canarys", "canaryd"):
        assert hidden not in body
