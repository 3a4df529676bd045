"""Public responses stay public: no cookies whatever the request brings, absolute URLs from the
Site whatever Host it names, and bad input answered with a 400 that says why."""

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.models import Site

from challenges.models import ChallengeDocument
from tests.factories import make_challenge

JUNK_COOKIES = {
    "junk session": "sessionid=junk",
    "malformed csrf": "csrftoken=not!a!token",
    "both": "sessionid=junk; csrftoken=short",
}


def public_urls(library):
    uid = library.public.uid
    return [
        library.public.url,  # a page for anonymous visitors
        "/",
        "/alder/ash/",
        "/search/?q=bug",
        f"/embed/challenges/{uid}/",
        "/embed/challenges.json",
        "/embed/list/",
        "/oembed/?url=http%3A%2F%2Ftestserver%2Falder%2Fash%2Fpublic-bug-hotel%2F",
        "/feeds/challenges/",
        "/api/v2/challenges/",
        f"/api/v2/challenges/{library.public.pk}/",
        "/sitemap.xml",
        f"/print/challenges/{uid}/",
    ]


@pytest.mark.parametrize("cookies", sorted(JUNK_COOKIES))
def test_no_public_response_sets_a_cookie_or_varies_on_cookies(library, cookies):
    client = Client(HTTP_COOKIE=JUNK_COOKIES[cookies])
    for url in public_urls(library):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Set-Cookie" not in response.serialize_headers().decode(), url
        assert not response.cookies, (url, response.cookies)
        assert "cookie" not in response.get("Vary", "").lower(), (url, response["Vary"])


def test_signed_in_teachers_still_get_their_session(library, teacher_client):
    response = teacher_client.get(library.school_only.url)
    assert response.status_code == 200
    assert "cookie" in response.get("Vary", "").lower()  # a teacher's page is theirs alone
    assert teacher_client.get("/admin/").status_code == 200


def test_admin_login_still_sets_its_csrf_cookie(db):
    response = Client(HTTP_COOKIE="csrftoken=short").get("/admin/login/")
    assert response.status_code == 200
    assert "csrftoken" in response.cookies


# Host -----------------------------------------------------------------------------------------


def test_a_forged_host_port_never_reaches_a_cached_embed(library):
    cache.clear()
    url = f"/embed/challenges/{library.public.uid}/"
    forged = Client(HTTP_HOST="testserver:6666").get(url)
    assert forged.status_code == 200
    assert ":6666" not in forged.content.decode()
    later = Client().get(url).content.decode()
    assert ":6666" not in later
    assert 'href="http://testserver/alder/ash/public-bug-hotel/"' in later


@pytest.mark.parametrize(
    "url",
    [
        "/embed/challenges.json",
        "/embed/list/",
        "/feeds/challenges/",
        "/oembed/?url=http%3A%2F%2Ftestserver%2Falder%2Fash%2Fpublic-bug-hotel%2F",
        "/sitemap.xml",
        "/api/v2/challenges/?fields=_,detail_url",
    ],
)
def test_absolute_urls_come_from_the_site_not_the_host_header(library, url):
    body = Client(HTTP_HOST="evil.example:6666").get(url).content.decode()
    assert "evil.example" not in body and ":6666" not in body
    assert "http://testserver/" in body


def test_json_ld_and_lineage_name_the_configured_site(library):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", 8000
    site.save()  # as `manage.py set_site 127.0.0.1 8000` (make run) does
    body = Client(HTTP_HOST="127.0.0.1:8000").get(library.public.url).content.decode()
    assert '"url": "http://127.0.0.1:8000/alder/ash/public-bug-hotel/"' in body
    copy = library.public.copy(to=library.school_a2, update_attrs={"slug": "bug-hotel-2"})
    assert copy.adapted_from["url"] == "http://127.0.0.1:8000/alder/ash/public-bug-hotel/"


# Bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v2/challenges/?search=%22", "search needs at least one word"),
        ("/api/v2/challenges/?search_operator=xx&search=a", "search_operator must be"),
        ("/oembed/?url=http://%5B::1/", "not a valid web address"),
    ],
)
def test_bad_input_is_a_400_that_says_why(library, url, message):
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_api_search_still_finds_words(library):
    response = Client().get('/api/v2/challenges/?search="bug hotel"&search_operator=and')
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Public bug hotel"]


# Framing and content security on the remaining routes ----------------------------------------


def test_print_api_and_feed_refuse_framing_with_a_strict_policy(library):
    for url in (
        f"/print/challenges/{library.public.uid}/",
        "/api/v2/challenges/",
        f"/api/v2/challenges/{library.public.pk}/",
        "/feeds/challenges/",
    ):
        response = Client().get(url)
        assert response.status_code == 200, url
        assert response["X-Frame-Options"] == "DENY", url
        policy = response["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in policy, url
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, url


def test_documents_refuse_framing_and_run_nothing(library):
    document = ChallengeDocument(title="Sheet", credit="Mrs K.")
    document.file = ContentFile(b"Count the legs.", name="sheet.txt")
    document.save()
    activity = {"title": "Print it", "age_band": "all", "needs_screen": False,
                "body": "<p>Print.</p>", "document": document}  # fmt: skip
    make_challenge(library.school_a1, "Legs to count", activities=[("activity", activity)])
    response = Client().get(document.url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
