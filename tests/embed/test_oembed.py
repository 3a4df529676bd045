"""/oembed/: the oEmbed provider, rule by rule (https://oembed.com/ section 2)."""

import pytest
from django.test import Client


def oembed(**params):
    return Client().get("/oembed/", params)


PAGE = "http://testserver/alder/ash/public-bug-hotel/"


def test_rich_response_for_a_public_challenge_page(library):
    response = oembed(url=PAGE, format="json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert data["title"] == "Public bug hotel"
    assert data["author_name"] == "Ash Primary"
    assert data["author_url"] == "http://testserver/alder/ash/"
    assert data["provider_name"] == "Learning Challenge Library"
    assert data["provider_url"] == "http://testserver/"
    assert data["html"].startswith(
        f'<iframe src="http://testserver/embed/challenges/{library.public.uid}/"'
    )
    assert (data["width"], data["height"]) == (640, 800)


def test_embed_urls_are_accepted_too_and_format_defaults_to_json(library):
    data = oembed(url=f"http://testserver/embed/challenges/{library.public.uid}/").json()
    assert data["title"] == "Public bug hotel"


def test_maxwidth_and_maxheight_are_honoured(library):
    data = oembed(url=PAGE, maxwidth="300", maxheight="200").json()
    assert data["width"] <= 300 and data["height"] <= 200
    assert 'width="300"' in data["html"] and 'height="200"' in data["html"]


def test_thumbnail_fits_within_the_maximum_size(library, image_factory):
    library.public.hero_image = image_factory()
    library.public.hero_image_alt = "A bug hotel"
    library.public.save_revision().publish()
    data = oembed(url=PAGE, maxwidth="60", maxheight="60").json()
    assert data["thumbnail_width"] <= 60 and data["thumbnail_height"] <= 60
    assert data["thumbnail_url"].startswith("http://testserver/")


def test_a_photo_of_pupils_is_never_a_thumbnail(library, image_factory):
    library.public.hero_image = image_factory(shows_pupils=True, pupil_consent_confirmed=True)
    library.public.hero_image_alt = "Children building"
    library.public.save_revision().publish()
    assert "thumbnail_url" not in oembed(url=PAGE).json()


@pytest.mark.parametrize("response_format", ["xml", "yaml"])
def test_unsupported_formats_answer_501(library, response_format):
    assert oembed(url=PAGE, format=response_format).status_code == 501


@pytest.mark.parametrize(
    "params",
    [{"maxwidth": "wide"}, {"maxheight": "-3"}, {"maxwidth": "10"}],
)
def test_bad_sizes_answer_400(library, params):
    assert oembed(url=PAGE, **params).status_code == 400


def test_missing_url_answers_400(library):
    assert oembed().status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "http://testserver/alder/ash/no-such-thing/",
        "http://testserver/embed/challenges/5e0c2a4e-7f4b-4c55-9d0e-2b8f3a9c1d70/",  # unknown uid
        "http://elsewhere.example/alder/ash/public-bug-hotel/",
        "javascript:alert(1)",
        "http://testserver/alder/ash/",  # a school page is not a challenge
    ],
)
def test_unknown_urls_answer_404(library, url):
    assert oembed(url=url).status_code == 404


@pytest.mark.parametrize("attr", ["partners", "trust_only", "school_only", "draft"])
def test_non_public_challenges_answer_the_same_404_as_unknown_ones(library, attr):
    client = Client()
    client.force_login(library.editor_a1)
    hidden = getattr(library, attr)
    unknown = client.get("/oembed/", {"url": "http://testserver/alder/ash/nothing-here/"})
    response = client.get("/oembed/", {"url": f"http://testserver/alder/ash/{hidden.slug}/"})
    by_uid = client.get("/oembed/", {"url": f"http://testserver/embed/challenges/{hidden.uid}/"})
    assert response.status_code == by_uid.status_code == unknown.status_code == 404
    assert response.content == unknown.content == by_uid.content


def test_public_pages_advertise_oembed_discovery(library):
    body = Client().get("/alder/ash/public-bug-hotel/").content.decode()
    assert 'rel="alternate" type="application/json+oembed"' in body
    link = (
        "/oembed/?url=http%3A%2F%2Ftestserver%2Falder%2Fash%2Fpublic-bug-hotel%2F&amp;format=json"
    )
    assert link in body
    assert oembed(url=PAGE).status_code == 200  # the advertised URL answers
