"""What families see: the home, trust, school and challenge pages."""

import json
import re

from django.contrib.staticfiles import finders
from django.test import Client

from tests.factories import make_challenge

HIDDEN_CANARIES = ("canaryp", "canaryt", "canarys", "canaryd")


def test_home_lists_latest_public_challenges_and_trusts(library):
    body = Client().get("/").content.decode()
    assert "Public bug hotel" in body
    assert "Alder Trust" in body and "Cedar Trust" in body
    for canary in HIDDEN_CANARIES:
        assert canary not in body


def test_school_and_trust_pages_list_their_public_challenges(library):
    for page in (library.school_a1, library.trust_a):
        body = Client().get(page.url).content.decode()
        assert "Public bug hotel" in body
        for canary in HIDDEN_CANARIES:
            assert canary not in body
    assert "Public bug hotel" not in Client().get(library.school_b1.url).content.decode()


def test_a_teacher_sees_their_schools_challenges_listed(library):
    client = Client()
    client.force_login(library.editor_a1)
    body = client.get(library.school_a1.url).content.decode()
    assert "canarys" in body and "canaryt" in body
    assert "canaryd" not in body  # drafts are never listed


def json_ld(body):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    return json.loads(match.group(1)) if match else None


def test_public_challenge_has_learning_resource_json_ld(library):
    challenge = make_challenge(
        library.school_a1,
        "Fractions with a pizza",
        year_codes=["3"],
        subjects=["mathematics"],
        outcomes=[("outcome", "I can find half of a shape")],
        duration_min_minutes=20,
        duration_max_minutes=90,
    )
    data = json_ld(Client().get(challenge.url).content.decode())
    assert data["@type"] == "LearningResource"
    assert data["name"] == "Fractions with a pizza"
    assert data["educationalLevel"] == ["KS2", "Year 3"]
    assert data["teaches"] == ["I can find half of a shape"]
    assert data["timeRequired"] == "PT1H30M"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["creator"] == {
        "@type": "EducationalOrganization",
        "name": "Ash Primary",
        "url": "http://testserver/alder/ash/",
    }
    assert data["identifier"] == str(challenge.uid)


def test_json_ld_names_the_original_of_an_adaptation(library):
    copy = library.public.copy(to=library.school_a2, update_attrs={"slug": "bug-hotel-2"})
    copy.save_revision().publish()
    copy.refresh_from_db()
    body = Client().get(copy.url).content.decode()
    assert json_ld(body)["isBasedOn"] == library.public.full_url
    assert "Adapted from" in body and "Ash Primary" in body


def test_json_ld_cannot_break_out_of_its_script(library):
    challenge = make_challenge(
        library.school_a1, "Sneaky", summary="</script><script>alert(1)</script>"
    )
    body = Client().get(challenge.url).content.decode()
    assert "<script>alert(1)" not in body
    assert json_ld(body)["description"] == "</script><script>alert(1)</script>"


def test_non_public_pages_carry_no_json_ld(library):
    client = Client()
    client.force_login(library.editor_a1)
    assert json_ld(client.get(library.trust_only.url).content.decode()) is None


def test_challenge_page_shows_credit_licence_and_prints(library):
    library.public.contributors.create(display_name="Mrs K., Ash Primary")
    library.public.save_revision().publish()
    body = Client().get(library.public.url).content.decode()
    assert "Made by Mrs K., Ash Primary. Published by Ash Primary (Alder Trust)." in body
    assert 'rel="license"' in body and "Creative Commons Attribution 4.0" in body
    assert 'href="/static/css/site.css"' in body


def test_the_stylesheet_has_a_print_layout():

    with open(finders.find("css/site.css")) as stylesheet:
        css = stylesheet.read()
    assert "@media print" in css and ".site-header" in css.split("@media print")[1]
