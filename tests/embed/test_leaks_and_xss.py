"""Nothing non-public leaks through this issue's routes; hostile text comes out inert."""

import pytest
from django.test import Client

from tests.factories import make_challenge

CANARIES = ("canaryp", "canaryt", "canarys", "canaryd")


def routes(library):
    return [
        "/embed/challenges.json",
        "/embed/challenges.json?q=canaryt",
        "/embed/list/",
        "/feeds/challenges/",
        "/feeds/challenges/?subject=science",
        "/api/v2/challenges/",
        "/api/v2/challenges/?search=canaryt",
        *(f"/embed/challenges/{c.uid}/" for c in hidden(library)),
        *(f"/api/v2/challenges/{c.pk}/" for c in hidden(library)),
        *(f"/oembed/?url=http%3A%2F%2Ftestserver{c.url or '/alder/ash/' + c.slug + '/'}"
          for c in hidden(library)),
    ]  # fmt: skip


def hidden(library):
    return [library.partners, library.trust_only, library.school_only, library.draft]


@pytest.mark.parametrize("cookies", ["anonymous", "teacher"])
def test_no_route_reveals_non_public_or_draft_challenges(library, teacher_client, cookies):
    client = teacher_client if cookies == "teacher" else Client()
    for url in routes(library):
        response = client.get(url)
        body = response.content.decode().lower()
        for canary in CANARIES:
            assert canary not in body, (url, canary)
        assert response.status_code in (200, 404), url


PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile(library):
    challenge = make_challenge(
        library.school_a1,
        f"Title {PAYLOAD}",
        summary=f"Summary {PAYLOAD}",
        share_how=f"Share {PAYLOAD}",
        materials=[("material", {"item": f"Item {PAYLOAD}", "household_alternative": PAYLOAD})],
        outcomes=[("outcome", f"I can {PAYLOAD}")],
        activities=[
            (
                "activity",
                {
                    "title": f"Step {PAYLOAD}",
                    "age_band": "all",
                    "needs_screen": False,
                    "body": f'<p>Body {PAYLOAD}<a href="javascript:alert(1)">link</a></p>',
                },
            )
        ],  # fmt: skip
        family_guidance=f"<p>Guidance {PAYLOAD}</p><iframe src=//evil></iframe>",
        safety_notes='<p onclick="alert(1)">Careful</p>',
        slug="hostile",
    )
    challenge.contributors.create(display_name=f"Mx {PAYLOAD}")
    challenge.save_revision().publish()
    return challenge


def assert_inert(text):
    lowered = text.lower()
    assert "<script>alert" not in lowered
    assert "<img src=x onerror" not in lowered
    assert "javascript:alert" not in lowered
    assert "<iframe src=//evil" not in lowered
    assert 'onclick="alert' not in lowered


def test_hostile_text_is_inert_in_embed_widget_oembed_feed_and_page(library, hostile):
    client = Client()
    for url in (
        f"/embed/challenges/{hostile.uid}/",
        "/embed/challenges.json",
        "/embed/list/",
        "/feeds/challenges/",
        "/oembed/?url=http%3A%2F%2Ftestserver%2Falder%2Fash%2Fhostile%2F",
        "/alder/ash/hostile/",
        f"/print/challenges/{hostile.uid}/",
        "/search/?q=title",
        "/search/?q=title&format=json",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode())


def test_rich_text_is_stored_sanitised(hostile):
    hostile.refresh_from_db()
    body = hostile.activities[0].value["body"].source
    assert "<script" not in body and "javascript:" not in body and "<img" not in body
    assert "<iframe" not in hostile.family_guidance
    assert "onclick" not in hostile.safety_notes
    assert "Careful" in hostile.safety_notes  # the text itself survives
