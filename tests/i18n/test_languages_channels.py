"""The listing channels in a family's language: the API and the feed take `lang` (the challenges
published in that language, each as its translation), and the sitemap names each challenge's
published translations as hreflang alternates of its English address."""

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_the_api_lists_the_challenges_published_in_a_language_as_translated(translated):
    client = Client()
    urdu = client.get("/api/v2/challenges/?lang=ur").json()
    assert [item["title"] for item in urdu["items"]] == [translated.urdu["title"]]
    assert urdu["items"][0]["id"] == translated.public_ur.pk
    assert urdu["items"][0]["summary"] == translated.urdu["summary"]
    polish = client.get("/api/v2/challenges/?lang=pl").json()
    assert [item["title"] for item in polish["items"]] == [translated.polish_title]
    detail = client.get(f"/api/v2/challenges/{translated.public_ur.pk}/?lang=ur").json()
    assert detail["meta"]["locale"] == "ur"
    # Without lang (or in English), the originals only: a translation is not a second challenge.
    english = {item["title"] for item in client.get("/api/v2/challenges/").json()["items"]}
    assert translated.urdu["title"] not in english and "Public bug hotel" in english
    assert client.get("/api/v2/challenges/?lang=en").json()["meta"]["total_count"] == len(english)
    # A language nobody translated into lists nothing; filters still apply.
    assert client.get("/api/v2/challenges/?lang=so").json()["items"] == []


def test_the_api_and_feed_refuse_a_language_that_is_not_ours_in_words(translated):
    client = Client()
    response = client.get("/api/v2/challenges/?lang=klingon")
    assert response.status_code == 400
    assert "lang must be one of the library's languages" in response.json()["message"]
    response = client.get("/feeds/challenges/?lang=klingon")
    assert response.status_code == 400
    assert "lang must be one of" in response.json()["errors"]["lang"]


def test_a_school_only_translation_never_reaches_the_api_or_feed(translated):
    client = Client()
    for url in ("/api/v2/challenges/?lang=ur", "/feeds/challenges/?lang=ur"):
        text = client.get(url).content.decode()
        assert "canarys" not in text and "مہربانی" not in text, url
    response = client.get(f"/api/v2/challenges/{translated.school_only_ur.pk}/?lang=ur")
    assert response.status_code == 404


def test_the_feed_in_a_language_carries_its_translations(translated):
    response = Client().get("/feeds/challenges/?lang=ur")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ur"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [translated.urdu["title"]]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == "http://testserver" + translated.public_ur.url
    assert entries[0].findtext(f"{ATOM}summary") == translated.urdu["summary"]
    english = ET.fromstring(Client().get("/feeds/challenges/").content)
    titles = [entry.findtext(f"{ATOM}title") for entry in english.findall(f"{ATOM}entry")]
    assert "Public bug hotel" in titles and translated.urdu["title"] not in titles


def test_the_sitemap_names_published_translations_as_alternates(translated):
    sitemap = ET.fromstring(Client().get("/sitemap.xml").content)
    base = "http://testserver"
    entries = {url.findtext(f"{SITEMAP}loc"): url for url in sitemap.findall(f"{SITEMAP}url")}
    public = entries[base + translated.public.url]
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in public.findall(f"{XHTML}link")
        if link.get("rel") == "alternate"
    }
    assert alternates == {
        "en-GB": base + translated.public.url,
        "pl": base + translated.public_pl.url,
        "ur": base + translated.public_ur.url,
    }
    # A challenge with no translation has no alternates; a hidden one is not there at all.
    untranslated = [loc for loc, url in entries.items() if not url.findall(f"{XHTML}link")]
    assert untranslated
    assert base + translated.school_only_ur.url not in entries


def test_a_translation_unpublished_leaves_the_sitemap_and_the_language_listing(translated):
    translated.public_pl.unpublish()
    text = Client().get("/sitemap.xml").content.decode()
    assert translated.public_pl.url not in text and translated.public_ur.url in text
    assert Client().get("/api/v2/challenges/?lang=pl").json()["items"] == []
