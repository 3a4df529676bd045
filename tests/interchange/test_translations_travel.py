"""Translations travel with their challenge (format 1.2): an export carries each published
translation's family-facing fields; readers of 1.0 and 1.1 still read the document; an import
lands them as draft translations of the copy; adapting keeps them, and a translation of an
adaptation is marked out of date when the adaptation changes."""

import copy
import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.test import Client
from jsonschema import Draft202012Validator

from challenges.interchange.serialise import serialise_challenge
from challenges.interchange.validate import check_challenge
from challenges.languages.translating import english_is_newer, translate
from challenges.models import LearningChallengePage
from challenges.sharing.adapt import adapt
from challenges.sharing.upstream import following, pull_into_draft
from tests.helpers import publish

pytestmark = pytest.mark.django_db

POLISH = {
    "Bug hotel builders": "Budowniczowie hotelu dla owadów",
    "Bug hotel builders: build it together.": "Budowniczowie hotelu: zbudujcie go razem.",
    "I can name three minibeasts": "Potrafię nazwać trzy małe zwierzęta",
    "Sticks": "Patyki",
    "Collect": "Zbieraj",
    "Look closely": "Przyjrzyj się",
    "Use a magnifier": "Użyj lupy",
    "Wash hands.": "Umyj ręce.",
    "Email the office.": "Napisz do sekretariatu.",
}
URDU_TITLE = "کیڑوں کے ہوٹل کے معمار"


@pytest.fixture
def translated(rich_library):
    lib = rich_library
    lib.rich_pl = translate(lib.rich, "pl", POLISH)
    lib.rich_ur = translate(lib.rich, "ur", {"Bug hotel builders": URDU_TITLE})
    lib.rich_so = translate(lib.rich, "so", {"Bug hotel builders": "Draft only"}, publish=False)
    return lib


def document_of(page):
    return json.loads(json.dumps(serialise_challenge(page)[0]))


def test_a_document_carries_its_published_translations(translated):
    document = document_of(translated.rich)
    assert document["format_version"] == "1.2"
    # Published ones only (the Somali draft stays here), in the library's order of languages.
    assert [t["language"] for t in document["translations"]] == ["pl", "ur"]
    polish = document["translations"][0]
    assert polish["title"] == POLISH["Bug hotel builders"]
    assert polish["outcomes"] == [POLISH["I can name three minibeasts"]]
    assert polish["materials"] == [{"item": "Patyki", "household_alternative": "Straws"}]
    ids = [activity["id"] for activity in document["activities"]]
    assert [(a["id"], a["title"]) for a in polish["activities"]] == list(
        zip(ids, ["Zbieraj", "Przyjrzyj się"], strict=True)
    )
    assert polish["safety_notes"] == "<p>Umyj ręce.</p>"
    assert polish["english_is_newer"] is False
    # What is not translated is the English, as on the page.
    assert document["translations"][1]["summary"] == "Bug hotel builders: build it together."


def one_point_one_schema(served):
    """The served schema as a 1.1 reader has it: no translations."""
    older = copy.deepcopy(served)
    del older["$defs"]["translation"]
    del older["$defs"]["challenge"]["properties"]["translations"]
    return older


def test_a_one_point_oh_reader_reads_the_document_and_ignores_its_translations(translated):
    document = document_of(translated.rich)
    served = json.loads(Client().get("/schema/learning-challenge/v1.json").content)
    Draft202012Validator(served).validate(document)
    Draft202012Validator(one_point_one_schema(served)).validate(document)
    # Without its translations, the document is a valid 1.0 one: nothing else changed.
    older = {name: value for name, value in document.items() if name != "translations"}
    for activity in older["activities"]:
        activity.pop("id")  # what 1.1 added
    Draft202012Validator(one_point_one_schema(served)).validate({**older, "format_version": "1.0"})


