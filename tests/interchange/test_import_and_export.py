"""Export and import as users of the commands see them: drafts, lineage, idempotence, updates."""

import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from jsonschema import Draft202012Validator
from wagtail.models import Page

from challenges.interchange.importer import exportable_challenges
from challenges.interchange.serialise import serialise_challenge
from challenges.models import ChallengeImage, LearningChallengePage
from tests.interchange.conftest import package_bytes

SCHEMA_URL = "/schema/learning-challenge/v1.json"


def export(trust, tmp_path, *args):
    path = tmp_path / f"{trust.slug}.zip"
    call_command(
        "export_challenges",
        str(path),
        "--trust",
        trust.slug,
        "--no-progress",
        *args,
        stdout=io.StringIO(),
    )
    return path


def import_into(path, school, *args):
    out = io.StringIO()
    call_command("import_challenges", str(path), "--into", school, *args, stdout=out)
    return out.getvalue()


def documents(path):
    with zipfile.ZipFile(path) as archive:
        return {
            name: json.loads(archive.read(name))
            for name in archive.namelist()
            if name.startswith("challenges/")
        }


def imported(school):
    return LearningChallengePage.objects.child_of(school).filter(adapted_from__isnull=False)


# The document and the schema --------------------------------------------------------------------


def test_schema_is_public_cacheable_cors_and_cookie_free(db):
    client = Client()
    client.cookies.load({"sessionid": "x", "csrftoken": "y"})
    response = client.get(SCHEMA_URL, HTTP_ORIGIN="https://partner.example.org")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/schema+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    assert not response.cookies and "Cookie" not in response.get("Vary", "")
    schema = json.loads(response.content)
    Draft202012Validator.check_schema(schema)
    again = client.get(SCHEMA_URL, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_document_matches_the_served_schema_and_keeps_pupils_home(rich_library):
    schema = json.loads(Client().get(SCHEMA_URL).content)
    document, assets = serialise_challenge(rich_library.rich)
    Draft202012Validator(schema).validate(document)
    # The class photo shows pupils: it is not an asset, and the document says so and why.
    pupils = ChallengeImage.objects.get(title__endswith="class photo")
    assert all(asset.title != pupils.title for asset in assets)
    assert document["activities"][1]["image"] is None
    assert document["omitted_images"] == [
        {
            "where": "Activity 2 (Look closely)",
            "reason": "shows_pupils",
            "message": document["omitted_images"][0]["message"],
        }
    ]
    assert "shows pupils" in document["omitted_images"][0]["message"]
    # The internal link became an absolute link to the public page; credits travel per asset.
    public_url = rich_library.public.get_full_url()
    assert f'href="{public_url}"' in document["activities"][0]["body"]
    assert "linktype" not in json.dumps(document)
    hero = next(a for a in document["assets"] if a["sha256"] == document["hero_image"]["asset"])
    assert hero["credit"] == "Photo: Bug hotel builders hero"
    assert hero["licence"] == "CC-BY-4.0" and hero["source_url"] == "https://example.org/source"
    assert document["hero_image"]["alt"] == "A wooden box full of sticks"
    # Account names and emails never leave: only display names.
    assert "editor_a1" not in json.dumps(document) and '@example.org"' not in json.dumps(document)


# Export ----------------------------------------------------------------------------------------


def test_export_default_is_live_challenges_partners_may_see(rich_library, tmp_path):
    lib = rich_library
    path = export(lib.trust_a, tmp_path)
    titles = {doc["title"] for doc in documents(path).values()}
    assert titles == {lib.public.title, lib.partners.title, lib.rich.title}
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assets = [name for name in archive.namelist() if name.startswith("assets/")]
    assert manifest["counts"] == {"challenges": 3, "assets": len(assets), "omitted_images": 1}
    assert manifest["trust"] == {"title": "Alder Trust", "slug": "alder"}


def test_export_visibility_option_and_errors(rich_library, tmp_path):
    path = export(rich_library.trust_a, tmp_path, "--visibility", "trust,school")
    titles = {doc["title"] for doc in documents(path).values()}
    assert titles == {rich_library.trust_only.title, rich_library.school_only.title}
    with pytest.raises(CommandError, match="no trust with the slug"):
        call_command("export_challenges", str(tmp_path / "x.zip"), "--trust", "nope")
    with pytest.raises(CommandError, match="Unknown visibility secret"):
        call_command(
            "export_challenges",
            str(tmp_path / "x.zip"),
            "--trust",
            "alder",
            "--visibility",
            "public,secret",
        )


# Import ----------------------------------------------------------------------------------------


def test_import_lands_drafts_with_lineage_credit_and_licence(rich_library, tmp_path):
    lib = rich_library
    path = export(lib.trust_a, tmp_path)
    output = import_into(path, "beech")
    assert "3 created" in output
    copies = {page.adapted_from["uid"]: page for page in imported(lib.school_b1)}
    assert set(copies) == {str(lib.public.uid), str(lib.partners.uid), str(lib.rich.uid)}
    copy = copies[str(lib.rich.uid)]
    assert not copy.live and copy.has_unpublished_changes
    assert copy.uid != lib.rich.uid and copy.trust == lib.trust_b and copy.school == lib.school_b1
    assert copy.adapted_from["mode"] == "snapshot"
    assert copy.adapted_from["version"] == lib.rich.version
    assert copy.adapted_from["trust"] == "Alder Trust"
    assert copy.adapted_from["url"] == lib.rich.get_full_url()
    draft = copy.get_latest_revision_as_object()
    assert draft.licence == "CC-BY-SA-4.0"
    assert draft.hero_image.credit == "Photo: Bug hotel builders hero"
    assert draft.hero_image.file.read() == lib.rich.hero_image.file.read()
    assert draft.hero_image_alt == "A wooden box full of sticks"
    activity = draft.activities[0].value
    assert activity["image"].contextual_alt_text == "Sticks"
    assert activity["document"].credit == "Worksheet: Ash Primary"
    assert draft.activities[1].value["image"] is None  # the class photo stayed at home
    assert draft.year_group_codes == ["R", "1", "2"] and draft.tag_names == ["bugs", "garden"]


def test_same_uid_and_version_twice_changes_nothing(rich_library, tmp_path):
    path = export(rich_library.trust_a, tmp_path)
    import_into(path, "beech")
    counts = (Page.objects.count(), ChallengeImage.objects.count())
    output = import_into(path, "beech")
    assert "3 unchanged" in output and "0 created" in output
    assert (Page.objects.count(), ChallengeImage.objects.count()) == counts


def test_newer_version_updates_an_unedited_snapshot_and_waits_for_an_edited_one(
    rich_library, tmp_path
):
    lib = rich_library
    import_into(export(lib.trust_a, tmp_path), "beech", "--follow")
    copies = {page.adapted_from["uid"]: page for page in imported(lib.school_b1)}
    assert {page.adapted_from["mode"] for page in copies.values()} == {"follow"}
    # Beech edits its copy of the public challenge; nobody touches the other copies.
    edited = copies[str(lib.public.uid)].get_latest_revision_as_object()
    edited.summary = "Our own words."
    edited.save_revision(user=lib.editor_b1)
    # Alder publishes new versions of both.
    for original in (lib.public, lib.partners):
        page = original.get_latest_revision_as_object()
        page.summary = "Updated by Alder."
        page.save_revision().publish()
    output = import_into(export(lib.trust_a, tmp_path), "beech")
    assert "1 updated" in output and "1 kept" in output and "1 unchanged" in output
    untouched = LearningChallengePage.objects.get(pk=copies[str(lib.partners.uid)].pk)
    assert untouched.get_latest_revision_as_object().summary == "Updated by Alder."
    assert untouched.adapted_from["version"] == 2
    kept = LearningChallengePage.objects.get(pk=copies[str(lib.public.uid)].pk)
    assert kept.get_latest_revision_as_object().summary == "Our own words."
    assert kept.adapted_from["version"] == 1
    assert kept.adapted_from["upstream"]["version"] == 2
    assert kept.adapted_from["upstream"]["document"]["summary"] == "Updated by Alder."


def test_dry_run_says_what_and_writes_nothing(rich_library, tmp_path):
    path = export(rich_library.trust_a, tmp_path)
    before = Page.objects.count()
    output = import_into(path, "beech", "--dry-run")
    assert "CREATED: “Bug hotel builders”" in output and "Dry run: nothing was imported." in output
    assert Page.objects.count() == before


def test_import_into_an_unknown_school_or_missing_file(rich_library, tmp_path):
    with pytest.raises(CommandError, match="no school with the slug"):
        import_into(tmp_path / "x.zip", "nowhere")
    with pytest.raises(CommandError, match="There is no file"):
        import_into(tmp_path / "missing.zip", "beech")


def test_export_streams_assets_it_has_hashed_once(rich_library):
    data = package_bytes(rich_library.trust_a, exportable_challenges(rich_library.trust_a))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    assert len(names) == len(set(names))
    assert sum(name.startswith("assets/") for name in names) == 3  # hero, step, worksheet
