"""Widget JSON, the list page, the Atom feed and the API: filters, caching, CORS and framing."""

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

ATOM = "{http://www.w3.org/2005/Atom}"


# Widget JSON and the plain list ----------------------------------------


def test_widget_json_lists_public_cards_with_the_search_filters(library, science):
    data = Client().get("/embed/challenges.json", {"subject": "science", "key_stage": "KS1"}).json()
    assert [card["title"] for card in data["results"]] == ["Kitchen science: rainbow milk"]
    card = data["results"][0]
    assert card["url"] == "http://testserver/birch/beech/kitchen-science-rainbow-milk/"
    assert card["embed_url"] == f"http://testserver/embed/challenges/{science.uid}/"
    assert card["school"] == "Beech Primary" and card["key_stages"] == ["KS1"]


def test_widget_limit_is_validated(library):
    assert len(Client().get("/embed/challenges.json", {"limit": "1"}).json()["results"]) == 1
    for bad in ("0", "25", "many"):
        response = Client().get("/embed/challenges.json", {"limit": bad})
        assert response.status_code == 400
        assert "limit must be a whole number from 1 to 24" in response.json()["errors"]["limit"]


def test_widget_rejects_bad_filters_in_words(library):
    response = Client().get("/embed/challenges.json", {"key_stage": "KS9"})
    assert response.status_code == 400
    assert "KS9 is not one of the available choices" in response.json()["errors"]["key_stage"]


def test_plain_list_page_for_platforms_that_strip_scripts(library, science):
    response = Client().get("/embed/list/", {"subject": "science"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Kitchen science: rainbow milk" in body and "Public bug hotel" in body
    assert "X-Frame-Options" not in response


# Atom feed ----------------------------------------


def parse_feed(**params):
    response = Client().get("/feeds/challenges/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_feed_is_valid_atom(library, science):
    feed = parse_feed()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "link"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    entries = feed.findall(f"{ATOM}entry")
    assert {e.find(f"{ATOM}title").text for e in entries} == {
        "Public bug hotel",
        "Kitchen science: rainbow milk",
    }
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("urn:uuid:")
        assert entry.find(f"{ATOM}updated").text
        assert entry.find(f"{ATOM}author/{ATOM}name").text in {"Ash Primary", "Beech Primary"}
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/")


def test_feed_takes_the_search_filters(library, science):
    entries = parse_feed(subject="science", key_stage="KS1").findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Kitchen science: rainbow milk"]
    assert Client().get("/feeds/challenges/", {"cost": "expensive"}).status_code == 400


# API v2 ----------------------------------------


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"subject": "science"}, {"Public bug hotel", "Kitchen science: rainbow milk"}),
        ({"key_stage": "KS1"}, {"Kitchen science: rainbow milk"}),
        ({"trust": "alder"}, {"Public bug hotel"}),
        ({"subject": "science", "key_stage": "KS2"}, {"Public bug hotel"}),
        ({"tag": "nothing"}, set()),
    ],
)
def test_api_filters(library, science, params, expected):
    response = Client().get("/api/v2/challenges/", params)
    assert response.status_code == 200
    assert {item["title"] for item in response.json()["items"]} == expected


def test_api_filter_errors_are_explained(library):
    response = Client().get("/api/v2/challenges/", {"key_stage": "KS9"})
    assert response.status_code == 400
    assert "key_stage" in response.json()["message"]


# Caching ----------------------------------------


def channel_urls(library):
    return [
        f"/embed/challenges/{library.public.uid}/",
        "/embed/challenges.json?subject=science",
        "/embed/list/?subject=science",
        "/feeds/challenges/",
        "/oembed/?url=http%3A%2F%2Ftestserver%2Falder%2Fash%2Fpublic-bug-hotel%2F",
    ]


def test_channels_are_cacheable_and_answer_conditional_gets_with_304(library):
    client = Client()
    for url in channel_urls(library):
        first = client.get(url)
        assert first.status_code == 200, url
        assert first["ETag"] and first["Last-Modified"], url
        assert "max-age=300" in first["Cache-Control"] and "public" in first["Cache-Control"]
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 304, url
        since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert since.status_code == 304, url


def test_republishing_changes_every_validator(library):
    client = Client()
    before = {url: client.get(url)["ETag"] for url in channel_urls(library)}
    library.public.summary = "Now with a new summary."
    library.public.save_revision().publish()
    for url, etag in before.items():
        response = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 200, url
        assert response["ETag"] != etag


def test_unpublishing_turns_the_embed_into_a_404_at_once(library):
    client = Client()
    etag = client.get(f"/embed/challenges/{library.public.uid}/")["ETag"]
    library.public.unpublish()
    response = client.get(f"/embed/challenges/{library.public.uid}/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 404


# CORS and framing ----------------------------------------


def test_cors_only_on_public_channels(library):
    origin = {"HTTP_ORIGIN": "https://school.example"}
    for url in channel_urls(library) + ["/api/v2/challenges/"]:
        assert Client().get(url, **origin)["Access-Control-Allow-Origin"] == "*", url
    for url in ("/", "/search/?format=json", "/alder/ash/public-bug-hotel/", "/admin/login/"):
        assert "Access-Control-Allow-Origin" not in Client().get(url, **origin), url


def test_embed_routes_may_be_framed_by_anyone(library):
    for url in (f"/embed/challenges/{library.public.uid}/", "/embed/list/"):
        response = Client().get(url)
        assert "X-Frame-Options" not in response
        assert "frame-ancestors *" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "url", ["/", "/alder/ash/public-bug-hotel/", "/search/", "/admin/login/", "/oembed/?url=x"]
)
def test_every_other_route_refuses_framing(library, url):
    response = Client().get(url)
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_public_pages_carry_a_strict_content_security_policy(library):
    policy = Client().get("/alder/ash/public-bug-hotel/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "object-src 'none'" in policy
