"""A translation is exactly as visible as its original: a school-only challenge's translation
answers every viewer as its original does, on every route that shows one challenge."""

import pytest
from django.test import Client

from tests.helpers import publish

pytestmark = pytest.mark.django_db


def viewers(lib):
    """Anonymous, another school's editors (same trust and a partner trust), the owning school's
    editor, the trust's moderator."""
    return {
        "anonymous": None,
        "editor_a2": lib.editor_a2,
        "editor_b1": lib.editor_b1,
        "editor_c1": lib.editor_c1,
        "editor_a1": lib.editor_a1,
        "moderator_a": lib.moderator_a,
    }


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def routes(original, translation):
    """The same challenge by each route, for the original and the Urdu translation."""
    return [
        (original.url, translation.url),
        (f"/print/challenges/{original.uid}/", f"/print/challenges/{translation.uid}/"),
        (f"/print/challenges/{original.uid}/", f"/print/challenges/{original.uid}/?lang=ur"),
        (f"/embed/challenges/{original.uid}/", f"/embed/challenges/{original.uid}/?lang=ur"),
        (f"/embed/challenges/{original.uid}/", f"/embed/challenges/{translation.uid}/"),
    ]


def test_a_school_only_translation_answers_as_its_original(translated):
    original, translation = translated.school_only, translated.school_only_ur
    assert translation.audience == original.audience
    answers = {}
    for name, user in viewers(translated).items():
        client = client_for(user)
        for original_url, translated_url in routes(original, translation):
            first = client.get(original_url).status_code
            second = client.get(translated_url).status_code
            assert first == second, (name, original_url, translated_url)
            answers[name, original_url] = first
    assert answers["anonymous", original.url] == 404
    assert answers["editor_a2", original.url] == 404
    assert answers["editor_b1", original.url] == 404
    assert answers["editor_c1", original.url] == 404
    assert answers["editor_a1", original.url] == 200
    assert answers["moderator_a", original.url] == 200
    # Embeds are public only, whoever asks.
    assert answers["editor_a1", f"/embed/challenges/{original.uid}/"] == 404


def test_no_channel_names_a_hidden_translation(translated):
    secret = "مہربانی کا ہفتہ"
    anonymous = Client()
    for url in (
        translated.public.url,
        translated.public_ur.url,
        "/search/?q=kindness",
        "/search/?format=json&q=kindness",
        "/api/v2/challenges/",
        "/embed/challenges.json",
        "/sitemap.xml",
        "/feeds/challenges/",
        f"/oembed/?url=http://testserver{translated.school_only_ur.url}",
    ):
        response = anonymous.get(url)
        assert secret not in response.content.decode(), url
        assert "canarys" not in response.content.decode(), url


def test_the_translation_follows_its_original_visibility(translated):
    """Made public, then school-only again: the translation follows at once, both ways."""
    anonymous = Client()
    original = publish(translated.school_only, visibility="public")
    assert anonymous.get(translated.school_only_ur.url).status_code == 200
    publish(original, visibility="school")
    assert anonymous.get(translated.school_only_ur.url).status_code == 404


def test_unpublishing_the_original_takes_its_translations_down(translated):
    anonymous = Client()
    assert anonymous.get(translated.public_ur.url).status_code == 200
    translated.public.unpublish()
    assert anonymous.get(translated.public_ur.url).status_code == 404
    embed = anonymous.get(f"/embed/challenges/{translated.public_ur.uid}/")
    assert embed.status_code == 404


def test_the_sitemap_lists_no_hidden_translation(translated):
    text = Client().get("/sitemap.xml").content.decode()
    assert translated.public.url in text
    assert translated.school_only_ur.url not in text and translated.school_only.url not in text
