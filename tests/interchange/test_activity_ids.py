"""Activity ids travel (format 1.1): each activity keeps one id on export, import and adapt, so an
update can be matched activity by activity; a 1.0 reader's rule holds for newer minor versions
(unknown fields are ignored), and 1.0 documents without ids still arrive with stable ids."""

import io
import json

import pytest

from challenges.interchange.importer import ImportRefused, run_import
from challenges.interchange.package import ZipPackage
from challenges.interchange.serialise import serialise_challenge
from challenges.interchange.validate import DocumentRefused, check_challenge
from challenges.models import LearningChallengePage
from tests.interchange.conftest import edit_document, package_bytes, rewrite_package

pytestmark = pytest.mark.django_db


def import_bytes(data, school, follow=True):
    package = ZipPackage(io.BytesIO(data))
    try:
        return run_import(package, school, follow=follow)
    finally:
        package.close()


def activity_ids(page):
    return [block.id for block in page.get_latest_revision_as_object().activities]


def test_the_document_names_each_activity_by_its_block_id(rich_library):
    document, _ = serialise_challenge(rich_library.rich)
    assert document["format_version"] == "1.2"  # ids since 1.1
    assert [a["id"] for a in document["activities"]] == [b.id for b in rich_library.rich.activities]
    assert all(a["id"] for a in document["activities"])


def test_import_keeps_the_ids_of_the_activities(rich_library):
    data = package_bytes(rich_library.trust_a, [rich_library.rich])
    result = import_bytes(data, rich_library.school_b1)
    (page,) = result.created
    assert activity_ids(page) == [b.id for b in rich_library.rich.activities]


def test_a_one_point_zero_document_gets_the_same_ids_each_time_it_arrives(rich_library):
    def as_version_one_point_zero(document):
        document["format_version"] = "1.0"
        for activity in document["activities"]:
            del activity["id"]

    data = package_bytes(rich_library.trust_a, [rich_library.rich])
    old = rewrite_package(data, lambda entries: edit_document(entries, as_version_one_point_zero))
    (first,) = import_bytes(old, rich_library.school_b1).created
    (second,) = import_bytes(old, rich_library.school_c1).created
    assert activity_ids(first) == activity_ids(second)
    assert len(set(activity_ids(first))) == 2  # one id per activity, never shared


def test_a_newer_minor_version_is_read_and_its_new_fields_ignored(rich_library):
    document, _ = serialise_challenge(rich_library.rich)
    document["format_version"] = "1.7"
    document["reading_age"] = 7  # a field a later 1.x may add
    document["activities"][0]["colour"] = "green"
    checked = check_challenge(json.loads(json.dumps(document)))
    assert "reading_age" not in checked and "colour" not in checked["activities"][0]
    assert checked["activities"][0]["id"] == document["activities"][0]["id"]


def test_this_minor_version_still_refuses_fields_it_does_not_have(rich_library):
    document, _ = serialise_challenge(rich_library.rich)
    document["activities"][0]["colour"] = "green"
    with pytest.raises(DocumentRefused, match="fields this format does not have: colour"):
        check_challenge(document)


def test_an_activity_id_that_is_not_a_uuid_is_refused(rich_library):
    document, _ = serialise_challenge(rich_library.rich)
    document["activities"][0]["id"] = "../../etc"
    with pytest.raises(DocumentRefused, match=r"activities\[1\]\.id"):
        check_challenge(document)


def test_adapting_keeps_the_ids_of_the_activities(client, library):
    client.force_login(library.editor_b1)
    client.post(f"/admin/challenges/{library.partners.pk}/adapt/", {"into": library.school_b1.pk})
    copy = LearningChallengePage.objects.get(adapted_from__uid=str(library.partners.uid))
    assert copy.uid != library.partners.uid
    assert activity_ids(copy) == [b.id for b in library.partners.activities]


def test_two_activities_with_one_id_are_refused_and_nothing_is_written(rich_library):
    def same_id_twice(document):
        document["activities"][1]["id"] = document["activities"][0]["id"]

    data = package_bytes(rich_library.trust_a, [rich_library.rich])
    bad = rewrite_package(data, lambda entries: edit_document(entries, same_id_twice))
    pages = LearningChallengePage.objects.count()
    with pytest.raises(ImportRefused, match="Two of its activities have the same id"):
        import_bytes(bad, rich_library.school_b1)
    assert LearningChallengePage.objects.count() == pages
