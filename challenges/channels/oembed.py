"""/oembed/: an oEmbed provider (https://oembed.com/) for public challenges, type "rich"."""

import re
from urllib.parse import urlsplit

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.http import require_safe

from challenges.channels.embed import get_public_challenge, public_challenges
from challenges.channels.http_cache import conditional
from challenges.media.storage import rendition_or_none
from library.http import InertJsonResponse, absolute, absolute_url, site_root

EMBED_PATH = re.compile(r"^/embed/challenges/(?P<uid>[0-9a-fA-F-]{32,36})/?$")
DEFAULT_WIDTH, DEFAULT_HEIGHT = 640, 800
MIN_SIZE = 50


class BadRequest(Exception):
    pass


def challenge_for_url(request, url):
    """The public challenge a URL of ours points at (its page or its embed), or 404."""
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018  (a malformed IPv6 host raises only when read)
    except ValueError:
        raise BadRequest("The url parameter is not a valid web address.") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Http404
    ours = urlsplit(site_root(request))
    if (parts.hostname, parts.port) != (ours.hostname, ours.port) and parts.netloc != ours.netloc:
        raise Http404  # not one of our URLs
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    match = EMBED_PATH.match(path)
    if match:
        return get_public_challenge(match["uid"])
    slug = path.rstrip("/").rsplit("/", 1)[-1]
    for challenge in public_challenges().filter(slug=slug):
        if challenge.url == path:
            return challenge
    raise Http404


def _size(request, name, default):
    value = request.GET.get(name)
    if value in (None, ""):
        return default
    if not value.isdigit() or int(value) < MIN_SIZE:
        raise BadRequest(f"{name} must be a whole number of pixels, at least {MIN_SIZE}.")
    return min(int(value), default)


def _thumbnail(request, challenge, width, height):
    image = challenge.hero_image
    if image is None or not image.may_leave_instance:
        return {}
    rendition = rendition_or_none(image, f"max-{min(width, 640)}x{min(height, 640)}")
    if rendition is None:
        return {}
    return {
        "thumbnail_url": absolute(request, rendition.url),
        "thumbnail_width": rendition.width,
        "thumbnail_height": rendition.height,
    }


@require_safe
def oembed(request):
    response_format = request.GET.get("format", "json")
    if response_format != "json":
        return HttpResponse("Only format=json is supported.", status=501, content_type="text/plain")
    url = request.GET.get("url", "")
    if not url:
        return HttpResponse("The url parameter is required.", status=400, content_type="text/plain")
    try:
        width = _size(request, "maxwidth", DEFAULT_WIDTH)
        height = _size(request, "maxheight", DEFAULT_HEIGHT)
    except BadRequest as error:
        return HttpResponse(str(error), status=400, content_type="text/plain")
    try:
        challenge = challenge_for_url(request, url)
    except BadRequest as error:
        return HttpResponse(str(error), status=400, content_type="text/plain")
    embed_url = absolute(request, reverse("embed_challenge", args=[challenge.uid]))
    organisation = challenge.credit_organisation

    def render_json():
        html = (
            f'<iframe src="{escape(embed_url)}" width="{width}" height="{height}" '
            f'title="{escape(challenge.title)}" loading="lazy" style="border:0;max-width:100%" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>'
        )
        data = {
            "version": "1.0",
            "type": "rich",
            "title": challenge.title,
            "author_name": organisation.title if organisation else "",
            "author_url": absolute_url(request, organisation) if organisation else "",
            "provider_name": "Learning Challenge Library",
            "provider_url": absolute(request, "/"),
            "cache_age": 300,
            "html": html,
            "width": width,
            "height": height,
            **_thumbnail(request, challenge, width, height),
        }
        return InertJsonResponse(data)

    return conditional(
        request, render_json, challenge.uid, challenge.version,
        last_modified=challenge.last_published_at,
    )  # fmt: skip
