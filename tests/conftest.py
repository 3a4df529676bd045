"""Shared fixtures: a small library of three trusts, their schools, users per role and challenges.

Service suites (PostgreSQL, Elasticsearch, Redis, Varnish, Chromium) run when their service is
configured and are skipped with a visible reason otherwise; with REQUIRE_SERVICES=1 a missing
service fails.
"""

import os
import shutil
import uuid
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from wagtail.models import Site

from challenges.embed_stats.counter import discard_buffered_views
from home.models import HomePage, Partnership, Role
from home.roles import role_group
from tests.factories import (
    PASSWORD,
    ChallengeImageFactory,
    SchoolPageFactory,
    TrustPageFactory,
    make_challenge,
    make_user,
)


def chromium_path():
    return os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def service_unavailable(marker_name):
    """Why a service suite cannot run here, or None when it can."""
    if marker_name == "postgres":
        if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
            return "PostgreSQL suite skipped: DATABASE_URL is not a PostgreSQL URL"
    elif marker_name == "elasticsearch":
        if not os.environ.get("ELASTICSEARCH_URL"):
            return "Elasticsearch suite skipped: ELASTICSEARCH_URL is not set"
    elif marker_name == "redis":
        if not os.environ.get("REDIS_URL"):
            return "Redis suite skipped: REDIS_URL is not set"
    elif marker_name == "varnish":
        if not os.environ.get("VARNISH_URL"):
            return "Front-cache suite skipped: VARNISH_URL is not set"
        if not os.environ.get("VARNISH_BACKEND_PORT"):
            return "Front-cache suite skipped: VARNISH_BACKEND_PORT (Varnish's backend) is not set"
    elif marker_name == "browser":
        if not (os.path.isfile(chromium_path()) and os.access(chromium_path(), os.X_OK)):
            return f"Browser suite skipped: no Chromium at {chromium_path()} (set CHROMIUM_PATH)"
        if shutil.which("node") is None and not os.path.exists("node_modules/axe-core/axe.min.js"):
            return "Browser suite skipped: axe-core is not installed (run make test with npm)"
    return None


def pytest_runtest_setup(item):
    for marker_name in ("postgres", "elasticsearch", "redis", "varnish", "browser"):
        if item.get_closest_marker(marker_name):
            reason = service_unavailable(marker_name)
            if reason:
                if os.environ.get("REQUIRE_SERVICES") == "1":
                    pytest.fail(f"REQUIRE_SERVICES=1 but {reason}", pytrace=False)
                pytest.skip(reason)


@pytest.fixture(autouse=True)
def _cache_of_its_own(settings):
    """Each test its own cache namespace: page ids and the publication stamp repeat across
    rolled-back tests, so a render or count kept by one test must never answer another."""
    default = dict(settings.CACHES["default"])
    if "KEY_PREFIX" in default:  # Redis, shared by the whole run and other runs
        default["KEY_PREFIX"] = f"{default['KEY_PREFIX']}-{uuid.uuid4().hex[:8]}"
    else:
        default["LOCATION"] = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {**settings.CACHES, "default": default}
    discard_buffered_views()  # embed views counted in this process go to this test's cache only
    yield
    discard_buffered_views()


class Library:
    """Trust A (schools A1, A2) partnered with trust B (school B1); trust C (school C1) is not."""


@pytest.fixture
def home_page(db, request):
    """The home page of a Site configured for the host that serves the test (the test client's,
    or the live server's), as a deployment's Site names its public address."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "testserver", 80
    if "live_server" in request.fixturenames:
        address = urlsplit(request.getfixturevalue("live_server").url)
        site.hostname, site.port = address.hostname, address.port
    site.save()  # and so Wagtail's cached site root paths follow
    return HomePage.objects.get()


@pytest.fixture
def library(home_page):
    lib = Library()
    lib.home = home_page
    lib.trust_a = TrustPageFactory(parent=home_page, title="Alder Trust", slug="alder")
    lib.trust_b = TrustPageFactory(parent=home_page, title="Birch Trust", slug="birch")
    lib.trust_c = TrustPageFactory(parent=home_page, title="Cedar Trust", slug="cedar")
    lib.school_a1 = SchoolPageFactory(parent=lib.trust_a, title="Ash Primary", slug="ash")
    lib.school_a2 = SchoolPageFactory(parent=lib.trust_a, title="Aspen Primary", slug="aspen")
    lib.school_b1 = SchoolPageFactory(parent=lib.trust_b, title="Beech Primary", slug="beech")
    lib.school_c1 = SchoolPageFactory(parent=lib.trust_c, title="Cherry Primary", slug="cherry")
    Partnership.objects.create(
        requester=lib.trust_a, partner=lib.trust_b, status=Partnership.Status.ACCEPTED
    )

    lib.editor_a1 = make_user("editor_a1", role_group(lib.school_a1, Role.Kind.SCHOOL_EDITOR))
    lib.editor_a2 = make_user("editor_a2", role_group(lib.school_a2, Role.Kind.SCHOOL_EDITOR))
    lib.editor_b1 = make_user("editor_b1", role_group(lib.school_b1, Role.Kind.SCHOOL_EDITOR))
    lib.editor_c1 = make_user("editor_c1", role_group(lib.school_c1, Role.Kind.SCHOOL_EDITOR))
    lib.moderator_a = make_user("moderator_a", role_group(lib.trust_a, Role.Kind.TRUST_MODERATOR))
    lib.moderator_b = make_user("moderator_b", role_group(lib.trust_b, Role.Kind.TRUST_MODERATOR))
    lib.superuser = User.objects.create_superuser("root", "root@example.org", PASSWORD)

    # One published challenge in school A1 per visibility level, with a canary word in each title.
    lib.public = make_challenge(lib.school_a1, "Public bug hotel", "public")
    lib.partners = make_challenge(lib.school_a1, "Partners canaryp pond dipping", "partners")
    lib.trust_only = make_challenge(lib.school_a1, "Trust canaryt fractions", "trust")
    lib.school_only = make_challenge(lib.school_a1, "School canarys kindness week", "school")
    lib.draft = make_challenge(lib.school_a1, "Draft canaryd shadows", "public", publish=False)
    return lib


@pytest.fixture
def image_factory(db):
    """Creates ChallengeImages from small generated PNGs."""
    return ChallengeImageFactory
