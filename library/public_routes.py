"""Public responses carry no cookies: the one place that says which routes are public and keeps
session, CSRF, authentication and messages out of them.

Shared caches (a CDN, Varnish) may keep a public response and hand it to everyone, so no public
response may carry `Set-Cookie` (a CSRF token, a session deletion) or `Vary: Cookie`, whatever
cookies the request brings.

- Channel routes (embeds, widget, list, oEmbed, feeds, API, sitemap, schema, media) never read
  or write the session: the session, auth and messages middlewares below step aside for them
  entirely. Django's own CSRF middleware stays in place (check --deploy looks for it by name):
  it reads no database, and whatever cookie it would renew is shed on the way out.
- Every other response to a visitor who is not signed in (pages, search, print) sheds the
  session and CSRF cookies and `Vary: Cookie` on the way out. The admin keeps them: its login
  form needs its CSRF cookie.
"""

from django.conf import settings
from django.contrib.auth import get_user
from django.contrib.auth.middleware import AuthenticationMiddleware as DjangoAuthentication
from django.contrib.messages.middleware import MessageMiddleware as DjangoMessages
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSession
from django.utils.cache import patch_vary_headers
from django.utils.deprecation import MiddlewareMixin
from django.utils.module_loading import import_string

from library.routes import kind_of


def is_channel_route(request):
    """Routes read by other websites and caches: never any session, CSRF or user state."""
    return not kind_of(request.path_info).sessions


def is_stateful_route(request):
    return kind_of(request.path_info).admin


def session_user(request):
    """The signed-in user on a channel route, read without touching the response.

    For the rare channel decision that depends on who asks (a non-public image for its editor):
    the session is read, never saved, so no cookie is set or deleted.
    """
    if not hasattr(request, "session"):
        engine = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
        request.session = engine(request.COOKIES.get(settings.SESSION_COOKIE_NAME))
    return get_user(request)


class StepAsideOnChannels(MiddlewareMixin):
    """Mixed into each state middleware: on channel routes it does nothing at all."""

    def __call__(self, request):
        if is_channel_route(request):
            return self.get_response(request)
        return super().__call__(request)

    def process_view(self, request, *args, **kwargs):
        if is_channel_route(request):
            return None
        parent = getattr(super(), "process_view", None)
        return parent(request, *args, **kwargs) if parent else None


class SessionMiddleware(StepAsideOnChannels, DjangoSession):
    pass


class AuthenticationMiddleware(StepAsideOnChannels, DjangoAuthentication):
    pass


class MessageMiddleware(StepAsideOnChannels, DjangoMessages):
    pass


class AnonymousResponsesStayPublic:
    """Outermost: a response for a visitor who is not signed in leaves without state cookies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_channel_route(request) or is_stateful_route(request):
            if is_channel_route(request):
                strip_state(response)  # e.g. the CSRF middleware renewing a malformed token
            return response
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            strip_state(response)
        else:
            patch_vary_headers(response, ["Cookie"])  # what a teacher sees is theirs alone
        return response


SHED_COOKIES = "shed_state_cookies"  # set on a response that came with state cookies


def strip_state(response):
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
        if response.cookies.pop(name, None) is not None:
            setattr(response, SHED_COOKIES, True)  # made for one visitor: no shared copy
    if response.has_header("Vary"):
        kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]
