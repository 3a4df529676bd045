"""The reader's path: a family reads a challenge in its language on the page, the embed, the
printout and through oEmbed; Urdu right to left; English where nothing is translated."""

import re
from html.parser import HTMLParser

import pytest

from challenges.languages.translating import translate

pytestmark = pytest.mark.django_db


class HtmlRoot(HTMLParser):
    """The <html> element's attributes and every <link rel=alternate hreflang>."""

    def __init__(self, text):
        super().__init__()
        self.html, self.alternates = {}, {}
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html = attrs
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]


def read(response):
    assert response.status_code == 200
    text = response.content.decode()
    return text, HtmlRoot(text)


def test_the_urdu_page_is_right_to_left_in_urdu(translated, client):
    assert translated.public_ur.url == "/ur" + translated.public.url
    text, root = read(client.get(translated.public_ur.url))
    assert root.html == {"lang": "ur", "dir": "rtl"}
    for value in translated.urdu.values():
        assert value in text


def test_the_english_page_keeps_its_url_and_is_left_to_right(translated, client):
    assert translated.public.url == "/alder/ash/public-bug-hotel/"
    text, root = read(client.get(translated.public.url))
    assert root.html == {"lang": "en-GB", "dir": "ltr"}
    assert "Public bug hotel" in text and translated.urdu["title"] not in text


def test_the_page_links_its_published_languages_with_hreflang(translated, client):
    for page in (translated.public, translated.public_ur, translated.public_pl):
        _text, root = read(client.get(page.url))
        base = "http://testserver"
        assert root.alternates == {
            "en-GB": base + translated.public.url,
            "x-default": base + translated.public.url,
            "pl": base + "/pl" + translated.public.url,
            "ur": base + "/ur" + translated.public.url,
        }


def test_an_unpublished_translation_is_not_offered(translated, client):
    translated.public_pl.unpublish()
    _text, root = read(client.get(translated.public.url))
    assert set(root.alternates) == {"en-GB", "x-default", "ur"}
    assert client.get("/pl" + translated.public.url).status_code == 404


def test_a_challenge_without_translations_offers_no_languages(library, client):
    text, root = read(client.get(library.public.url))
    assert root.alternates == {} and 'aria-label="Languages"' not in text


def test_the_embed_takes_lang(translated, client):
    text, root = read(client.get(f"/embed/challenges/{translated.public.uid}/?lang=ur"))
    assert root.html == {"lang": "ur", "dir": "rtl"}
    for value in translated.urdu.values():
        assert value in text
    # Its print button prints the Urdu, and its link goes to the Urdu page.
    assert f"/print/challenges/{translated.public_ur.uid}/" in text
    assert "http://testserver/ur" + translated.public.url in text


def test_untranslated_parts_fall_back_to_english(translated, client):
    text, root = read(client.get(f"/embed/challenges/{translated.public.uid}/?lang=pl"))
    assert root.html == {"lang": "pl", "dir": "ltr"}
    assert translated.polish_title in text
    assert "Find a space and begin." in text  # not translated into Polish: English


@pytest.mark.parametrize("lang", ["", "xx", "de", "en", "EN-gb"])
def test_a_language_not_published_falls_back_to_english(translated, client, lang):
    """Romanian is a locale too, but this challenge has no Romanian translation."""
    for asked in (lang, "ro"):
        text, root = read(client.get(f"/embed/challenges/{translated.public.uid}/?lang={asked}"))
        assert root.html == {"lang": "en-GB", "dir": "ltr"}
        assert "Public bug hotel" in text


def test_lang_is_read_loosely(translated, client):
    for asked in ("UR", "ur-PK", "ur_pk"):
        _text, root = read(client.get(f"/embed/challenges/{translated.public.uid}/?lang={asked}"))
        assert root.html["lang"] == "ur"


def test_print_takes_lang_and_keeps_it_in_its_form(translated, client):
    text, root = read(client.get(f"/print/challenges/{translated.public.uid}/?lang=ur"))
    assert root.html == {"lang": "ur", "dir": "rtl"}
    assert translated.urdu["title"] in text and translated.urdu["step"] in text
    assert '<input type="hidden" name="lang" value="ur">' in text
    text, root = read(client.get(f"/print/challenges/{translated.public.uid}/?lang=ur&year=3"))
    assert translated.urdu["step"] in text


def test_oembed_takes_lang_and_knows_a_translations_url(translated, client):
    page_url = "http://testserver" + translated.public.url
    for query in (
        {"url": page_url, "lang": "ur"},
        {"url": "http://testserver/ur" + translated.public.url},
    ):
        data = client.get("/oembed/", {**query, "format": "json"}).json()
        assert data["title"] == translated.urdu["title"]
        src = re.search(r'src="([^"]+)"', data["html"])[1]
        assert src == f"http://testserver/embed/challenges/{translated.public.uid}/?lang=ur"
    data = client.get("/oembed/", {"url": page_url, "lang": "so"}).json()
    assert data["title"] == "Public bug hotel"
    assert "lang=" not in data["html"]


