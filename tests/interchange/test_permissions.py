"""Who may export which trust, and who may import into which school (admin screens)."""

import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from challenges.interchange.importer import exportable_challenges, may_export, may_import_into
from challenges.models import LearningChallengePage
from home.models import Role
from home.roles import role_group
from tests.conftest import PASSWORD, make_user
from tests.interchange.conftest import package_bytes


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def client_for(user):
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.fixture
def admin_a(library):
    return make_user("admin_a", role_group(library.trust_a, Role.Kind.TRUST_ADMIN))


def test_who_may_export_which_trust(library, admin_a):
    lib = library
    allowed = {
        (lib.moderator_a, lib.trust_a),
        (admin_a, lib.trust_a),
        (lib.moderator_b, lib.trust_b),
    }
    allowed |= {(lib.superuser, trust) for trust in (lib.trust_a, lib.trust_b, lib.trust_c)}
    users = [lib.editor_a1, lib.editor_b1, lib.moderator_a, lib.moderator_b, admin_a, lib.superuser]
    for user in users:
        for trust in (lib.trust_a, lib.trust_b, lib.trust_c):
            expected = (user, trust) in allowed
            assert may_export(user, trust) == expected, (user.username, trust.title)
            response = client_for(user).get(reverse("interchange_export_download", args=[trust.pk]))
            assert (response.status_code == 200) == expected, (user.username, trust.slug)
            assert expected or refused(response)
            if expected:
                with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
                    assert "manifest.json" in archive.namelist()
                    assert response["Content-Disposition"].startswith("attachment")


def test_export_screen_lists_only_own_trusts(library, admin_a):
    page = client_for(admin_a).get(reverse("interchange_export")).content.decode()
    assert "Alder Trust" in page and "Birch Trust" not in page
    assert refused(client_for(library.editor_a1).get(reverse("interchange_export")))
    anonymous = Client().get(reverse("interchange_export"))
    assert anonymous.status_code == 302 and "login" in anonymous.url


def test_who_may_import_into_which_school(library, admin_a):
    lib = library
    schools = [lib.school_a1, lib.school_a2, lib.school_b1, lib.school_c1]
    expected = {
        lib.editor_a1: {lib.school_a1},
        lib.editor_b1: {lib.school_b1},
        lib.moderator_a: {lib.school_a1, lib.school_a2},
        lib.moderator_b: {lib.school_b1},
        admin_a: set(),
        lib.superuser: set(schools),
    }
    for user, may in expected.items():
        assert {school for school in schools if may_import_into(user, school)} == may, user


def upload(client, data, school):
    return client.post(
        reverse("interchange_import"),
        {"package": io.BytesIO(data), "school": school.pk},
        format="multipart",
    )


def test_import_screens_refuse_other_schools(library):
    lib = library
    data = package_bytes(lib.trust_a, exportable_challenges(lib.trust_a))
    editor = client_for(lib.editor_b1)
    # The school list offers only the editor's own school; posting another is refused.
    form_page = editor.get(reverse("interchange_import")).content.decode()
    assert "Beech Primary" in form_page and "Cherry Primary" not in form_page
    file = io.BytesIO(data)
    file.name = "package.zip"
    response = editor.post(
        reverse("interchange_import"), {"package": file, "school": lib.school_c1.pk}
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    # A summary for Beech, then an attempt to confirm it into Cherry: refused, nothing written.
    file = io.BytesIO(data)
    file.name = "package.zip"
    summary = editor.post(
        reverse("interchange_import"), {"package": file, "school": lib.school_b1.pk}
    )
    assert "Will be created as a draft" in summary.content.decode()
    token = summary.context["origin"].token
    before = LearningChallengePage.objects.count()
    denied = editor.post(
        reverse("interchange_import_confirm"), {"token": token, "school": lib.school_c1.pk}
    )
    assert refused(denied) and LearningChallengePage.objects.count() == before
    # Someone else cannot use the editor's upload.
    other = client_for(lib.moderator_b).post(
        reverse("interchange_import_confirm"), {"token": token, "school": lib.school_b1.pk}
    )
    assert other.status_code == 404 and LearningChallengePage.objects.count() == before
    # The editor can.
    done = editor.post(
        reverse("interchange_import_confirm"), {"token": token, "school": lib.school_b1.pk}
    )
    assert done.status_code == 200 and LearningChallengePage.objects.count() == before + 2
    # A trust admin without page rights has no import screen at all.
    admin_only = make_user("admin_only", role_group(lib.trust_a, Role.Kind.TRUST_ADMIN))
    assert refused(client_for(admin_only).get(reverse("interchange_import")))


def test_a_large_package_imports_in_the_background_with_progress(library, settings):
    """Over the threshold, a task imports the package; the status screen is the starter's only."""
    lib = library
    settings.INTERCHANGE_BACKGROUND_IMPORT_AT = 1
    file = io.BytesIO(package_bytes(lib.trust_a, exportable_challenges(lib.trust_a)))
    file.name = "package.zip"
    editor = client_for(lib.editor_b1)
    summary = editor.post(
        reverse("interchange_import"), {"package": file, "school": lib.school_b1.pk}
    )
    token = summary.context["origin"].token
    response = editor.post(
        reverse("interchange_import_confirm"), {"token": token, "school": lib.school_b1.pk}
    )
    status_url = reverse("interchange_import_status", args=[token])
    assert response.status_code == 302 and response.url == status_url
    # The immediate backend (TASKS_BACKEND unset) has already run it.
    page = editor.get(status_url).content.decode()
    assert "Finished: 2 created" in page and "Public bug hotel" in page
    assert LearningChallengePage.objects.child_of(lib.school_b1).count() == 2
    assert client_for(lib.moderator_b).get(status_url).status_code == 404
