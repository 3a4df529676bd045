"""An adaptation says what it is: until first published its editor names the original, its school
and trust, and the fields that speak of the original school; the original's editor says nothing."""

import html

import pytest
from django.urls import reverse

from challenges.models import LearningChallengePage
from tests.challenges.test_upstream import adapt

pytestmark = pytest.mark.django_db

BANNER = "Your adaptation of “Partners canaryp pond dipping” by Ash Primary, Alder Trust."


def editor_text(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_adaptation_names_its_original_until_first_published(client, library):
    copy = adapt(client, library.editor_b1, library.partners, library.school_b1)
    shown = editor_text(client, copy)
    assert BANNER in shown
    assert "How families share their work, Hashtag, Contributors" in shown

    copy.get_latest_revision().publish()
    assert "Your adaptation of" not in editor_text(
        client, LearningChallengePage.objects.get(pk=copy.pk)
    )


def test_the_original_says_nothing_of_the_kind(client, library):
    client.force_login(library.editor_a1)
    assert "Your adaptation of" not in editor_text(client, library.partners)