def test_json_ld_says_in_language(translated, client):
    text, _root = read(client.get(translated.public_ur.url))
    assert '"inLanguage": "ur"' in text
    text, _root = read(client.get(translated.public.url))
    assert '"inLanguage": "en-GB"' in text


def test_embed_responses_differ_by_language_for_caches(translated, client):
    english = client.get(f"/embed/challenges/{translated.public.uid}/")
    urdu = client.get(f"/embed/challenges/{translated.public.uid}/?lang=ur")
    assert english["ETag"] != urdu["ETag"]
    assert urdu["Content-Language"] == "ur"
    assert "Vary" not in urdu or "accept-language" not in urdu["Vary"].lower()
    again = client.get(f"/embed/challenges/{translated.public.uid}/?lang=ur")  # the render cache
    assert again.content == urdu.content


def test_pages_never_vary_on_accept_language(translated, client):
    for url in (translated.public.url, translated.public_ur.url):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="ur")
        assert "accept-language" not in response.get("Vary", "").lower()
    text, root = read(client.get(translated.public.url, HTTP_ACCEPT_LANGUAGE="ur"))
    assert root.html["lang"] == "en-GB"  # the path decides, never the browser's header


def test_translations_stay_out_of_search_and_listings(translated, client):
    results = client.get("/search/", {"format": "json", "q": "bug hotel"}).json()["results"]
    assert [result["title"] for result in results] == ["Public bug hotel"]
    api = client.get("/api/v2/challenges/").json()
    assert translated.urdu["title"] not in str(api)


def test_page_furniture_comes_from_the_catalogs(translated, client):
    text, _root = read(client.get(f"/embed/challenges/{translated.public.uid}/?lang=ur"))
    assert "سرگرمیاں" in text and "Activities</h2>" not in text  # "Activities"
    text, _root = read(client.get(f"/print/challenges/{translated.public.uid}/?lang=pl"))
    assert "Moje dziecko jest w" in text  # "My child is in"
    text, _root = read(client.get(f"/embed/challenges/{translated.public.uid}/"))
    assert "Activities</h2>" in text  # English stays English


def test_every_language_has_its_own_urls(library, client):
    """Somali has no Django catalog of its own: the library ships one, so /so/ is recognised."""
    somali = translate(library.public, "so", {"Public bug hotel": "Hudheel cayayaan"})
    assert somali.url == "/so" + library.public.url
    text, root = read(client.get(somali.url))
    assert root.html == {"lang": "so", "dir": "ltr"} and "Hudheel cayayaan" in text


class VisibleText(HTMLParser):
    """The text a reader sees: every text node outside <script>, <style> and <head>."""

    def __init__(self, text):
        super().__init__()
        self.hidden, self.parts = 0, []
        self.feed(text)
        self.text = " ".join(" ".join(self.parts).split())

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style", "head")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style", "head")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


# The page furniture of the embed and the printout, which the family reads around the challenge.
ENGLISH_FURNITURE = [
    "For", "Time", "Cost", "Free", "Screens", "need no screen", "minutes", "My child is in",
    "Show their activities", "No screen needed", "All ages", "Licence", "Online", "Adult help",
    "Share your work", "From the Learning Challenge Library", "Single challenge",
]  # fmt: skip


@pytest.mark.parametrize("channel", ["embed", "print"])
def test_the_urdu_embed_and_printout_have_no_english_furniture(translated, client, channel):
    uid = translated.public.uid
    text, root = read(client.get(f"/{channel}/challenges/{uid}/?lang=ur"))
    assert root.html["dir"] == "rtl"
    visible = VisibleText(text).text
    assert translated.urdu["title"] in visible
    english = [word for word in ENGLISH_FURNITURE if re.search(rf"\b{word}\b", visible)]
    assert not english, f"English furniture in the Urdu {channel}: {english}\n{visible}"
    assert "اسکرین کی ضرورت نہیں" in visible and "خرچ" in visible


def test_the_printouts_address_reads_left_to_right_inside_urdu(translated, client):
    text, _root = read(client.get(f"/print/challenges/{translated.public.uid}/?lang=ur"))
    # Without the isolate, the address's trailing "/" jumps to the start of an Urdu line.
    assert re.search(r'<bdi dir="ltr">http://testserver/ur/alder/ash/public-bug-hotel/</bdi>', text)


def test_the_english_furniture_is_unchanged(translated, client):
    text, _root = read(client.get(f"/embed/challenges/{translated.public.uid}/"))
    visible = VisibleText(text).text
    assert "Cost Free" in visible and "No screen needed" in visible
