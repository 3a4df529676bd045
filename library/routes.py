"""Every kind of route the library answers and how each is treated: the one table.

Whether sessions and CSRF run, whether other websites may read a route (CORS) or frame it,
whether whole anonymous responses are kept in the render cache, whether the admin's content
policy applies, and which listing paths the front cache drops on every publish: each middleware,
the render cache, the CORS setting and the front cache read it here. A route added to a urls.py
without an entry fails tests/ops/test_route_table.py.

Imports nothing of the apps (see the import contracts in pyproject.toml).
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RouteKind:
    name: str
    sessions: bool  # session, CSRF, auth and messages run; else they step aside (no cookies)
    cors: bool = False  # other websites' scripts may read it
    framed_by_any: bool = False  # any website may frame it (everything else refuses framing)
    render_cached: bool = False  # anonymous 200s kept whole in the shared cache
    admin: bool = False  # the admin's content policy; never shared-cacheable


# Read by other websites and caches: never any session, CSRF or user state.
CHANNEL = RouteKind("public channel", sessions=False, cors=True, render_cached=True)
EMBED = RouteKind("embed", sessions=False, cors=True, framed_by_any=True, render_cached=True)
# Public but not for other websites' scripts (crawlers, the partner schema reader, embed.js).
FILE = RouteKind("public file", sessions=False, render_cached=True)
# Files (static, or behind visibility checks) and the health probe: never kept whole.
MEDIA = RouteKind("media and operations", sessions=False)
# Pages people read: state only for the signed-in (anonymous responses shed it on the way out).
PAGE = RouteKind("public page", sessions=True, render_cached=True)
ADMIN = RouteKind("admin", sessions=True, admin=True)
# Read with a partner token (Authorization): answered per token, never kept.
TOKEN_API = RouteKind("API with token", sessions=True)


@dataclass(frozen=True)
class Route:
    prefix: str
    kind: RouteKind
    purged: bool = False  # a listing that may show any challenge: purged by path on publish
    what: str = ""


ROUTES = (
    Route("/embed.js", MEDIA, what="the host pages' script (a static file, long-cached)"),
    Route("/embed/challenges.json", EMBED, purged=True, what="list widget cards"),
    Route("/embed/list/", EMBED, purged=True, what="plain-iframe list"),
    Route("/embed/", EMBED, what="one challenge, themes, versioned embed.js"),
    Route("/oembed/", CHANNEL, purged=True, what="oEmbed provider"),
    Route("/feeds/challenges/", CHANNEL, purged=True, what="Atom feed"),
    Route("/feeds/", CHANNEL, what="any later feed"),
    Route("/api/v2/challenges/", CHANNEL, purged=True, what="Wagtail API v2, our endpoint"),
    Route("/api/v2/", CHANNEL, what="Wagtail API v2 detail views"),
    Route("/api/interchange/", TOKEN_API, what="partner pulls"),
    Route("/sitemap.xml", FILE, purged=True, what="public challenges for crawlers"),
    Route("/robots.txt", FILE, what="crawlers' rules and the sitemap's address"),
    Route("/schema/", CHANNEL, what="the interchange JSON Schema"),
    Route("/media/", MEDIA, what="images, checked per request"),
    Route("/documents/", MEDIA, what="documents, checked per request"),
    Route("/static/", MEDIA, what="static files (WhiteNoise)"),
    Route("/favicon.ico", MEDIA, what="the site's icon (browsers ask on every page)"),
    Route("/healthz", MEDIA, what="health probe"),
    Route("/search/suggest/", PAGE, purged=True, what="autocomplete"),
    Route("/search/", PAGE, purged=True, what="search, HTML and JSON"),
    Route("/print/", PAGE, what="print view"),
    Route("/admin/", ADMIN, what="Wagtail admin"),
    Route("/django-admin/", ADMIN, what="Django admin"),
    Route("/", PAGE, what="the site tree's pages (Wagtail serves the rest)"),
)
# Longest prefix first, so "/embed/list/" wins over "/embed/".
_BY_LENGTH = sorted(ROUTES, key=lambda route: len(route.prefix), reverse=True)


def route_of(path):
    """The table's entry for a request path (the catch-all: a page of the site tree)."""
    for route in _BY_LENGTH:
        if path.startswith(route.prefix):
            return route
    return ROUTES[-1]


def kind_of(path):
    return route_of(path).kind


def purged_paths():
    """Listing paths the front cache drops (with every query string) on any publish."""
    return [route.prefix for route in ROUTES if route.purged]


def cors_urls_regex():
    """For django-cors-headers' CORS_URLS_REGEX: only the routes other websites' scripts read."""
    prefixes = [route.prefix for route in ROUTES if route.kind.cors]
    return r"^(" + "|".join(re.escape(prefix) for prefix in prefixes) + r").*$"
