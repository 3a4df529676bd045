"""API v2 search reads what is live: words only in a newer draft never make a page match."""

import pytest
from django.test import Client

from challenges.models import LearningChallengePage
from tests.factories import make_challenge


def found_titles(query):
    response = Client().get("/api/v2/challenges/", {"search": query})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["items"]]


@pytest.mark.django_db
def test_a_word_only_in_the_newer_draft_of_a_live_page_finds_nothing(library):
    page = make_challenge(library.school_a1, "Pond dipping with a net")
    assert found_titles("pond") == ["Pond dipping with a net"]

    draft = LearningChallengePage.objects.get(pk=page.pk)
    draft.title = "Pond dipping zebradraft"
    draft.summary = "zebradraft summary"
    draft.save_revision()

    assert found_titles("zebradraft") == []
    assert found_titles("pond") == ["Pond dipping with a net"]  # the live page is still found


@pytest.mark.django_db
def test_publishing_the_draft_makes_its_words_findable(library):
    page = make_challenge(library.school_a1, "Cloud spotting")
    draft = LearningChallengePage.objects.get(pk=page.pk)
    draft.title = "Cloud spotting with zebrapublished"
    draft.save_revision().publish()

    assert found_titles("zebrapublished") == ["Cloud spotting with zebrapublished"]
