"""One challenge on school websites: the embed page, its themes and embed.js.

Embeds always render as an anonymous visitor: these views never touch `request.user` or the
session, so no cookie is read or set whatever the visitor's browser sends.
"""

import hashlib
from functools import lru_cache
from urllib.parse import urlencode

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from challenges.channels.http_cache import conditional
from challenges.embed_stats.counter import record_embed_view
from challenges.family_view import family_view
from challenges.languages.reading import ENGLISH, html_lang, in_language, requested_language
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


def get_public_challenge(uid, lang=None):
    """The public challenge with this uid; an unknown and a non-public uid are the same 404.
    With `lang`, the challenge in that language when a public translation exists, else as is
    (the translation is looked up among public challenges: the same rule as its original)."""
    challenge = public_challenges().filter(uid=uuid_or_404(uid)).first()
    if challenge is None:
        raise Http404
    return in_language(challenge, public_challenges(), lang)


def render_in_language(request, template_name, context, challenge):
    """Render in the challenge's language: `lang`/`dir` and the page furniture follow it."""
    code = challenge.locale.language_code
    with translation.override(code):
        response = render(request, template_name, context)
    response["Content-Language"] = html_lang(code)
    return response


@require_safe
def theme_css(request, accent):
    """A tiny stylesheet per accent colour: theming without inline styles (strict CSP)."""
    if not HEX_COLOUR.match(accent):
        raise Http404
    css = f":root{{--accent:#{accent.lower()};--on-accent:#{text_colour_on(accent.lower())}}}\n"
    response = HttpResponse(css, content_type="text/css")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


# What a choice of year keeps of the embed's address: the school's theme and the language.
KEPT_PARAMETERS = ("school", "accent", "lang")


def _print_query(family, challenge):
    """The print view's query: the family's year and the language the embed is read in."""
    params = [("year", family.year)] if family.year else []
    if challenge.locale.language_code != ENGLISH:
        params.append(("lang", challenge.locale.language_code))
    return f"?{urlencode(params)}" if params else ""


def _embed_context(request, challenge):
    accent = accent_for(request, challenge)
    image = challenge.hero_image
    family = family_view(challenge, request.GET.get("year"))
    path = reverse("embed_challenge", args=[challenge.uid])
    keep = [(name, request.GET[name]) for name in KEPT_PARAMETERS if request.GET.get(name)]
    return {
        "page": challenge,
        "accent": accent,
        "theme_url": reverse("embed_theme", args=[accent]),
        "challenge_url": absolute_url(request, challenge),
        "print_url": absolute(request, reverse("challenge_print", args=[challenge.uid]))
        + _print_query(family, challenge),
        "image": image if image is not None and image.may_leave_instance else None,
        "family": family,
        "embed_path": path,
        "keep": keep,
        "every_url": f"{path}?{urlencode(keep)}" if keep else path,
    }


@require_safe
@xframe_options_exempt
def embed_challenge(request, uid):
    challenge = get_public_challenge(uid, requested_language(request))
    record_embed_view(request, challenge)  # in the cache: never a database write per view

    def render_embed():
        context = _embed_context(request, challenge)
        return render_in_language(request, "embed/challenge.html", context, challenge)

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
