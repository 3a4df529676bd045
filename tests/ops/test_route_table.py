"""The route table (library/routes.py) names every route the library answers.

Cookies, CORS, framing, the render cache and front-cache purges all read it, so a route that
is missing from it would get the catch-all's treatment (a page of the site tree) silently.
"""

import re

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, path, resolve
from django.urls.resolvers import RegexPattern
from wagtail import urls as wagtail_urls

from library import routes
from library.urls import urlpatterns

pytestmark = pytest.mark.django_db


def literal_prefix(pattern):
    """The fixed start of a URL pattern ("embed/challenges/<str:uid>/" -> "embed/challenges/")."""
    if isinstance(pattern, RegexPattern):
        text = str(pattern).lstrip("^").replace("\\.", "\0")  # an escaped dot is literal
        return re.split(r"[(\[\\.*+?$|]", text, maxsplit=1)[0].replace("\0", ".")
    return str(pattern).split("<", 1)[0]


def unlisted_routes(patterns, prefix="/"):
    """Routes that only the catch-all entry covers, other than Wagtail's page serving."""
    for entry in patterns:
        here = prefix + literal_prefix(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.urlconf_module is wagtail_urls:
                continue  # the site tree's pages: what the catch-all entry describes
            yield from unlisted_routes(entry.url_patterns, here)
        elif isinstance(entry, URLPattern) and routes.route_of(here).prefix == "/":
            yield here


def test_every_route_of_the_project_has_an_entry():
    assert list(unlisted_routes(get_resolver().url_patterns)) == []


def test_a_public_route_added_without_an_entry_is_caught():
    added = [path("newsletter/<int:issue>/", lambda request: None), *urlpatterns]
    assert list(unlisted_routes(added)) == ["/newsletter/"]


def test_every_purged_listing_path_is_a_real_route():
    for listing in routes.purged_paths():
        match = resolve(listing)
        assert match.url_name != "wagtail_serve", listing


@pytest.mark.parametrize(
    "path_info, kind",
    [
        ("/embed/challenges/0f7c/", routes.EMBED),
        ("/embed/list/", routes.EMBED),
        ("/embed.js", routes.MEDIA),
        ("/oembed/", routes.CHANNEL),
        ("/api/interchange/v1/challenges/", routes.TOKEN_API),
        ("/admin/pages/3/", routes.ADMIN),
        ("/search/", routes.PAGE),
        ("/oak-trust/oak-primary/bug-hotel/", routes.PAGE),
    ],
)
def test_the_longest_prefix_decides(path_info, kind):
    assert routes.kind_of(path_info) is kind


def test_cors_is_offered_exactly_where_the_table_says(client):
    assert re.match(routes.cors_urls_regex(), "/embed/challenges.json")
    assert re.match(routes.cors_urls_regex(), "/api/v2/challenges/")
    for closed in ("/search/", "/admin/", "/api/interchange/v1/challenges/", "/embed.js"):
        assert not re.match(routes.cors_urls_regex(), closed), closed
    response = client.get("/oembed/?url=x", HTTP_ORIGIN="https://school.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    response = client.get("/search/", HTTP_ORIGIN="https://school.example")
    assert "Access-Control-Allow-Origin" not in response


def test_the_front_cache_drops_cookies_only_where_the_table_has_no_sessions():
    """Varnish's configuration cannot read the table: its list of cookie-free routes must be one
    of the table's kinds without sessions (a page such as print must keep a teacher's session)."""
    vcl = (settings.BASE_DIR / "library" / "varnish" / "default.vcl").read_text()
    pattern = re.search(r'Channels for other websites.*?req\.url ~ "\^/\((.*?)\)"', vcl, re.S)
    prefixes = ["/" + alternative.replace("\\.", ".") for alternative in pattern[1].split("|")]
    assert "/embed/" in prefixes
    for prefix in prefixes:
        assert not routes.kind_of(prefix).sessions, prefix
    assert routes.kind_of("/print/challenges/x/").sessions
