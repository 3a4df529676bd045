"""Others' clients read our public channels as they would anyone's: a feed reader (feedparser),
an oEmbed consumer (micawber) and a structured-data extractor (extruct). Every absolute URL they
find points at the host that served them."""

import extruct
import feedparser
import micawber
import pytest
from django.test import Client
from wagtail.models import Site


def test_a_feed_reader_reads_the_feed(library):
    body = Client().get("/feeds/challenges/").content
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [entry.title for entry in feed.entries] == ["Public bug hotel"]
    entry = feed.entries[0]
    assert entry.link == "http://testserver/alder/ash/public-bug-hotel/"
    assert entry.id == f"urn:uuid:{library.public.uid}"
    assert entry.author == "Ash Primary"
    assert feed.feed.link.startswith("http://testserver/")
    links = [entry.link for entry in feed.entries] + [link.href for link in feed.feed.links]
    assert all(link.startswith("http://testserver/") for link in links), links


def test_a_json_ld_extractor_reads_the_challenge_page(library):
    url = "http://testserver/alder/ash/public-bug-hotel/"
    html = Client().get(library.public.url).content.decode()
    (resource,) = extruct.extract(html, base_url=url, syntaxes=["json-ld"])["json-ld"]
    assert resource["@type"] == "LearningResource"
    assert resource["url"] == resource["@id"] == url
    assert resource["identifier"] == str(library.public.uid)
    assert resource["creator"]["url"] == "http://testserver/alder/ash/"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # Site and home kept
def test_an_oembed_consumer_embeds_a_challenge_from_a_live_server(live_server, request):
    library = request.getfixturevalue("library")  # its Site names the live server's address
    assert Site.objects.get(is_default_site=True).root_url == live_server.url

    provider = micawber.Provider(f"{live_server.url}/oembed/")
    page_url = f"{live_server.url}{library.public.url}"
    data = provider.request(page_url, maxwidth=600)
    assert data["type"] == "rich" and data["title"] == "Public bug hotel"
    embed_url = f"{live_server.url}/embed/challenges/{library.public.uid}/"
    assert f'src="{embed_url}"' in data["html"]
    assert data["provider_url"] == f"{live_server.url}/"
    assert data["author_url"] == f"{live_server.url}/alder/ash/"
    assert data["width"] == 600

    registry = micawber.ProviderRegistry()
    registry.register(rf"{live_server.url}/\S+", provider)
    parsed = micawber.parse_text(f"Try this at home:\n{page_url}\n", registry)  # own line: embed
    assert f'src="{embed_url}"' in parsed

    with pytest.raises(micawber.ProviderException):  # non-public: the same 404 as missing
        provider.request(f"{live_server.url}{library.partners.url}")
