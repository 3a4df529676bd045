"""Small HTTP helpers shared by every app: conditional responses, inert JSON, absolute links and
UUIDs from URLs. They import nothing of the apps (see the import contract in pyproject.toml)."""

import hashlib
import json
import uuid

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag
from wagtail.models import Site

MAX_AGE = 300  # seconds; conditional GETs revalidate cheaply after that
RENDER_CACHE_SECONDS = 3600  # the ETag changes on any publish, so stale entries are never hit

# The escapes of django.utils.html.json_script: JSON that cannot close a <script> element and is
# harmless even if a page mistakes it for HTML.
JSON_ESCAPES = {">": "\\u003E", "<": "\\u003C", "&": "\\u0026"}


def inert_json(data, **options):
    """JSON text with <, > and & escaped."""
    text = json.dumps(data, ensure_ascii=False, **options)
    # str.replace, not str.translate: translate looks up every character (ms on a search).
    for character, escaped in JSON_ESCAPES.items():
        text = text.replace(character, escaped)
    return text


class InertJsonResponse(HttpResponse):
    """A JSON response whose <, > and & are escaped."""

    def __init__(self, data, **kwargs):
        kwargs.setdefault("content_type", "application/json")
        super().__init__(inert_json(data, cls=DjangoJSONEncoder), **kwargs)


def site_root(request=None):
    """`scheme://host[:port]` of the Site serving this request, or of the default Site.

    Every absolute URL on a public channel (JSON-LD, feeds, oEmbed, embeds, widget, lineage)
    starts here, never with the Host header a visitor sent: a cached body built from
    `Host: ours:6666` would hand that port to everyone. The request is the fallback only when
    no Site is configured at all.
    """
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""


def absolute(request, path):
    """An absolute URL for a path of ours ("/embed/..."); absolute URLs pass through."""
    if not path or "://" in path:
        return path or ""
    return site_root(request) + path


def absolute_url(request, page):
    """The page's public address (links out of embeds, prints, JSON-LD, oEmbed)."""
    return absolute(request, page.get_url(request))


def uuid_or_404(value):
    """The UUID in a URL; anything else is a 404, like an unknown one."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def channel_etag(request, *parts):
    """A strong ETag from what the response depends on, including the query string."""
    digest = hashlib.sha256()
    for part in (*parts, request.get_full_path()):
        digest.update(str(part).encode())
        digest.update(b"\0")
    return quote_etag(digest.hexdigest()[:32])


def conditional(
    request, render, *etag_parts, changed_at, last_modified=None, cache_rendering=False
):
    """304 when the client's copy is current, else render(); both carry validators.

    `changed_at` is when anything the response may show last changed: it is part of every ETag.
    With `cache_rendering`, a rendered 200 is kept in the cache under its ETag (a warm embed
    costs two small queries and no template rendering).
    """
    last_modified = max(filter(None, [last_modified, changed_at]))
    # The body holds absolute URLs: the key names the root they start with.
    etag = channel_etag(request, changed_at.isoformat(), site_root(request), *etag_parts)
    response = get_conditional_response(
        request, etag=etag, last_modified=int(last_modified.timestamp())
    )
    if response is None:
        response = _cached_render(etag, render) if cache_rendering else render()
    if response.status_code in (200, 304):
        response.headers["ETag"] = etag
        response.headers["Last-Modified"] = http_date(last_modified.timestamp())
        patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response


def _cached_render(etag, render):
    key = f"rendered:{etag.strip(chr(34))}"
    cached = cache.get(key)
    if cached is not None:
        content, content_type = cached
        return HttpResponse(content, content_type=content_type)
    response = render()
    if response.status_code == 200:
        cache.set(key, (response.content, response["Content-Type"]), RENDER_CACHE_SECONDS)
    return response
