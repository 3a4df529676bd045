"""A warm anonymous response comes from the render cache in front of every other middleware: it
carries exactly the headers the full path gives (framing, CSP, CORS, security), its length, and
never a cookie; conditional requests still get a 304."""

import pytest
from django.test import Client

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"
SCHOOL = "https://www.ash-primary.example/"


def get(client, path, **headers):
    return client.get(path, HTTP_USER_AGENT=BROWSER, HTTP_REFERER=SCHOOL, **headers)


def headers(response):
    return {name: value for name, value in response.items() if name != "Date"}


@pytest.fixture
def embed_path(library):
    return f"/embed/challenges/{library.public.uid}/"


def test_a_warm_embed_is_the_cold_one_and_costs_at_most_the_stamp(
    library, embed_path, django_assert_max_num_queries
):
    client = Client()
    cold = get(client, embed_path)
    with django_assert_max_num_queries(1):  # the stamp, read from the database without Redis
        warm = get(client, embed_path)
    assert warm.status_code == cold.status_code == 200
    assert warm.content == cold.content
    assert headers(warm) == headers(cold)
    assert warm["Content-Length"] == str(len(warm.content))
    assert "frame-ancestors *" in warm["Content-Security-Policy"]  # school websites frame it
    assert "X-Frame-Options" not in warm


def test_a_warm_page_still_refuses_framing(library):
    client = Client()
    cold = get(client, library.public.url)
    warm = get(client, library.public.url)
    assert headers(warm) == headers(cold)
    assert warm["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in warm["Content-Security-Policy"]


def test_cors_headers_follow_the_request_not_the_first_visitor(library, embed_path):
    client = Client()
    for _ in range(2):
        from_a_site = get(client, embed_path, HTTP_ORIGIN="https://www.ash-primary.example")
        assert from_a_site["Access-Control-Allow-Origin"] == "*"
        direct = get(client, embed_path)
        assert "Access-Control-Allow-Origin" not in direct


def test_a_warm_response_answers_if_none_match_with_a_304_and_its_headers(library, embed_path):
    client = Client()
    get(client, embed_path)
    etag = get(client, embed_path)["ETag"]
    not_modified = get(client, embed_path, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert "frame-ancestors *" in not_modified["Content-Security-Policy"]


@pytest.mark.parametrize("cookie", ["csrftoken=not!a!token", "messages=junk", "other=1"])
def test_a_warm_response_sets_no_cookie_whatever_the_request_brings(library, embed_path, cookie):
    for path in (embed_path, library.public.url, "/"):
        get(Client(), path)
        warm = get(Client(HTTP_COOKIE=cookie), path)
        assert warm.status_code == 200, path
        assert not warm.cookies, (path, warm.cookies)
        assert "cookie" not in warm.get("Vary", "").lower(), path
