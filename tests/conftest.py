"""Shared fixtures: a small library of three trusts, their schools, users per role and challenges.

Service suites (PostgreSQL, Elasticsearch, Redis, Varnish, Chromium) run when their service is
configured and are skipped with a visible reason otherwise; with REQUIRE_SERVICES=1 a missing
service fails.
"""

import copy
import os
import shutil
import uuid
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
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
from tests.helpers import rolled_back_after_module


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


# Worlds: a fixture named on the left is built once per module (inside a transaction rolled back
# when the module ends) by the module-scoped fixture on the right, wherever no test of the module
# commits; each test then gets fresh copies of its objects. Elsewhere each test builds its own.
WORLDS = {"library": "library_world", "corpus": "corpus_world"}


def _module_commits(items):
    """Whether any test of a module runs on a transactional database (live server, browser)."""
    for item in items:
        options = getattr(item.get_closest_marker("django_db"), "kwargs", {})
        if options.get("transaction") or options.get("serialized_rollback"):
            return True
        if {"transactional_db", "live_server", "django_db_serialized_rollback"} & set(
            item.fixturenames
        ):
            return True
    return False


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Runs after every other reordering and marking (the browser folder's, pytest-django's)."""
    result = yield
    by_module = {}
    for item in items:
        by_module.setdefault(item.module, []).append(item)
    for module_items in by_module.values():
        if getattr(module_items[0].module, "LIBRARY_PER_TEST", False) or _module_commits(
            module_items
        ):
            continue
        for item in module_items:
            # Module-scoped worlds first, so that each opens before the test's own transaction.
            worlds = [world for name, world in WORLDS.items() if name in item.fixturenames]
            for world in reversed(worlds):
                item.fixturenames.insert(0, world)
    return result


class World:
    """Objects built once for a module, kept as (model, pk) and handed out fresh per test."""

    def __init__(self, lib):
        self.rows, self.values = {}, {}
        for name, value in vars(lib).items():
            if isinstance(value, models.Model):
                self.rows[name] = (type(value), value.pk)
            else:
                self.values[name] = value

    def fresh(self):
        lib = Library()
        for name, (model, pk) in self.rows.items():
            setattr(lib, name, model._default_manager.get(pk=pk))
        for name, value in self.values.items():
            setattr(lib, name, copy.deepcopy(value))
        return lib


@pytest.fixture(scope="module")
def library_world(django_db_setup, django_db_blocker):
    with rolled_back_after_module(django_db_blocker):
        yield World(build_library(served_home_page("testserver", 80)))


def served_home_page(hostname, port):
    """The home page of a Site configured for the host that serves the test (the test client's,
    or the live server's), as a deployment's Site names its public address."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.save()  # and so Wagtail's cached site root paths follow
    return HomePage.objects.get()


@pytest.fixture
def home_page(db, request):
    if "live_server" in request.fixturenames:
        address = urlsplit(request.getfixturevalue("live_server").url)
        return served_home_page(address.hostname, address.port)
    return served_home_page("testserver", 80)


@pytest.fixture
def library(db, request):
    if "library_world" in request.fixturenames:
        return request.getfixturevalue("library_world").fresh()
    return build_library(request.getfixturevalue("home_page"))


def build_library(home_page):
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
