"""When the English original changes, its translation is flagged out of date and its public page
says the English version is newer, linking it; publishing the translation again clears it."""

import pytest

from challenges.languages.translating import english_is_newer, translate
from tests.helpers import publish

pytestmark = pytest.mark.django_db

NOTICE = "The English version of this challenge has changed since this translation was made."


def test_a_fresh_translation_is_current(translated, client):
    assert not english_is_newer(translated.public_ur)
    assert not english_is_newer(translated.public)  # an original is never behind itself
    assert NOTICE not in client.get(translated.public_ur.url).content.decode()


def test_changing_the_english_flags_the_translation(translated, client):
    publish(translated.public, summary="A bigger, better bug hotel for the whole family.")
    urdu = type(translated.public_ur).objects.get(pk=translated.public_ur.pk)
    assert english_is_newer(urdu)
    text = client.get(urdu.url).content.decode()
    assert NOTICE in text
    assert (
        f'<a href="{translated.public.url}" hreflang="en-GB">Read the English version</a>' in text
    )
    # The English page itself says nothing of the kind.
    assert NOTICE not in client.get(translated.public.url).content.decode()


def test_a_draft_of_the_english_does_not(translated, client):
    draft = translated.public.get_latest_revision_as_object()
    draft.summary = "Not published yet."
    draft.save_revision()
    assert NOTICE not in client.get(translated.public_ur.url).content.decode()


def test_translating_the_change_clears_the_flag(translated, client):
    publish(translated.public, summary="A bigger, better bug hotel for the whole family.")
    translate(
        translated.public,
        "ur",
        {"A bigger, better bug hotel for the whole family.": "پورے گھرانے کے لیے ایک بڑا ہوٹل۔"},
    )
    text = client.get(translated.public_ur.url).content.decode()
    assert NOTICE not in text
    assert "پورے گھرانے کے لیے ایک بڑا ہوٹل۔" in text
