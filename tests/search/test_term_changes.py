"""A subject's, theme's or tag's name is part of the search text of the challenges it labels: a
rename or delete in the admin reaches search at once, not at their next publish. Each test runs
against the database implementation, and Elasticsearch when configured."""

import pytest
from django.test import Client

from challenges.models import ChallengeTag, Subject, Theme
from tests.factories import make_challenge
from tests.search.test_contract import search_json, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def labelled(implementation, library):
    """A published challenge and a draft, both labelled with a subject, a theme and a tag."""
    labels = {"subjects": ["science"], "themes": ["reading-for-pleasure"], "tags": ["minibeasts"]}
    library.pond = make_challenge(library.school_a1, "Pond life", **labels)
    library.draft = make_challenge(library.school_a1, "Pond draft", publish=False, **labels)
    library.admin = Client()
    library.admin.force_login(library.superuser)
    return library


def found(q):
    return titles(search_json(q=q))


def test_renaming_a_subject_reaches_the_search_text_of_its_challenges(labelled):
    assert "Pond life" not in found("astronomy")
    science = Subject.objects.get(slug="science")
    response = labelled.admin.post(
        f"/admin/snippets/challenges/subject/edit/{science.pk}/",
        {"name": "Astronomy", "slug": "science", "description": "", "group": "curriculum"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    assert "Pond life" in found("astronomy")
    assert "Pond draft" not in found("astronomy")  # drafts are not indexed by a rename either


def test_deleting_a_theme_takes_its_name_out_of_the_search_text(labelled):
    assert "Pond life" in found("reading for pleasure")
    theme = Theme.objects.get(slug="reading-for-pleasure")
    response = labelled.admin.post(f"/admin/snippets/challenges/theme/delete/{theme.pk}/")
    assert response.status_code == 302 and not Theme.objects.filter(pk=theme.pk).exists()

    assert "Pond life" not in found("reading for pleasure")
    assert "Pond life" in found("pond")  # still indexed, only without the theme


def test_renaming_a_tag_reaches_the_search_text_of_its_challenges(labelled):
    tag = ChallengeTag.tag_model().objects.get(name="minibeasts")
    inline = "taggit_taggeditem_items"  # the change form's inline (our pages' tags are not in it)
    response = labelled.admin.post(
        f"/django-admin/taggit/tag/{tag.pk}/change/",
        {"name": "Creepy crawlies", "slug": "minibeasts", f"{inline}-TOTAL_FORMS": 0,
         f"{inline}-INITIAL_FORMS": 0},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]

    assert "Pond life" in found("creepy crawlies")
    assert "Pond life" not in found("minibeasts")
