"""What the list widget's JSON and plain list give each card: image, year groups, time, accent."""

from django.test import Client

from tests.factories import make_challenge


def test_widget_cards_carry_year_groups_time_and_the_schools_colour(library, image_factory):
    library.school_a1.accent_colour = "AA3300"
    library.school_a1.save_revision().publish()
    make_challenge(
        library.school_a1, "Fractions with a pizza", year_codes=["2", "3"],
        duration_min_minutes=20, duration_max_minutes=45, hero_image=image_factory(),
    )  # fmt: skip
    data = Client().get("/embed/challenges.json", {"school": "ash"}).json()
    card = next(card for card in data["results"] if card["title"] == "Fractions with a pizza")
    assert card["year_groups"] == "Year 2 to Year 3"
    assert card["time"] == "20 minutes to 45 minutes"
    assert card["image_url"].startswith("http://testserver/media/")
    assert (data["accent"], data["on_accent"]) == ("aa3300", "ffffff")
    chosen = Client().get("/embed/challenges.json", {"school": "ash", "accent": "FFD700"}).json()
    assert (chosen["accent"], chosen["on_accent"]) == ("ffd700", "000000")


def test_a_bad_accent_falls_back_and_a_bad_filter_is_explained(library):
    data = Client().get("/embed/challenges.json", {"accent": "red"}).json()
    assert data["accent"] == "1d4f91"
    response = Client().get("/embed/challenges.json", {"limit": "500"})
    assert response.status_code == 400
    assert response.json()["errors"]["limit"] == "limit must be a whole number from 1 to 24."


def test_the_plain_list_shows_images_year_groups_and_time(library, image_factory):
    make_challenge(
        library.school_a1, "Rainbow milk", year_codes=["R", "1"],
        duration_min_minutes=15, duration_max_minutes=15, hero_image=image_factory(),
    )  # fmt: skip
    body = Client().get("/embed/list/", {"school": "ash"}).content.decode()
    assert '<img class="card-image" src="http://testserver/media/' in body
    assert "<dt>For</dt><dd>Reception to Year 1</dd>" in body
    assert "<dt>Time</dt><dd>15 minutes</dd>" in body
