"""Publishing on school websites: the embed page, the list widget (JSON and iframe), themes,
the print view and embed.js.

Embeds always render as an anonymous visitor: these views never touch `request.user` or the
session, so no cookie is read or set whatever the visitor's browser sends.
"""

import hashlib
import re
import uuid
from functools import lru_cache

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from home.models import SchoolPage

from .filters import ChallengeFilterForm
from .http_cache import InertJsonResponse, conditional
from .usage import record_embed_view
from .visibility import anonymous, visible_to
from .vocabulary import AGE_BAND_OF_YEAR, YEAR_GROUP_CHOICES, AgeBand

DEFAULT_ACCENT = "1d4f91"
HEX_COLOUR = re.compile(r"^[0-9a-fA-F]{6}$")
WIDGET_MAX_LIMIT = 24


def absolute_url(request, page):
    """The page's address on the host the request came to (links out of embeds and prints)."""
    return request.build_absolute_uri(page.url)


def public_challenges():
    """What every embed channel may show: what an anonymous visitor may see."""
    return visible_to(anonymous()).select_related("school", "trust", "hero_image")


def get_public_challenge(uid):
    """The public challenge with this uid; an unknown and a non-public uid are the same 404."""
    try:
        uid = uuid.UUID(str(uid))
    except ValueError:
        raise Http404 from None
    challenge = public_challenges().filter(uid=uid).first()
    if challenge is None:
        raise Http404
    return challenge


def accent_for(request, challenge=None):
    """`?accent=RRGGBB`, else `?school=<slug>`'s colour, else the challenge's school's colour.

    An invalid value falls back to the default: a school website must never show a broken embed.
    """
    accent = request.GET.get("accent", "")
    if HEX_COLOUR.match(accent):
        return accent.lower()
    school_slug = request.GET.get("school", "")
    if school_slug:
        colour = (
            SchoolPage.objects.live()
            .filter(slug=school_slug)
            .values_list("accent_colour", flat=True)
        ).first()
        if colour:
            return colour.lower()
    if challenge is not None and challenge.school and challenge.school.accent_colour:
        return challenge.school.accent_colour.lower()
    return DEFAULT_ACCENT


def text_colour_on(accent):
    """Black or white, whichever reads better on the accent (WCAG relative luminance)."""

    def channel(hex_pair):
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(accent[i : i + 2]) for i in (0, 2, 4))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "000000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "ffffff"


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
        "print_url": request.build_absolute_uri(reverse("challenge_print", args=[challenge.uid])),
        "image": image if image is not None and image.may_leave_instance else None,
    }


@require_safe
@xframe_options_exempt
def embed_challenge(request, uid):
    challenge = get_public_challenge(uid)
    _count_view(request, challenge)

    def render_embed():
        return render(request, "embed/challenge.html", _embed_context(request, challenge))

    response = conditional(
        request, render_embed, challenge.uid, challenge.version,
        last_modified=challenge.last_published_at, cache_rendering=True,
    )  # fmt: skip
    response.embed_view_of = challenge.pk  # counted when the render cache answers next time
    return response


def _count_view(request, challenge):
    record_embed_view(request, challenge)  # in the cache: never a database write per view


def channel_query(request, default_limit=6, max_limit=WIDGET_MAX_LIMIT):
    """The search filter form plus `limit`: (ChallengeQuery, {}) or (None, errors)."""
    form = ChallengeFilterForm(request.GET)
    limit = request.GET.get("limit", str(default_limit))
    errors = {}
    if not limit.isdigit() or not 1 <= int(limit) <= max_limit:
        errors["limit"] = f"limit must be a whole number from 1 to {max_limit}."
    if not form.is_valid():
        errors.update(form.error_text())
    if errors:
        return None, errors
    return form.to_query(per_page=int(limit)), {}


def widget_cards(request, query):
    """Public challenge cards for other websites, with absolute URLs."""
    from search.backends import get_search  # noqa: PLC0415  (search depends on challenges)

    result = get_search().search(query, anonymous())
    cards = []
    for card in result.results:
        cards.append({
            "uid": card["uid"],
            "title": card["title"],
            "summary": card["summary"],
            "url": request.build_absolute_uri(card["url"]),
            "embed_url": request.build_absolute_uri(reverse("embed_challenge", args=[card["uid"]])),
            "image_url": request.build_absolute_uri(card["image_url"]) if card["image_url"] else "",
            "image_alt": card.get("image_alt", ""),
            "school": card["school"],
            "trust": card["trust"],
            "key_stages": card["key_stages"],
            "duration_min_minutes": card["duration_min_minutes"],
            "duration_max_minutes": card["duration_max_minutes"],
            "first_published_at": card.get("first_published_at"),
            "last_published_at": card.get("last_published_at"),
        })  # fmt: skip
    return result.total, cards


@require_safe
def widget_json(request):
    query, errors = channel_query(request)
    if errors:
        return InertJsonResponse({"errors": errors}, status=400)

    def render_json():
        total, cards = widget_cards(request, query)
        return InertJsonResponse({"total": total, "results": cards})

    return conditional(request, render_json)


@require_safe
@xframe_options_exempt
def embed_list(request):
    """The list widget as a plain page, for website builders that strip scripts."""
    query, errors = channel_query(request)
    if errors:
        return render(request, "embed/list.html", {"errors": errors}, status=400)

    def render_list():
        total, cards = widget_cards(request, query)
        accent = accent_for(request)
        return render(request, "embed/list.html", {
            "cards": cards, "total": total, "theme_url": reverse("embed_theme", args=[accent]),
        })  # fmt: skip

    return conditional(request, render_list)


@require_safe
def print_view(request, uid):
    """The challenge made for paper: one age band (`?year=3`), black and white (`?images=0`),
    the school's contact details and a QR code to the online version."""
    try:
        uid = uuid.UUID(str(uid))
    except ValueError:
        raise Http404 from None
    challenge = (
        visible_to(request.user).select_related("school", "trust", "hero_image").filter(uid=uid)
    ).first()
    if challenge is None:
        raise Http404
    year = request.GET.get("year", "")
    band = AGE_BAND_OF_YEAR.get(year.upper(), AgeBand.KS3_PLUS if year.isdigit() else None)
    activities = [
        block.value for block in challenge.activities
        if band is None or block.value["age_band"] in (band, AgeBand.ALL)
    ]  # fmt: skip
    with_images = request.GET.get("images") != "0"
    url = absolute_url(request, challenge)
    response = render(request, "embed/print.html", {
        "page": challenge,
        "activities": activities,
        "year": dict(YEAR_GROUP_CHOICES).get(year.upper()),
        "years": YEAR_GROUP_CHOICES,
        "with_images": with_images,
        "image": challenge.hero_image if with_images and challenge.hero_image else None,
        "online_url": url,
        "qr_svg": qr_svg(url),
        "contact": challenge.school or challenge.trust,
    })  # fmt: skip
    # Opened from embeds sandboxed with allow-popups: a same-origin opener policy would make
    # Chromium refuse to show it in that popup.
    response["Cross-Origin-Opener-Policy"] = "unsafe-none"
    return response


def qr_svg(url):
    import segno

    return segno.make(url, error="m").svg_inline(scale=3, dark="#000", light="#fff", title="")


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
