"""Followers are told: after a check for updates (the command, its periodic task, "Check now"),
the adapting school's editors get one email per new version and see a dashboard panel; others see
and receive nothing. The trust admin can check a partner library now and sees the last result."""

import io
import socket

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from challenges.sharing.tasks import check_upstream_task
from home.models import PartnerLibrary, Role
from home.roles import role_group
from tests.challenges.test_upstream import adapt, publish_change
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed(client, library):
    library.copy = adapt(client, library.editor_b1, library.partners, library.school_b1)
    client.logout()
    publish_change(library.partners, summary="A clearer summary from Alder.")
    return library


def check_upstream():
    err = io.StringIO()
    call_command("check_upstream", stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def test_the_editors_get_one_email_per_new_version(changed):
    assert "1 email(s) sent" in check_upstream()
    (email,) = mail.outbox
    assert email.to == [changed.editor_b1.email]
    assert email.subject == "1 original you follow has changed"
    assert "“Partners canaryp pond dipping” by Ash Primary, Alder Trust is now version 2" in (
        email.body
    )
    assert f"http://testserver/admin/challenges/{changed.copy.pk}/upstream/" in email.body

    check_upstream()  # nothing new: nobody is told twice
    assert len(mail.outbox) == 1
    publish_change(changed.partners, summary="Clearer still.")
    check_upstream()
    assert len(mail.outbox) == 2 and mail.outbox[1].to == [changed.editor_b1.email]


def test_the_periodic_task_tells_them_too(changed):
    check_upstream_task.enqueue()  # the immediate backend runs it here, as `make run` does
    assert [email.to for email in mail.outbox] == [[changed.editor_b1.email]]


def test_nobody_else_is_told(changed):
    check_upstream()
    recipients = {address for email in mail.outbox for address in email.to}
    for other in (changed.editor_a1, changed.editor_c1, changed.moderator_a):
        assert other.email not in recipients


def test_the_dashboard_says_how_many_originals_changed(client, changed):
    client.force_login(changed.editor_b1)
    dashboard = client.get(reverse("wagtailadmin_home")).text
    assert "1 original you follow has changed" in dashboard
    assert reverse("challenges_upstream_index") in dashboard

    client.force_login(changed.editor_c1)
    assert "you follow ha" not in client.get(reverse("wagtailadmin_home")).text

    # Once taken (the update settled), the panel goes.
    client.force_login(changed.editor_b1)
    client.post(reverse("challenges_upstream", args=[changed.copy.pk]))
    assert "you follow ha" not in client.get(reverse("wagtailadmin_home")).text


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the probe is


def test_check_now_asks_the_library_and_shows_the_result(client, library, settings):
    port = closed_port()
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{port}"]
    saved = PartnerLibrary(
        trust=library.trust_b, label="Oak Trust", base_url=f"http://127.0.0.1:{port}/"
    )
    saved.set_token("lclp_Zq8w3Jf0s9Kx2VbN7mR4tY6uP1oLkJhGfDsA5eWq7Xc")
    saved.save()
    admin = make_user("admin_b", role_group(library.trust_b, Role.Kind.TRUST_ADMIN))
    client.force_login(admin)
    screen = client.get(reverse("trust_admin", args=[library.trust_b.pk])).text
    assert "Check Oak Trust now" in screen and "Not yet" in screen

    response = client.post(reverse("challenges_check_library", args=[saved.pk]), follow=True)
    assert "Oak Trust could not be asked" in response.text
    saved.refresh_from_db()
    assert saved.last_checked_at is not None and saved.last_problem
    assert saved.last_problem in response.text  # the row keeps the last result


def test_check_now_is_for_the_trusts_own_admins(client, library):
    saved = PartnerLibrary(
        trust=library.trust_b, label="Oak Trust", base_url="https://oak.example/"
    )
    saved.set_token("lclp_Zq8w3Jf0s9Kx2VbN7mR4tY6uP1oLkJhGfDsA5eWq7Xc")
    saved.save()
    other = make_user("admin_a", role_group(library.trust_a, Role.Kind.TRUST_ADMIN))
    for user in (other, library.editor_b1):
        client.force_login(user)
        assert client.post(reverse("challenges_check_library", args=[saved.pk])).status_code == 404
    saved.refresh_from_db()
    assert saved.last_checked_at is None
