"""A package imports whole or not at all: a failure at the k-th asset or the n-th challenge
leaves no rows and no stored files, on local storage and on S3 (a loopback S3 server)."""

import io
import os

import pytest
from wagtail.models import Page, Revision

from challenges.interchange import importer
from challenges.interchange.importer import exportable_challenges, run_import
from challenges.interchange.package import ZipPackage
from challenges.models import ChallengeDocument, ChallengeImage, LearningChallengePage
from tests.interchange.conftest import package_bytes, rich_challenge
from tests.media.test_s3_storage import keys, s3_server, s3_storage  # noqa: F401 (fixtures)

CHALLENGES = 4


class Fault(Exception):
    pass


def fail_on_call(monkeypatch, name, number):
    """Make importer.<name> fail right after its `number`-th call has done its work."""
    real = getattr(importer, name)
    calls = {"count": 0}

    def flaky(*args, **kwargs):
        result = real(*args, **kwargs)
        calls["count"] += 1
        if calls["count"] == number:
            raise Fault(f"injected after call {number} of {name}")
        return result

    monkeypatch.setattr(importer, name, flaky)
    return calls


def local_files(root):
    return sorted(
        os.path.join(folder, name) for folder, _, names in os.walk(root) for name in names
    )


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        ChallengeImage.objects.count(),
        ChallengeDocument.objects.count(),
        LearningChallengePage.objects.filter(adapted_from__isnull=False).count(),
    )


@pytest.fixture
def big_package(rich_library):
    lib = rich_library
    rich_challenge(lib.school_a2, "Pond dipping week")
    challenges = exportable_challenges(lib.trust_a)
    assert challenges.count() == CHALLENGES
    return package_bytes(lib.trust_a, challenges)


def assert_nothing_left(before, files_before, files_now):
    assert snapshot() == before
    assert files_now() == files_before


@pytest.mark.parametrize(
    "where, number",
    [
        ("_store_image", 1),
        ("_store_image", 3),
        ("_store_document", 2),
        ("_write_challenge", 1),
        ("_write_challenge", CHALLENGES),
    ],
)
def test_fault_on_local_storage_leaves_nothing(
    where, number, big_package, rich_library, monkeypatch, settings
):
    files = lambda: local_files(settings.MEDIA_ROOT)  # noqa: E731
    before, files_before = snapshot(), files()
    calls = fail_on_call(monkeypatch, where, number)
    with pytest.raises(Fault):
        run_import(ZipPackage(io.BytesIO(big_package)), rich_library.school_b1)
    assert calls["count"] == number
    assert_nothing_left(before, files_before, files)


def test_the_same_package_imports_when_nothing_fails(big_package, rich_library, settings):
    files_before = local_files(settings.MEDIA_ROOT)
    result = run_import(ZipPackage(io.BytesIO(big_package)), rich_library.school_b1)
    assert len(result.created) == CHALLENGES
    assert len(local_files(settings.MEDIA_ROOT)) == len(files_before) + 6  # 4 images, 2 documents


@pytest.mark.parametrize(
    "where, number",
    [
        ("_store_image", 2),
        ("_store_document", 1),
        ("_write_challenge", 3),
    ],
)
def test_fault_on_s3_leaves_nothing(where, number, s3_storage, library, monkeypatch):  # noqa: F811
    # The originals live on S3 too, so the export reads from the bucket as well.
    rich_challenge(library.school_a1, "Bug hotel on S3")
    rich_challenge(library.school_a2, "Pond dipping on S3")
    package = package_bytes(library.trust_a, exportable_challenges(library.trust_a))
    before, keys_before = snapshot(), keys(s3_storage)
    calls = fail_on_call(monkeypatch, where, number)
    with pytest.raises(Fault):
        run_import(ZipPackage(io.BytesIO(package)), library.school_b1)
    assert calls["count"] == number
    assert snapshot() == before
    assert keys(s3_storage) == keys_before
    # And without the fault, the files do arrive in the bucket.
    monkeypatch.undo()
    run_import(ZipPackage(io.BytesIO(package)), library.school_b1)
    assert len(keys(s3_storage)) == len(keys_before) + 6  # 4 images and 2 worksheets
