"""The admin's search after an import: Wagtail's index is written once, at the end of the import,
and it is still right: imported drafts and their images are found, a refused import leaves no
entry, and saves outside an import are indexed as before."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Collection
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from challenges.interchange import importer
from challenges.interchange.importer import exportable_challenges
from challenges.models import ChallengeImage, LearningChallengePage
from tests.conftest import PASSWORD, make_challenge
from tests.interchange.conftest import package_bytes, rewrite_package, rich_challenge


@pytest.fixture
def package(rich_library, tmp_path):
    lib = rich_library
    rich_challenge(lib.school_a2, "Pond dipping week")
    path = tmp_path / "alder.zip"
    path.write_bytes(package_bytes(lib.trust_a, exportable_challenges(lib.trust_a)))
    return path


def import_into(path, school):
    call_command("import_challenges", str(path), "--into", school.slug, stdout=io.StringIO())


def imported(school):
    return LearningChallengePage.objects.child_of(school).filter(adapted_from__isnull=False)


def admin_search(user, words):
    client = Client()
    client.login(username=user.username, password=PASSWORD)
    response = client.get("/admin/pages/search/", {"q": words})
    assert response.status_code == 200
    return response.content.decode()


def test_an_imported_draft_is_found_by_the_admin_search_after_the_import(rich_library, package):
    lib = rich_library
    import_into(package, lib.school_b1)
    drafts = {page.title: page for page in imported(lib.school_b1)}
    assert {"Bug hotel builders", "Pond dipping week"} <= set(drafts)

    found = get_search_backend().search(
        "dipping week", LearningChallengePage.objects.child_of(lib.school_b1)
    )
    assert [page.pk for page in found] == [drafts["Pond dipping week"].pk]
    # The teacher of the school that imported it finds the draft in the admin's page search.
    page = admin_search(lib.editor_b1, "Bug hotel builders")
    assert f"/admin/pages/{drafts['Bug hotel builders'].pk}/edit/" in page
    # Its pictures arrived too and are found in the image library's search.
    collection = Collection.objects.get(name="Beech Primary")
    images = ChallengeImage.objects.filter(collection=collection)
    found = get_search_backend().search("Bug hotel builders hero", images)
    assert [image.title for image in found] == ["Bug hotel builders hero"]


def test_a_refused_import_writes_no_index_entries(rich_library, package, tmp_path):
    lib = rich_library
    before = IndexEntry.objects.count()
    # A package whose list of challenges does not match what it holds is refused before writing.
    broken = tmp_path / "broken.zip"
    broken.write_bytes(
        rewrite_package(package.read_bytes(), lambda entries: entries.pop("manifest.json"))
    )
    with pytest.raises(CommandError):
        import_into(broken, lib.school_b1)
    assert IndexEntry.objects.count() == before
    assert not imported(lib.school_b1).exists()


def test_an_import_failing_half_way_leaves_no_index_entries(rich_library, package, monkeypatch):
    lib = rich_library
    before = IndexEntry.objects.count()
    real, calls = importer._write_challenge, []

    def fails_on_the_second(*args, **kwargs):
        calls.append(real(*args, **kwargs))  # the first challenge is written in full
        if len(calls) == 2:
            raise RuntimeError("the disk filled up")
        return calls[-1]

    monkeypatch.setattr(importer, "_write_challenge", fails_on_the_second)
    with pytest.raises(RuntimeError):
        import_into(package, lib.school_b1)
    assert IndexEntry.objects.count() == before
    assert not imported(lib.school_b1).exists()


def test_saves_after_an_import_are_indexed_at_once_as_before(rich_library, package):
    lib = rich_library
    import_into(package, lib.school_b1)
    later = make_challenge(lib.school_b1, "Kite flying canaryk", "public", publish=False)
    found = get_search_backend().search("canaryk", LearningChallengePage.objects.all())
    assert [page.pk for page in found] == [later.pk]
