"""Content Security Policy per kind of route, on top of django-csp; the language of a request."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.http import ConditionalGetMiddleware
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control

from library.routes import kind_of

# Wagtail's admin relies on inline scripts and styles; it still refuses framing by others.
ADMIN_POLICY = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "font-src": ["'self'", "data:"],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """A strict policy everywhere; embeds may be framed by anyone; the admin gets what it needs.

    A response marked SAMEORIGIN by Wagtail (its preview panel frames the admin) keeps
    frame-ancestors 'self' so the editor's own preview still works. Framing is decided here
    for both headers: an embed route drops X-Frame-Options, so the two never disagree.
    """

    def process_response(self, request, response):
        if kind_of(request.path_info).framed_by_any:
            del response["X-Frame-Options"]
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        replace = dict(parts.replace or {})
        kind = kind_of(request.path_info)
        if kind.framed_by_any:  # made to be framed by any school website
            replace["frame-ancestors"] = ["*"]
        elif response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            replace["frame-ancestors"] = ["'self'"]
        if kind.admin:
            replace.update(ADMIN_POLICY)
        parts.replace = replace
        return parts


class PublicCacheControlMiddleware:
    """Lets shared caches keep what an anonymous visitor gets; keeps the rest private.

    A GET without a session cookie that sets no cookie is the same for every anonymous visitor:
    `public` with a short `s-maxage` for the front cache (which is purged on every change) and
    `max-age=0` for browsers, so a visitor never sees an old page after a purge. A response that
    already says how to cache it (channels, static files) is left alone. Admin responses, and
    anything for a signed-in visitor or a partner token, are `private`.
    """

    SHARED_MAX_AGE = 300

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if kind_of(request.path_info).admin:
            patch_cache_control(response, private=True)
        elif (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META  # partner tokens: theirs alone
            and not response.cookies
            and response.status_code in (200, 404)
        ):
            patch_cache_control(response, public=True, max_age=0, s_maxage=self.SHARED_MAX_AGE)
        else:
            patch_cache_control(response, private=True)
        return response


class PathLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware with the language taken from the path alone.

    English pages keep their unprefixed URLs and a translation has its own (`/pl/...`), so the
    path always decides: no Accept-Language negotiation, no redirect, and so no
    `Vary: Accept-Language` (shared caches keep one copy of each URL).
    """

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class PageConditionalGetMiddleware(ConditionalGetMiddleware):
    """ETag (from the body) and 304 for pages and search, as Django's ConditionalGetMiddleware.

    Channels set their own validators (library/http.py) and keep them; the admin is left out
    (its pages carry a CSRF token per visitor). Listed outside PublicCacheControlMiddleware, so
    a 304 keeps the Cache-Control of the page it stands for, and inside the render cache, which
    stores the ETag with the page and answers If-None-Match from it.
    """

    def process_response(self, request, response):
        if kind_of(request.path_info).admin:
            return response
        return super().process_response(request, response)
