"""Two real instances: a second server process on loopback, with its own SQLite database and
media folder, seeded through its own manage.py; this instance (the test database) pulls from it
over HTTP with a partner token. Scope, revocation and rate limit are the partner's, seen here as
a teacher sees them: in the command's words."""

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from challenges.models import LearningChallengePage
from challenges.sharing.upstream import diff

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]
SEED = """
from wagtail.models import Site
from home.models import HomePage, Partnership
from tests.factories import SchoolPageFactory, TrustPageFactory, make_challenge
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = "127.0.0.1", {port}
site.save()
home = HomePage.objects.get()
oak = TrustPageFactory(parent=home, title="Oak Trust", slug="oak")
pine = TrustPageFactory(parent=home, title="Pine Trust", slug="pine")
elm = TrustPageFactory(parent=home, title="Elm Trust", slug="elm")
acorn = SchoolPageFactory(parent=oak, title="Acorn Primary", slug="acorn")
cone = SchoolPageFactory(parent=pine, title="Cone Primary", slug="cone")
elder = SchoolPageFactory(parent=elm, title="Elder Primary", slug="elder")
Partnership.objects.create(requester=oak, partner=pine, status=Partnership.Status.ACCEPTED)
make_challenge(acorn, "Oak public rain gauge", "public",
               safety_notes="<p>Keep the gauge away from the road.</p>")
make_challenge(acorn, "Oak partners leaf rubbing", "partners")
make_challenge(acorn, "Oak trust canaryt budgets", "trust")
make_challenge(acorn, "Oak school canarys assembly", "school")
make_challenge(acorn, "Oak draft canaryd clouds", "public", publish=False)
make_challenge(cone, "Pine public canaryp pinecones", "public")
make_challenge(elder, "Elm public canarye bark", "public")
"""
REPUBLISH = """
from challenges.models import LearningChallengePage
from challenges.sharing.upstream import diff
page = LearningChallengePage.objects.get(title="Oak public rain gauge")
draft = page.get_latest_revision_as_object()
draft.safety_notes = "<p>Keep the gauge away from the road and empty it after storms.</p>"
draft.save_revision().publish()
print(LearningChallengePage.objects.get(pk=page.pk).version)
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Partner:
    """The second instance: its environment, its manage.py, its server process."""

    def __init__(self, folder, rate_limit):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "library.settings.test",
            "DATABASE_URL": f"sqlite:///{folder / 'partner.sqlite3'}",
            "MEDIA_ROOT": str(folder / "media"),
            "CACHE_KEY_PREFIX": f"partner-{uuid.uuid4().hex[:12]}",
            "PARTNER_TOKEN_RATE_LIMIT": str(rate_limit),
            "PARTNER_TOKEN_RATE_WINDOW": "600",
            "ELASTICSEARCH_URL": "",
        }
        self.process = None

    def manage(self, *args, timeout=90):
        done = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, timeout=timeout,
            capture_output=True, text=True,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout.strip()

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks",
             f"127.0.0.1:{self.port}"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/api/interchange/v1/challenges/", timeout=1)
            except urllib.error.HTTPError:
                return  # it answers (401 without a token)
            except OSError:
                time.sleep(0.2)
        raise AssertionError("The partner server did not start within 30 seconds.")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def partner(tmp_path, settings):
    partner = Partner(tmp_path, rate_limit=40)
    partner.manage("migrate", "--noinput", timeout=120)
    partner.manage("shell", "-c", SEED.format(port=partner.port))
    partner.token = partner.manage("partner_token", "create", "--trust", "oak", "--partner", "pine")
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]
    try:
        partner.start()
        yield partner
    finally:
        partner.stop()


def pull(partner, *args):
    cache.clear()
    out = io.StringIO()
    call_command("import_challenges", partner.url, "--token", partner.token, "--into", "beech",
                 *args, stdout=out)  # fmt: skip
    return out.getvalue()


def imported():
    return LearningChallengePage.objects.filter(adapted_from__isnull=False).order_by("title")


def test_pull_from_another_instance(partner, library, client):
    # Scope: only the issuing trust's public and partner challenges travel.
    out = pull(partner, "--follow")
    assert [page.title for page in imported()] == [
        "Oak partners leaf rubbing", "Oak public rain gauge",
    ]  # fmt: skip
    for canary in ("canaryt", "canarys", "canaryd", "canaryp", "canarye"):
        assert canary not in out
    gauge = imported().get(title="Oak public rain gauge")
    assert gauge.adapted_from["source"] == partner.url + "/"
    assert not gauge.live and gauge.get_parent().slug == "beech"

    # Upstream: we edit our copy; the partner improves the original and republishes it.
    draft = gauge.get_latest_revision_as_object()
    draft.summary = "Our own words for Beech families."
    draft.save_revision()
    version = int(partner.manage("shell", "-c", REPUBLISH).splitlines()[-1])
    assert version > gauge.adapted_from["version"]
    cache.clear()
    out, err = io.StringIO(), io.StringIO()
    call_command("check_upstream", "--partner", partner.url, "--token", partner.token,
                 stdout=out, stderr=err)  # fmt: skip
    assert f"“Oak public rain gauge” (Beech Primary): original v{version - 1} → v{version}" in (
        out.getvalue()
    )
    assert "Safety notes" in out.getvalue() and "Summary" not in out.getvalue()
    gauge = LearningChallengePage.objects.get(pk=gauge.pk)
    states = {change.name: change.state for change in diff(gauge)}
    assert states["safety_notes"] == "theirs" and states["summary"] == "ours"
    # The adapter sees it in the admin, with the diff, and pulls into a new draft there.
    client.force_login(library.editor_b1)
    assert "Oak public rain gauge" in client.get(reverse("challenges_upstream_index")).text
    shown = client.get(reverse("challenges_upstream", args=[gauge.pk])).text
    assert "Safety notes" in shown and "empty it after storms" in shown
    assert client.post(reverse("challenges_upstream", args=[gauge.pk])).status_code == 302
    pulled = LearningChallengePage.objects.get(pk=gauge.pk).get_latest_revision_as_object()
    assert pulled.safety_notes == (
        "<p>Keep the gauge away from the road and empty it after storms.</p>"
    )
    assert pulled.summary == "Our own words for Beech families."
    assert not LearningChallengePage.objects.get(pk=gauge.pk).live
    assert LearningChallengePage.objects.get(pk=gauge.pk).adapted_from["version"] == version

    # Revocation on the partner: the next pull is refused, and nothing is written here.
    listed = partner.manage("partner_token", "list")
    token_id = listed.split("\t", 1)[0]
    partner.manage("partner_token", "revoke", token_id)
    with pytest.raises(CommandError, match="refused the token"):
        pull(partner, "--dry-run")
    assert imported().count() == 2


def test_rate_limit_of_the_other_instance(tmp_path, library, settings):
    partner = Partner(tmp_path, rate_limit=2)
    partner.manage("migrate", "--noinput", timeout=120)
    partner.manage("shell", "-c", SEED.format(port=partner.port))
    partner.token = partner.manage("partner_token", "create", "--trust", "oak", "--partner", "pine")
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]
    try:
        partner.start()
        with pytest.raises(CommandError, match="slow down"):
            pull(partner)
    finally:
        partner.stop()
    assert not imported().exists()
