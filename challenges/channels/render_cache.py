"""Whole responses for anonymous visitors, kept in the shared cache and checked against the stamp.

The outermost middleware: a warm public page, embed, widget, list, feed, oEmbed or API answer
costs one cache round trip (the publication stamp and the response, read together) and no SQL,
and no other middleware runs (session, CSRF, auth, messages, CORS, security headers, CSP): the
entry keeps the headers they gave the response it was made from. Any publish, unpublish, move or
delete (and a school, trust, image or taxonomy change) bumps the stamp, and an entry made under
another stamp is never served, so no process can serve a response rendered before it; what the
stamp does not cover expires after RENDER_SECONDS.

Only responses that are the same for every anonymous visitor are kept: GET without a session
cookie or Authorization header, a 200 that sets no cookie, used no CSRF token and does not say
private/no-store. The key names everything the outer middleware answer by (host, path and query,
Accept, Origin for CORS, the scheme for HSTS). An embed served from here is still counted (the
view marks its response with the challenge it shows).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from challenges.embed_stats.counter import record_embed_view
from challenges.models import PublicationStamp
from library.public_routes import SHED_COOKIES
from library.routes import kind_of

RENDER_SECONDS = 300
NOT_KEPT_HEADERS = {"set-cookie", "content-length"}
EMBED_VIEW_OF = "embed_view_of"  # attribute an embed view sets on its response


def _applies(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and kind_of(request.path_info).render_cached
    )


def _key(request):
    digest = hashlib.sha256(
        "\0".join(
            [
                request.scheme,
                request.get_host(),
                request.get_full_path(),
                request.headers.get("Accept", ""),
                request.headers.get("Origin", ""),
            ]
        ).encode()
    ).hexdigest()[:40]
    return f"render:v2:{digest}"


def _keepable(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not getattr(response, SHED_COOKIES, False)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


class AnonymousRenderCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _applies(request):
            return self.get_response(request)
        try:
            key = _key(request)
            stamp, found = PublicationStamp.current_with(key)
        except Exception:  # a bad Host header and the like: let the normal path answer
            return self.get_response(request)
        entry = found.get(key)
        if entry is not None and entry[0] == stamp:
            return self._from_entry(request, entry)
        response = self.get_response(request)
        if _keepable(request, response):
            headers = {
                name: value for name, value in response.items()
                if name.lower() not in NOT_KEPT_HEADERS
            }  # fmt: skip
            embed_view_of = getattr(response, EMBED_VIEW_OF, None)
            cache.set(key, (stamp, response.content, headers, embed_view_of), RENDER_SECONDS)
        return response

    def _from_entry(self, request, entry):
        _stamp, content, headers, embed_view_of = entry
        if embed_view_of is not None:
            record_embed_view(request, embed_view_of)
        last_modified = parse_http_date_safe(headers.get("Last-Modified", ""))
        not_modified = get_conditional_response(
            request, etag=headers.get("ETag"), last_modified=last_modified
        )
        if not_modified is not None and not_modified.status_code == 304:
            for name, value in headers.items():
                if name.lower() != "content-type":
                    not_modified[name] = value
            return not_modified
        response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        response["Content-Length"] = str(len(content))
        return response
