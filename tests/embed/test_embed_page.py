"""/embed/challenges/<uid>/: a standalone page for an iframe, anonymous whatever the session."""

import uuid

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from tests.factories import make_challenge


def embed_url(challenge, query=""):
    return f"/embed/challenges/{challenge.uid}/{query}"


def test_embed_shows_the_challenge_with_credit_licence_print_and_link_back(library):
    response = Client().get(embed_url(library.public))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Public bug hotel</h1>" in body
    assert "Creative Commons Attribution 4.0" in body and 'rel="license noopener"' in body
    assert f'href="http://testserver/print/challenges/{library.public.uid}/"' in body
    assert 'target="_blank"' in body
    assert 'href="http://testserver/alder/ash/public-bug-hotel/"' in body
    assert "site-header" not in body  # no site chrome


def test_embed_is_small(library):
    """Under 60 KB transferred without images: the page, its stylesheets and its one script."""

    page = Client().get(embed_url(library.public))
    theme = Client().get("/embed/theme/1d4f91.css")
    assets = sum(
        len(open(finders.find(path), "rb").read())
        for path in ("embed/embed.css", "embed/resizer.js")
    )
    assert len(page.content) + len(theme.content) + assets < 60 * 1024
    assert "<script" not in page.content.decode().split("resizer.js")[1]  # no other script


def test_embed_sets_no_cookie_and_ignores_the_session(library, teacher_client):
    anonymous = Client().get(embed_url(library.public))
    with_cookies = teacher_client.get(embed_url(library.public))
    assert with_cookies.status_code == 200
    assert not with_cookies.cookies and not anonymous.cookies
    assert "Cookie" not in with_cookies.get("Vary", "")
    assert with_cookies.content == anonymous.content


@pytest.mark.parametrize("level", ["partners", "trust", "school", "draft"])
def test_non_public_and_unknown_uids_give_the_same_404(library, teacher_client, level):
    hidden = getattr(library, {"trust": "trust_only", "school": "school_only"}.get(level, level))
    unknown = teacher_client.get(f"/embed/challenges/{uuid.uuid4()}/")
    response = teacher_client.get(embed_url(hidden))
    assert response.status_code == unknown.status_code == 404
    assert response.content == unknown.content


def test_theming_by_accent_or_school(library):
    body = Client().get(embed_url(library.public, "?accent=AA3300")).content.decode()
    assert 'href="/embed/theme/aa3300.css"' in body
    library.school_b1.accent_colour = "006633"
    library.school_b1.save_revision().publish()
    body = Client().get(embed_url(library.public, "?school=beech")).content.decode()
    assert 'href="/embed/theme/006633.css"' in body


@pytest.mark.parametrize("accent", ["red", "12345", "1234567", "zzzzzz", "</style>"])
def test_an_invalid_accent_falls_back_to_the_default_theme(library, accent):
    response = Client().get(embed_url(library.public), {"accent": accent})
    assert response.status_code == 200
    assert 'href="/embed/theme/1d4f91.css"' in response.content.decode()


def test_theme_stylesheet_picks_readable_text(library):
    dark = Client().get("/embed/theme/1d4f91.css").content.decode()
    light = Client().get("/embed/theme/ffee88.css").content.decode()
    assert "--on-accent:#ffffff" in dark and "--on-accent:#000000" in light
    assert Client().get("/embed/theme/nothex.css").status_code == 404


def test_print_view_filters_by_year_and_drops_images(library):

    def activity(title, band):
        return (
            "activity",
            {"title": title, "age_band": band, "needs_screen": False, "body": "<p>Go.</p>"},
        )

    challenge = make_challenge(
        library.school_a1, "Our planet", kind="weekly",
        activities=[
            activity("Everyone sorts recycling", "all"),
            activity("Count in twos", "ks1"),
            activity("Write a persuasive letter", "uks2"),
        ],
    )  # fmt: skip
    body = Client().get(f"/print/challenges/{challenge.uid}/", {"year": "2"}).content.decode()
    assert "Everyone sorts recycling" in body and "Count in twos" in body
    assert "Write a persuasive letter" not in body
    assert "for Year 2" in body
    assert "<svg" in body  # QR code to the online version
    assert "http://testserver/alder/ash/our-planet/" in body
    no_images = Client().get(f"/print/challenges/{challenge.uid}/", {"images": "0"})
    assert 'class="no-images"' in no_images.content.decode()


def test_print_view_respects_visibility(library, teacher_client):
    assert Client().get(f"/print/challenges/{library.trust_only.uid}/").status_code == 404
    assert teacher_client.get(f"/print/challenges/{library.trust_only.uid}/").status_code == 200


def test_embed_js_has_a_stable_url_and_a_long_cached_versioned_one(library):
    stable = Client().get("/embed.js")
    assert stable.status_code == 302 and "max-age=300" in stable["Cache-Control"]
    versioned = Client().get(stable["Location"])
    assert versioned.status_code == 200
    assert versioned["Content-Type"].startswith("text/javascript")
    assert "max-age=31536000" in versioned["Cache-Control"]
    assert Client().get("/embed/v/000000000000/embed.js").status_code == 302


def test_editor_offers_the_embed_snippets_for_a_public_challenge(library):
    client = Client()
    client.force_login(library.editor_a1)
    body = client.get(f"/admin/pages/{library.public.pk}/edit/").content.decode()
    assert "Embed on your website" in body
    assert f"&lt;div data-challenge=&quot;{library.public.uid}&quot;&gt;&lt;/div&gt;" in body
    assert "http://testserver/embed.js" in body
    assert 'data-action="w-clipboard#copy"' in body
    hidden = client.get(f"/admin/pages/{library.trust_only.pk}/edit/").content.decode()
    assert "Only a published, public challenge can be shown on school websites" in hidden
