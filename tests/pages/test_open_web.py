"""What the open web reads from us: page metadata, canonicals, robots.txt and the favicon,
conditional GETs, form actions, oEmbed discovery, JSON-LD and framing (issue 23's standards)."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.test import Client

from tests.factories import make_challenge


class HeadReader(HTMLParser):
    """The <meta>, <link> and <form> tags of a page, as a crawler reads them."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.forms = {}, {}, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("name") or attrs["property"]] = attrs.get("content")
        elif tag == "link" and "rel" in attrs:
            self.links.setdefault(attrs["rel"], attrs.get("href"))
            if attrs["rel"] == "alternate" and "oembed" in attrs.get("type", ""):
                self.links["oembed"] = attrs.get("href")
        elif tag == "form":
            self.forms.append(attrs)


def read(url, client=None):
    response = (client or Client()).get(url)
    assert response.status_code == 200, url
    reader = HeadReader()
    reader.feed(response.content.decode())
    return reader


@pytest.fixture
def pictured(library, image_factory):
    image = image_factory(credit="Photo: Mrs K., Ash Primary", licence="CC-BY-4.0",
                          source_url="https://photos.example/bug-hotel")  # fmt: skip
    return make_challenge(
        library.school_a1, "Build a bug hotel", summary="Stack sticks and pine cones for insects.",
        hero_image=image, hero_image_alt="A bug hotel of sticks",
    )  # fmt: skip


# Meta description, Open Graph and canonical -----------------------------------------------------


def test_a_challenge_page_describes_itself_to_search_engines_and_link_previews(pictured):
    head = read(pictured.url)
    assert head.meta["description"] == "Stack sticks and pine cones for insects."
    assert head.meta["og:title"] == "Build a bug hotel"
    assert head.meta["og:description"] == "Stack sticks and pine cones for insects."
    assert head.meta["og:image"].startswith("http://testserver/media/")
    assert head.meta["og:image:alt"] == "A bug hotel of sticks"
    assert head.links["canonical"] == "http://testserver/alder/ash/build-a-bug-hotel/"
    assert head.meta["og:url"] == head.links["canonical"]


def test_an_image_showing_pupils_is_never_a_link_preview(library, image_factory):
    image = image_factory(shows_pupils=True, pupil_consent_confirmed=True)
    challenge = make_challenge(library.school_a1, "Sports day", hero_image=image)
    assert "og:image" not in read(challenge.url).meta


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/", "http://testserver/"),
        ("/alder/", "http://testserver/alder/"),
        ("/alder/ash/", "http://testserver/alder/ash/"),
        ("/search/?q=bug", "http://testserver/search/?q=bug"),
    ],
)
def test_every_public_page_has_a_canonical_and_a_description(library, url, canonical):
    head = read(url)
    assert head.links["canonical"] == canonical
    assert head.meta["description"]
    assert head.meta["og:title"] and head.meta["og:description"]


def test_an_embed_and_a_print_name_their_challenge_page_as_canonical(library):
    page_url = "http://testserver/alder/ash/public-bug-hotel/"
    uid = library.public.uid
    for url in (f"/embed/challenges/{uid}/", f"/print/challenges/{uid}/"):
        assert read(url).links["canonical"] == page_url, url


def test_the_plain_list_names_the_same_search_as_canonical(library):
    head = read("/embed/list/?school=ash&limit=3&accent=aa3300")
    assert head.links["canonical"] == "http://testserver/search/?school=ash"


# robots.txt and favicon.ico -----------------------------------------------------------------------


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(library):
    response = Client().get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Set-Cookie" not in response
    assert Client().get("/sitemap.xml").status_code == 200


def test_favicon_answers_with_an_icon(library):
    response = Client().get("/favicon.ico", HTTP_COOKIE="sessionid=x; csrftoken=y")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # the ICO header
    assert not response.cookies
    assert 'rel="icon"' in Client().get("/").content.decode()


def public_html_urls(library):
    return [
        "/",
        library.school_a1.url,
        "/search/?q=bug",
        f"/print/challenges/{library.public.uid}/",
    ]


# Conditional GETs -------------------------------------------------------------------------------


@pytest.mark.parametrize("warm", [False, True], ids=["cold", "from-render-cache"])
def test_a_challenge_page_answers_a_conditional_get_with_304(library, warm):
    url = library.public.url
    first = Client().get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    if warm:
        assert Client().get(url)["ETag"] == etag  # the render cache keeps the validator
    again = Client().get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert "public" in again["Cache-Control"]


def test_home_school_and_search_pages_answer_conditional_gets(library):
    for url in public_html_urls(library):
        etag = Client().get(url)["ETag"]
        assert Client().get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304, url


def test_a_publish_changes_the_etag(library):
    url = library.public.url
    etag = Client().get(url)["ETag"]
    library.public.title = "Public bug hotel, bigger"
    library.public.save_revision().publish()
    response = Client().get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "bigger" in response.content.decode()


def test_the_admin_sends_no_etag(library):
    client = Client()
    client.force_login(library.editor_a1)
    assert "ETag" not in client.get("/admin/")


# Forms, oEmbed discovery, JSON-LD -----------------------------------------------------------------


def test_no_form_has_an_empty_action(library):
    for url in public_html_urls(library):
        for form in read(url).forms:
            assert form.get("action"), (url, form)


def test_the_print_form_keeps_its_choice_on_the_print_view(library):
    (form,) = read(f"/print/challenges/{library.public.uid}/").forms
    assert form["action"] == f"/print/challenges/{library.public.uid}/"


def test_oembed_discovery_link_is_absolute_and_answers(library):
    href = read(library.public.url).links["oembed"]
    assert href.startswith("http://testserver/oembed/?")
    response = Client().get(href.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response.json()["title"] == "Public bug hotel"


def json_ld(url):
    body = Client().get(url).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    return json.loads(match.group(1))


def test_json_ld_licence_is_a_url_and_the_image_an_image_object_with_credit(pictured):
    data = json_ld(pictured.url)
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    image = data["image"]
    assert image["@type"] == "ImageObject"
    assert image["contentUrl"].startswith("http://testserver/media/")
    assert image["creditText"] == "Photo: Mrs K., Ash Primary"
    assert image["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert image["acquireLicensePage"] == "https://photos.example/bug-hotel"


def test_json_ld_leaves_out_the_licence_when_all_rights_are_reserved(library):
    challenge = make_challenge(
        library.school_a1, "Reserved rights", licence="LicenseRef-All-Rights-Reserved"
    )
    assert "license" not in json_ld(challenge.url)


# Framing --------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/embed/challenges.json", "/embed/list/"])
def test_embed_routes_say_the_same_thing_about_framing_in_both_headers(library, url):
    response = Client().get(url)
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]


# The API -------------------------------------------------------------------------------------


def test_the_api_takes_its_base_url_from_the_site(library, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    item = Client().get("/api/v2/challenges/").json()["items"][0]
    assert item["meta"]["detail_url"].startswith("http://testserver/api/v2/challenges/")
    assert item["meta"]["html_url"].startswith("http://testserver/")
