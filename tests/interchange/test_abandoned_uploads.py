"""Packages uploaded to the import screen and never confirmed expire after an hour, and each
person may keep only a few (and only so many bytes) waiting, told why in words."""

import io
import os
import time

import pytest
from django.core.management import call_command
from django.urls import reverse

from challenges.interchange.importer import exportable_challenges
from challenges.interchange.uploads import upload_folder
from tests.interchange.conftest import package_bytes

HOUR = 3600


@pytest.fixture
def folder(settings, tmp_path):
    settings.INTERCHANGE_UPLOAD_DIR = str(tmp_path)
    return upload_folder()


@pytest.fixture
def package(library):
    return package_bytes(library.trust_a, exportable_challenges(library.trust_a))


def upload(client, data, school):
    file = io.BytesIO(data)
    file.name = "package.zip"
    return client.post(reverse("interchange_import"), {"package": file, "school": school.pk})


def waiting(folder, age_seconds, name, size=10):
    path = folder / f"{name}.zip"
    path.write_bytes(b"x" * size)
    then = time.time() - age_seconds
    os.utime(path, (then, then))
    return path


@pytest.mark.django_db
def test_an_upload_older_than_an_hour_is_removed_when_the_next_arrives(
    client, library, folder, package
):
    old = waiting(folder, HOUR + 60, "u999tabandoned")
    recent = waiting(folder, 10 * 60, "u999trecent")
    queued = waiting(folder, 5 * HOUR, "queued-u999tbackground")
    client.force_login(library.editor_b1)
    response = upload(client, package, library.school_b1)
    assert "Will be created as a draft" in response.content.decode()
    assert not old.exists()
    assert recent.exists() and queued.exists()  # the background import's file is its own
    assert len(list(folder.glob(f"u{library.editor_b1.pk}t*.zip"))) == 1


@pytest.mark.django_db
def test_the_command_removes_abandoned_uploads_and_says_how_many(folder):
    waiting(folder, HOUR + 1, "u1tone", size=2048)
    waiting(folder, 2 * HOUR, "u2ttwo", size=2048)
    kept = waiting(folder, 60, "u1tthree")
    out = io.StringIO()
    call_command("clear_abandoned_uploads", stdout=out)
    said = out.getvalue().strip().replace("\xa0", " ")  # filesizeformat keeps "4.0 KB" together
    assert said == "Removed 2 abandoned uploads (4.0 KB) older than 60 minutes."
    assert [path.name for path in folder.iterdir()] == [kept.name]


@pytest.mark.django_db
def test_a_fourth_waiting_package_is_refused_in_words_and_nothing_is_stored(
    client, library, folder, package
):
    client.force_login(library.editor_b1)
    for _ in range(3):
        assert upload(client, package, library.school_b1).context["origin"]
    before = sorted(folder.iterdir())
    response = upload(client, package, library.school_b1)
    assert response.status_code == 200
    assert "You already have 3 packages waiting to be imported." in response.content.decode()
    assert "are cleared away" in response.content.decode()
    assert sorted(folder.iterdir()) == before
    # Another person's room is their own.
    client.force_login(library.moderator_b)
    assert (
        "Will be created as a draft" in upload(client, package, library.school_b1).content.decode()
    )


@pytest.mark.django_db
def test_waiting_bytes_are_capped_per_person(client, library, folder, package, settings):
    settings.INTERCHANGE_UPLOAD_BYTES_WAITING_PER_USER = len(package) + 100
    client.force_login(library.editor_b1)
    assert upload(client, package, library.school_b1).context["origin"]
    response = upload(client, package, library.school_b1)
    body = response.content.decode()
    assert "Your packages waiting to be imported already take" in body
    assert len(list(folder.glob("*.zip"))) == 1


@pytest.mark.django_db
def test_a_confirmed_upload_leaves_nothing_waiting(client, library, folder, package):
    client.force_login(library.editor_b1)
    token = upload(client, package, library.school_b1).context["origin"].token
    response = client.post(
        reverse("interchange_import_confirm"), {"token": token, "school": library.school_b1.pk}
    )
    assert response.status_code == 200
    assert list(folder.glob("*.zip")) == []
