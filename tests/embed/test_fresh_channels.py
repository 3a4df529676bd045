"""A change to what a challenge shows that is not a publish of the challenge itself (an image's
flags or credit, a school's name or colour) reaches the embed, widget, feed and search at once,
through every cache."""

import pytest
from django.test import Client

from challenges.models import ChallengeImage, PublicationStamp
from tests.factories import make_challenge
from tests.helpers import png_file


@pytest.fixture
def photo(library):
    image = ChallengeImage(title="Bug hotel photo", credit="Photo: Mr Original")
    image.file = png_file("bug-hotel.png")
    image.save()
    return image


@pytest.fixture
def challenge(library, photo):
    return make_challenge(library.school_a1, "Bug hotel with photo", hero_image=photo)


def embed(challenge):
    return Client().get(f"/embed/challenges/{challenge.uid}/").content.decode()


def widget_card(title):
    results = Client().get("/embed/challenges.json").json()["results"]
    return next(card for card in results if card["title"] == title)


def search_card(title):
    results = Client().get("/search/", {"format": "json"}).json()["results"]
    return next(card for card in results if card["title"] == title)


def test_an_image_newly_marked_as_showing_pupils_leaves_every_channel_at_once(challenge, photo):
    assert widget_card(challenge.title)["image_url"]
    assert "/media/images/" in embed(challenge)  # warms the render cache too
    feed_before = Client().get("/feeds/challenges/")

    photo.shows_pupils = True
    photo.pupil_consent_confirmed = True
    photo.save()

    assert widget_card(challenge.title)["image_url"] == ""
    assert search_card(challenge.title)["image_url"] == ""
    assert "/media/images/" not in embed(challenge)
    stale = Client().get("/feeds/challenges/", HTTP_IF_NONE_MATCH=feed_before["ETag"])
    assert stale.status_code == 200  # a cached copy is no longer current


def test_a_new_image_credit_reaches_the_embed_at_once(challenge, photo):
    assert "Photo: Mr Original" in embed(challenge)
    photo.credit = "Photo: Ms Corrected"
    photo.save()
    body = embed(challenge)
    assert "Photo: Ms Corrected" in body and "Mr Original" not in body


def test_a_renamed_school_and_its_new_colour_reach_every_channel(library, challenge):
    assert widget_card(challenge.title)["school"] == "Ash Primary"
    assert "Ash Primary" in embed(challenge)
    school = library.school_a1.specific
    school.title = "Ash Tree Academy"
    school.accent_colour = "AA3300"
    school.save_revision().publish()

    assert widget_card(challenge.title)["school"] == "Ash Tree Academy"
    assert search_card(challenge.title)["school"] == "Ash Tree Academy"
    body = embed(challenge)
    assert "Ash Tree Academy" in body and "Ash Primary" not in body
    assert "/embed/theme/aa3300.css" in body


def test_a_renamed_trust_reaches_the_widget(library):
    make_challenge(library.trust_c, "Trust-wide kindness")
    assert widget_card("Trust-wide kindness")["trust"] == "Cedar Trust"
    trust = library.trust_c.specific
    trust.title = "Cedar Learning Trust"
    trust.save_revision().publish()
    assert widget_card("Trust-wide kindness")["trust"] == "Cedar Learning Trust"


def test_saving_an_image_without_a_visible_change_keeps_every_cache(challenge, photo):
    """Only what channels show (file, title, credit, licence, pupils) invalidates the caches:
    a focal point set in the admin leaves every warm embed and page warm."""
    before = PublicationStamp.current()
    photo.focal_point_x, photo.focal_point_y = 10, 10
    photo.focal_point_width, photo.focal_point_height = 20, 20
    photo.save()
    assert PublicationStamp.current() == before

    photo.credit = "Photo: Mrs Changed"
    photo.save()
    assert PublicationStamp.current() != before
