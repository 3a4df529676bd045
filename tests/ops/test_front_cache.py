"""The front cache: the repository's VCL in the real Varnish, in front of the app, purged on change.

Varnish (started by .ci/run) forwards to 127.0.0.1:VARNISH_BACKEND_PORT, where each test serves
the app from a live server thread. Each test gives the Site a host name of its own, so objects
cached by another test or run never answer for this one.
"""

import os
import time
import uuid
from urllib.parse import quote

import pytest
import requests
from django.test import Client, override_settings
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from django_tasks_db.models import DBTaskResult
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Site

from challenges.channels.front_cache import purge_front_cache
from challenges.models import ChallengeTag, Subject, Theme
from tests.helpers import publish
from tests.ops.net import wait_for
from tests.ops.test_task_worker import DATABASE_TASKS, worker

pytestmark = [
    pytest.mark.varnish,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PURGE_SECONDS = 1.0


class Front:
    """Requests to Varnish for the test's own host."""

    def __init__(self, base, host):
        self.base = base
        self.host = host
        self.session = requests.Session()

    def get(self, path, **headers):
        return self.session.get(
            self.base + path, headers={"Host": self.host, **headers}, timeout=10,
            allow_redirects=False,
        )  # fmt: skip

    def warm(self, path):
        """Fetch twice; the second answer must come from the cache."""
        first = self.get(path)
        second = self.get(path)
        assert second.headers.get("X-Cache") == "hit", (path, first.status_code, second.headers)
        return second

    def first_change(self, path, changed, seconds=PURGE_SECONDS):
        """Seconds until `changed(response)` holds for `path` through Varnish (fails after)."""
        started = time.monotonic()
        while True:
            response = self.get(path)
            if changed(response):
                return time.monotonic() - started
            assert time.monotonic() - started < seconds, (path, response.status_code)
            time.sleep(0.05)


class ReusableAddressThread(LiveServerThread):
    """Binds with SO_REUSEADDR: the fixed port is free at once after an earlier run's."""

    def _create_server(self, connections_override=None):
        return self.server_class(
            (self.host, self.port), QuietWSGIRequestHandler,
            allow_reuse_address=True, connections_override=connections_override,
        )  # fmt: skip


@pytest.fixture(scope="module")
def backend(django_db_setup, django_db_blocker):
    """The app on Varnish's backend port, for the module (the port cannot be rebound at once)."""
    with django_db_blocker.unblock():
        server = LiveServer(f"127.0.0.1:{os.environ['VARNISH_BACKEND_PORT']}", start=False)
        server.thread.__class__ = ReusableAddressThread
        server.start()
    yield server
    server.stop()


@pytest.fixture
def front(library, backend):
    host = f"t{uuid.uuid4().hex[:12]}.test"
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = host, 80
    site.save()
    cache_settings = {
        "varnish": {
            "BACKEND": "library.front_cache.TimedHTTPBackend",
            "LOCATION": os.environ["VARNISH_URL"],
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=cache_settings):
        yield Front(os.environ["VARNISH_URL"], host)


def path_of(page):
    page.refresh_from_db()
    return page.get_url_parts()[2]


def test_a_public_page_is_a_hit_the_second_time_without_cookies(library, front):
    path = path_of(library.public)
    first = front.get(path, Cookie="csrftoken=x; _ga=y")
    second = front.get(path)
    assert first.status_code == second.status_code == 200
    assert first.headers["X-Cache"] == "miss" and second.headers["X-Cache"] == "hit"
    assert "public" in second.headers["Cache-Control"]
    assert "Set-Cookie" not in second.headers
    # A signed-in visitor may see more than the public: never served from, or into, the cache.
    signed_in = front.get(path, Cookie="sessionid=abc")
    assert signed_in.headers["X-Cache"] == "miss"
    assert front.get("/admin/login/").headers["X-Cache"] == "miss"
    assert front.get("/admin/login/").headers["X-Cache"] == "miss"


def test_a_publish_purges_every_url_that_shows_the_challenge_within_a_second(library, front):
    challenge = library.public
    page_url = f"http://{front.host}{path_of(challenge)}"
    paths = {
        "page": path_of(challenge),
        "school": path_of(library.school_a1),
        "trust": path_of(library.trust_a),
        "embed": f"/embed/challenges/{challenge.uid}/",
        "print": f"/print/challenges/{challenge.uid}/",
        "widget": "/embed/challenges.json?limit=24",
        "list": "/embed/list/?limit=12",
        "feed": "/feeds/challenges/",
        "oembed": f"/oembed/?url={quote(page_url, safe='')}&format=json",
        "api": f"/api/v2/challenges/{challenge.pk}/",
        "api list": "/api/v2/challenges/?fields=title",
        "search": "/search/?q=hotel",
        "sitemap": "/sitemap.xml",
    }
    before = {name: front.warm(path) for name, path in paths.items()}
    shows_title = {name for name, response in before.items() if "Public bug hotel" in response.text}
    assert {
        "page", "school", "embed", "print", "widget", "list", "feed", "oembed", "api", "api list",
        "search",
    } <= shows_title  # fmt: skip

    publish(challenge, title="Bug hotel for hedgehogs")
    for name, path in paths.items():
        if name in shows_title:
            front.first_change(path, lambda response: "Bug hotel for hedgehogs" in response.text)
        else:
            front.first_change(path, lambda response: response.headers["X-Cache"] == "miss")


@pytest.mark.postgres  # the worker process reads the test's database
@pytest.mark.redis  # and shares its cache
def test_with_a_task_worker_the_purge_waits_for_it_and_the_old_copy_is_served(
    library, front, settings
):
    """Purges are the worker's work (our purge task in the database queue): while no worker
    runs, Varnish keeps the old copy; once one runs, the new version is served."""
    settings.TASKS = DATABASE_TASKS
    challenge = library.public
    paths = [path_of(challenge), f"/embed/challenges/{challenge.uid}/", "/embed/challenges.json"]
    for path in paths:
        assert "Public bug hotel" in front.warm(path).text

    publish(challenge, title="Bug hotel for hedgehogs")
    purge = DBTaskResult.objects.get(task_path=purge_front_cache.module_path)
    assert purge.status == "READY"
    assert f"http://{front.host}{paths[0]}" in purge.args_kwargs["args"][0]
    waited = time.monotonic() + 2 * PURGE_SECONDS
    while time.monotonic() < waited:  # twice as long as a purge may take: nothing was sent
        for path in paths:
            response = front.get(path)
            assert response.headers["X-Cache"] == "hit" and "Public bug hotel" in response.text
        time.sleep(0.1)

    with worker(settings, front_cache=True):
        for path in paths:
            assert wait_for(lambda p=path: "Bug hotel for hedgehogs" in front.get(p).text, 30), path
    purge.refresh_from_db()
    assert purge.status == "SUCCESSFUL" and purge.worker_ids


def test_unpublish_and_delete_take_the_challenge_out_of_the_cache(library, front):
    gone = library.public
    page, embed = path_of(gone), f"/embed/challenges/{gone.uid}/"
    front.warm(page), front.warm(embed), front.warm("/embed/challenges.json")
    gone.specific.unpublish()
    front.first_change(page, lambda response: response.status_code == 404)
    front.first_change(embed, lambda response: response.status_code == 404)
    front.first_change("/embed/challenges.json", lambda r: "Public bug hotel" not in r.text)

    other = publish(library.partners, visibility="public")
    page = path_of(other)
    assert front.warm(page).status_code == 200
    other.delete()
    front.first_change(page, lambda response: response.status_code == 404)


def test_a_move_purges_the_old_and_new_places(library, front):
    challenge = library.public
    old_page = path_of(challenge)
    embed = f"/embed/challenges/{challenge.uid}/"
    front.warm(old_page), front.warm(embed), front.warm(path_of(library.school_a2))
    assert "Ash Primary" in front.get(embed).text
    challenge.specific.move(library.school_a2, pos="last-child")
    # The old address now redirects (Wagtail's automatic redirect) or is gone.
    front.first_change(old_page, lambda response: response.status_code in (301, 302, 404))
    front.first_change(embed, lambda response: "Aspen Primary" in response.text)
    front.first_change(path_of(library.school_a2), lambda r: "Public bug hotel" in r.text)


def test_school_trust_and_image_changes_reach_the_cached_challenge(library, front, image_factory):
    challenge = library.public
    page, embed = path_of(challenge), f"/embed/challenges/{challenge.uid}/"
    front.warm(page), front.warm(embed)
    publish(library.school_a1, title="Ash Tree Primary")
    front.first_change(page, lambda response: "Ash Tree Primary" in response.text)
    front.first_change(embed, lambda response: "Ash Tree Primary" in response.text)

    front.warm(page)
    publish(library.trust_a, title="Alder Learning Trust")
    front.first_change(page, lambda response: "Alder Learning Trust" in response.text)

    image = image_factory()
    publish(challenge, hero_image=image, hero_image_alt="A stack of logs")
    front.warm(page)
    image.credit = "Photo: Year 4 at Ash"
    image.save()
    front.first_change(page, lambda response: "Photo: Year 4 at Ash" in response.text)


def test_renaming_or_deleting_a_subject_theme_or_tag_reaches_the_cached_challenge(library, front):
    """Taxonomy names label every live challenge that uses them: a change in the admin purges."""
    challenge = library.public.specific  # science (the factory's subject)
    challenge.themes.set(Theme.objects.filter(slug="outdoors"))
    challenge.tags.set(["minibeasts"])
    challenge.save_revision().publish()
    page, api = path_of(challenge), f"/api/v2/challenges/{challenge.pk}/"
    search = "/search/?format=json"
    admin = Client()
    admin.force_login(library.superuser)

    assert "<dt>Subjects</dt><dd>Science</dd>" in front.warm(page).text
    science = Subject.objects.get(slug="science")
    response = admin.post(
        f"/admin/snippets/challenges/subject/edit/{science.pk}/",
        {"name": "Science and nature", "slug": "science", "description": "", "group": "curriculum"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    front.first_change(page, lambda response: "<dd>Science and nature</dd>" in response.text)

    assert "<dd>Outdoors</dd>" in front.warm(page).text
    outdoors = Theme.objects.get(slug="outdoors")
    response = admin.post(f"/admin/snippets/challenges/theme/delete/{outdoors.pk}/")
    assert response.status_code == 302 and not Theme.objects.filter(slug="outdoors").exists()
    front.first_change(page, lambda response: "<dt>Themes</dt>" not in response.text)

    assert front.warm(api).json()["tag_names"] == ["minibeasts"]
    assert "minibeasts" in front.warm(search).text
    tag = ChallengeTag.tag_model().objects.get(name="minibeasts")
    inline = "taggit_taggeditem_items"  # the change form's inline (our pages' tags are not in it)
    response = admin.post(
        f"/django-admin/taggit/tag/{tag.pk}/change/",
        {"name": "Minibeasts and bugs", "slug": "minibeasts", f"{inline}-TOTAL_FORMS": 0,
         f"{inline}-INITIAL_FORMS": 0},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    front.first_change(api, lambda response: "Minibeasts and bugs" in response.json()["tag_names"])
    front.first_change(search, lambda response: "Minibeasts and bugs" in response.text)
