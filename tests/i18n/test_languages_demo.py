"""load_demo publishes Polish and Urdu translations of three demo challenges, one a weekly
project, written out in full (every string of each translated), and a second run adds none."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail_localize.models import Translation

from challenges.demo.translations import TRANSLATIONS
from challenges.models import LearningChallengePage

pytestmark = pytest.mark.django_db


def test_demo_translations(settings, tmp_path, client):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=StringIO())
    originals = LearningChallengePage.objects.originals().filter(uid__in=list(TRANSLATIONS))
    assert {page.kind for page in originals} == {"single", "weekly"}
    for original in originals:
        family = LearningChallengePage.objects.translations_of(original).live()
        assert sorted(family.values_list("locale__language_code", flat=True)) == ["pl", "ur"]
        for page in family:
            assert page.version == 1 and page.visibility == original.visibility
            assert (
                page.title
                == TRANSLATIONS[str(original.uid)][page.locale.language_code][original.title]
            )
            total, done = Translation.objects.get(
                source__object_id=original.translation_key, target_locale=page.locale
            ).get_progress()
            assert done == total  # a translator's whole work, no English left behind
        response = client.get(f"/embed/challenges/{original.uid}/?lang=ur")
        assert 'dir="rtl"' in response.content.decode()
    count = LearningChallengePage.objects.count()
    output = StringIO()
    call_command("load_demo", stdout=output)
    assert LearningChallengePage.objects.count() == count
    assert "Translations: 6 published (Polski, اردو)" in output.getvalue()