def test_a_newer_minor_versions_fields_in_a_translation_are_ignored(translated):
    document = document_of(translated.rich)
    document["format_version"] = "1.9"
    document["translations"][0]["voice_over"] = "https://example.org/pl.mp3"
    checked = check_challenge(document)
    assert "voice_over" not in checked["translations"][0]
    assert checked["translations"][0]["title"] == POLISH["Bug hotel builders"]


def package_of(trust, tmp_path):
    path = tmp_path / "with-translations.zip"
    call_command("export_challenges", str(path), "--trust", trust.slug, "--no-progress",
                 stdout=io.StringIO())  # fmt: skip
    return path


def test_an_import_lands_the_translations_as_drafts_of_the_copy(translated, tmp_path):
    lib = translated
    path = package_of(lib.trust_a, tmp_path)
    with zipfile.ZipFile(path) as archive:
        assert '"translations"' in archive.read(f"challenges/{lib.rich.uid}.json").decode()
    call_command("import_challenges", str(path), "--into", "beech", stdout=io.StringIO())
    copy_ = LearningChallengePage.objects.child_of(lib.school_b1).get(
        adapted_from__uid=str(lib.rich.uid)
    )
    translations = {
        page.locale.language_code: page
        for page in LearningChallengePage.objects.translations_of(copy_)
    }
    assert set(translations) == {"pl", "ur"}
    polish = translations["pl"].get_latest_revision_as_object()
    assert not translations["pl"].live  # reviewed and published like any change
    assert polish.title == POLISH["Bug hotel builders"]
    assert [block.value["title"] for block in polish.activities] == ["Zbieraj", "Przyjrzyj się"]
    assert polish.materials[0].value["item"] == "Patyki"
    assert "Umyj ręce." in polish.safety_notes
    # Published by the school, a family reads the copy in Polish.
    publish(copy_)
    publish(translations["pl"])
    response = Client().get(LearningChallengePage.objects.get(pk=translations["pl"].pk).url)
    assert response.status_code == 200
    assert POLISH["Bug hotel builders"] in response.content.decode()


def test_adapting_keeps_the_translations_and_marks_them_out_of_date(translated):
    lib = translated
    adaptation = adapt(lib.rich, lib.school_a2, lib.editor_a2)
    polish = LearningChallengePage.objects.translations_of(adaptation).get(
        locale__language_code="pl"
    )
    assert polish.get_latest_revision_as_object().title == POLISH["Bug hotel builders"]
    adaptation = publish(adaptation)
    polish = publish(polish)
    assert not english_is_newer(polish)
    publish(adaptation, summary="Our school's own words for families.")
    polish = LearningChallengePage.objects.get(pk=polish.pk)
    assert english_is_newer(polish)
    reader = Client()
    reader.force_login(lib.editor_a2)  # the adaptation is shared as its trust shares by default
    text = reader.get(polish.url).content.decode()
    assert "The English version of this challenge has changed" in text


def test_an_upstream_merge_keeps_the_adaptations_translations_and_flags_them(translated):
    """The original improves; the adapter pulls it in and publishes: the adaptation's Polish
    translation is still there, now marked out of date until its translator catches up."""
    lib = translated
    adaptation = publish(adapt(lib.rich, lib.school_a2, lib.editor_a2))
    polish = publish(
        LearningChallengePage.objects.translations_of(adaptation).get(locale__language_code="pl")
    )
    publish(lib.rich, safety_notes="<p>Wash hands with soap.</p>")
    pull_into_draft(adaptation, lib.editor_a2)
    adaptation = publish(adaptation)
    assert adaptation.safety_notes == "<p>Wash hands with soap.</p>"
    polish = LearningChallengePage.objects.get(pk=polish.pk)
    assert polish.live and polish.title == POLISH["Bug hotel builders"]
    assert english_is_newer(polish)
    assert (
        not LearningChallengePage.objects.translations_of(adaptation)
        .filter(adapted_from__isnull=True)
        .exists()
    )  # a translation keeps its original's lineage
    assert polish not in following()  # only the adaptation itself follows its original
