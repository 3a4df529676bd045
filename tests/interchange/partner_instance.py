"""The second instance of the two-instance tests: a server process on loopback with its own
SQLite database and media folder, seeded through its own manage.py (SEED: Oak, Pine and Elm trusts,
Oak partnered with Pine, one challenge per visibility with a canary word in each title)."""

import fcntl
import hashlib
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from importlib.metadata import version
from pathlib import Path

from tests.helpers import free_port

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
# Two more public challenges beside the rain gauge and leaf rubbing, for pulls over several pages.
MORE_PUBLIC = """
from home.models import SchoolPage
from tests.factories import make_challenge
acorn = SchoolPage.objects.get(slug="acorn")
make_challenge(acorn, "Oak public sun dial", "public")
make_challenge(acorn, "Oak public weather vane", "public")
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

# The partner's translators: its rain gauge published in Polish and Urdu, its school-only
# challenge in Polish (a translation that must stay as hidden as its original).
TRANSLATE = """
from challenges.languages.translating import translate
from challenges.models import LearningChallengePage
gauge = LearningChallengePage.objects.get(title="Oak public rain gauge")
translate(gauge, "pl", {{"Oak public rain gauge": "{polish}",
                        "Keep the gauge away from the road.": "{polish_safety}"}})
translate(gauge, "ur", {{"Oak public rain gauge": "{urdu}"}})
assembly = LearningChallengePage.objects.get(title="Oak school canarys assembly")
translate(assembly, "pl", {{"Oak school canarys assembly": "Apel canarys"}})
"""
TRANSLATED = {
    "polish": "Deszczomierz dębowej szkoły",
    "polish_safety": "Trzymaj deszczomierz z dala od drogi.",
    "urdu": "بارش ناپنے کا آلہ",
}


def _migrations_digest():
    """Names this checkout's migrations and the framework versions whose migrations run too."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    for package in ("django", "wagtail", "wagtail-localize"):
        digest.update(version(package).encode())
    return digest.hexdigest()[:16]


def migrated_database(target):
    """Write at `target` a SQLite database with every migration applied. A migrate costs 15 to
    25 s, so it runs once per test run (xdist workers wait on a lock) and each instance gets a
    copy, through SQLite's backup so that no write-ahead log is left behind."""
    template = Path(tempfile.gettempdir()) / f"lcl-migrated-{_migrations_digest()}.sqlite3"
    with open(f"{template}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            building = template.with_suffix(".building")
            building.unlink(missing_ok=True)
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "library.settings.test",
                "DATABASE_URL": f"sqlite:///{building}",
                "ELASTICSEARCH_URL": "",
            }
            done = subprocess.run(
                [sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env,
                timeout=300, capture_output=True, text=True,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr[-2000:]
            # Copied (through any write-ahead log the migrate left), then renamed: the template
            # is whole or absent, should a run be killed meanwhile.
            copying = template.with_suffix(".copying")
            _copy_database(building, copying)
            copying.replace(template)
            for leftover in building.parent.glob(f"{building.name}*"):
                leftover.unlink()
    _copy_database(template, target)


def _copy_database(source, target):
    origin, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        origin.close()
        copy.close()


class Partner:
    """The second instance: its environment, its manage.py, its server process."""

    def __init__(self, folder, rate_limit):
        self.database = folder / "partner.sqlite3"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "library.settings.test",
            "DATABASE_URL": f"sqlite:///{self.database}",
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

    def migrate(self):
        migrated_database(self.database)

    def seed(self):
        """Its database migrated and filled with SEED."""
        self.migrate()
        self.manage("shell", "-c", SEED.format(port=self.port))

    def new_token(self):
        """A new token for Pine to read Oak (each test its own, so rate limits stay apart)."""
        return self.manage("partner_token", "create", "--trust", "oak", "--partner", "pine")
