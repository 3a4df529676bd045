"""Fast public paths: warm anonymous responses cost no SQL, and every change reaches each of them.

The render cache's entries are keyed by the publication stamp, kept in the shared cache (Redis),
so these tests need REDIS_URL: with local memory each process reads the stamp from the database.
"""

from urllib.parse import quote

import pytest
from django.test import Client

from challenges.embed_stats.counter import pending_embed_views
from tests.helpers import publish

pytestmark = [pytest.mark.redis, pytest.mark.django_db]

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"


def paths(library):
    challenge = library.public
    page_url = "http://testserver" + challenge.url
    return {
        "home": "/",
        "trust": library.trust_a.url,
        "school": library.school_a1.url,
        "page": challenge.url,
        "embed": f"/embed/challenges/{challenge.uid}/",
        "widget": "/embed/challenges.json?limit=24",
        "list": "/embed/list/?limit=12",
        "feed": "/feeds/challenges/",
        "oembed": f"/oembed/?url={quote(page_url, safe='')}&format=json",
        "api": f"/api/v2/challenges/{challenge.pk}/",
    }


def get(client, path):
    return client.get(path, HTTP_USER_AGENT=BROWSER, HTTP_REFERER="https://www.ash.example/")


def test_warm_public_paths_cost_no_sql(library, django_assert_num_queries):
    client = Client()
    for name, path in paths(library).items():
        cold = get(client, path)
        assert cold.status_code == 200, name
        with django_assert_num_queries(0):
            warm = get(client, path)
        assert warm.status_code == 200 and warm.content == cold.content, name
        assert "Set-Cookie" not in warm.headers, name


def test_a_warm_embed_is_still_counted(library):
    client = Client()
    path = paths(library)["embed"]
    for _ in range(3):
        assert get(client, path).status_code == 200
    counted = {
        site: views for (challenge_id, site, _day), views in pending_embed_views().items()
        if challenge_id == library.public.pk
    }  # fmt: skip
    assert counted == {"www.ash.example": 3}


def test_a_warm_path_answers_conditional_requests(library):
    client = Client()
    path = paths(library)["widget"]
    get(client, path)
    etag = get(client, path)["ETag"]
    assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_signed_in_visitors_never_get_the_anonymous_copy(library):
    anonymous, teacher = Client(), Client()
    teacher.force_login(library.editor_a1)
    path = library.trust_only.url
    assert get(anonymous, path).status_code == 404
    assert get(anonymous, path).status_code == 404
    assert get(teacher, path).status_code == 200


def warm_all(client, library):
    every = paths(library)
    for path in every.values():
        get(client, path), get(client, path)
    return every


def test_a_publish_reaches_every_path(library):
    client = Client()
    every = warm_all(client, library)
    publish(library.public, title="Hedgehog hotel")
    for name, path in every.items():
        if name in ("trust", "home"):
            continue  # these list trusts and schools, not challenge titles
        assert "Hedgehog hotel" in get(client, path).content.decode(), name


def test_unpublish_and_delete_reach_every_path(library):
    client = Client()
    every = warm_all(client, library)
    library.public.specific.unpublish()
    for name in ("page", "embed", "api"):
        assert get(client, every[name]).status_code == 404, name
    for name in ("school", "widget", "list", "feed"):
        assert "Public bug hotel" not in get(client, every[name]).content.decode(), name

    other = publish(library.partners, visibility="public", title="Pond dipping for all")
    school = get(client, every["school"])
    assert "Pond dipping for all" in school.content.decode()
    url = other.url
    get(client, url)
    other.delete()
    assert get(client, url).status_code == 404
    assert "Pond dipping for all" not in get(client, every["school"]).content.decode()


def test_move_school_trust_and_image_changes_reach_every_path(library, image_factory):
    client = Client()
    every = warm_all(client, library)
    challenge = library.public
    publish(library.school_a1, title="Ash Tree Primary")
    for name in ("page", "embed", "school"):
        assert "Ash Tree Primary" in get(client, every[name]).content.decode(), name
    publish(library.trust_a, title="Alder Learning Trust")
    for name in ("page", "trust", "home"):
        assert "Alder Learning Trust" in get(client, every[name]).content.decode(), name

    image = image_factory()
    publish(challenge, hero_image=image, hero_image_alt="A stack of logs")
    get(client, every["page"])
    image.credit = "Photo: Year 4 at Ash"
    image.save()
    assert "Photo: Year 4 at Ash" in get(client, every["page"]).content.decode()

    challenge.specific.move(library.school_a2, pos="last-child")
    assert "Aspen Primary" in get(client, every["embed"]).content.decode()
    assert get(client, every["page"]).status_code in (301, 302, 404)
    assert "Public bug hotel" in get(client, library.school_a2.url).content.decode()
