"""Validators for the cached public channels (embed, widget, oEmbed, feeds)."""

import hashlib
import json

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from ..models import PublicationStamp

MAX_AGE = 300  # seconds; conditional GETs revalidate cheaply after that
RENDER_CACHE_SECONDS = 3600  # the ETag changes on any publish, so stale entries are never hit


def channel_etag(request, *parts):
    """A strong ETag from what the response depends on, including the query string."""
    digest = hashlib.sha256()
    for part in (*parts, request.get_full_path()):
        digest.update(str(part).encode())
        digest.update(b"\0")
    return quote_etag(digest.hexdigest()[:32])


def conditional(request, render, *etag_parts, last_modified=None, cache_rendering=False):
    """304 when the client's copy is current, else render(); both carry validators.

    Every ETag includes the publication stamp, so any publish or unpublish invalidates it.
    With `cache_rendering`, a rendered 200 is kept in the cache under its ETag (a warm embed
    costs two small queries and no template rendering).
    """
    stamp = PublicationStamp.current()
    last_modified = max(filter(None, [last_modified, stamp]))
    etag = channel_etag(request, stamp.isoformat(), *etag_parts)
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


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


class InertJsonResponse(HttpResponse):
    """JSON whose <, > and & are escaped: harmless even if a page mistakes it for HTML."""

    def __init__(self, data, **kwargs):
        kwargs.setdefault("content_type", "application/json")
        text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
        super().__init__(text, **kwargs)
