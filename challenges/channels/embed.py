"""One challenge on school websites: the embed page, its themes and embed.js.

Embeds always render as an anonymous visitor: these views never touch `request.user` or the
session, so no cookie is read or set whatever the visitor's browser sends.
"""

import hashlib
from functools import lru_cache

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from challenges.channels.http_cache import conditional
from challenges.embed_stats.counter import record_embed_view
from challenges.models import LearningChallengePage
from challenges.visibility import anonymous
from home.models import HEX_COLOUR
from home.theming import accent_for, text_colour_on
from library.http import absolute, absolute_url, uuid_or_404


def public_challenges():
    """What every embed channel may show: what an anonymous visitor may see."""
    return LearningChallengePage.objects.visible_to(anonymous()).select_related(
        "school", "trust", "hero_image"
    )


def get_public_challenge(uid):
    """The public challenge with this uid; an unknown and a non-public uid are the same 404."""
    challenge = public_challenges().filter(uid=uuid_or_404(uid)).first()
    if challenge is None:
        raise Http404
    return challenge


@require_safe
def theme_css(request, accent):
    """A tiny stylesheet per accent colour: theming without inline styles (strict CSP)."""
    if not HEX_COLOUR.match(accent):
        raise Http404
    css = f":root{{--accent:#{accent.lower()};--on-accent:#{text_colour_on(accent.lower())}}}\n"
    response = HttpResponse(css, content_type="text/css")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def _embed_context(request, challenge):
    accent = accent_for(request, challenge)
    image = challenge.hero_image
    return {
        "page": challenge,
        "accent": accent,
        "theme_url": reverse("embed_theme", args=[accent]),
        "challenge_url": absolute_url(request, challenge),
        "print_url": absolute(request, reverse("challenge_print", args=[challenge.uid])),
        "image": image if image is not None and image.may_leave_instance else None,
    }


@require_safe
@xframe_options_exempt
def embed_challenge(request, uid):
    challenge = get_public_challenge(uid)
    record_embed_view(request, challenge)  # in the cache: never a database write per view

    def render_embed():
        return render(request, "embed/challenge.html", _embed_context(request, challenge))

    response = conditional(
        request, render_embed, challenge.uid, challenge.version,
        last_modified=challenge.last_published_at, cache_rendering=True,
    )  # fmt: skip
    response.embed_view_of = challenge.pk  # counted when the render cache answers next time
    return response


@lru_cache(maxsize=1)
def _embed_js():
    """The script and a digest of it (its version), read once per process."""
    with open(finders.find("embed/embed.js"), "rb") as script:
        content = script.read()
    return content, hashlib.sha256(content).hexdigest()[:12]


def _to_current_embed_js():
    response = HttpResponseRedirect(reverse("embed_js_versioned", args=[_embed_js()[1]]))
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
def embed_js(request):
    """The stable URL schools paste; it points at the versioned, long-cached script."""
    return _to_current_embed_js()


@require_safe
def embed_js_versioned(request, version):
    content, current = _embed_js()
    if version != current:
        return _to_current_embed_js()
    response = HttpResponse(content, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
