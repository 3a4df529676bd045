"""The print view: one challenge made for paper, with a QR code back to the online version."""

import segno
from django.http import Http404
from django.urls import reverse
from django.views.decorators.http import require_safe

from challenges.channels.embed import render_in_language
from challenges.family_view import family_view
from challenges.languages.reading import in_language, requested_language
from challenges.models import LearningChallengePage
from library.http import absolute_url, uuid_or_404


@require_safe
def print_view(request, uid):
    """The challenge made for paper: one age band (`?year=3`), black and white (`?images=0`),
    the school's contact details and a QR code to the online version."""
    visible = LearningChallengePage.objects.visible_to(request.user)
    challenge = (
        visible.select_related("school", "trust", "hero_image").filter(uid=uuid_or_404(uid))
    ).first()
    if challenge is None:
        raise Http404
    lang = requested_language(request)
    challenge = in_language(challenge, visible, lang)
    family = family_view(challenge, request.GET.get("year"))
    with_images = request.GET.get("images") != "0"
    url = absolute_url(request, challenge)
    response = render_in_language(request, "embed/print.html", {
        "page": challenge,
        "family": family,
        "activities": family.activities,
        "print_path": reverse("challenge_print", args=[challenge.uid]),
        "with_images": with_images,
        "image": challenge.hero_image if with_images and challenge.hero_image else None,
        "online_url": url,
        "qr_svg": qr_svg(url),
        "contact": challenge.school or challenge.trust,
        "lang": lang,  # the year form keeps it
    }, challenge)  # fmt: skip
    # Opened from embeds sandboxed with allow-popups: a same-origin opener policy would make
    # Chromium refuse to show it in that popup.
    response["Cross-Origin-Opener-Policy"] = "unsafe-none"
    return response


def qr_svg(url):
    return segno.make(url, error="m").svg_inline(
        scale=3,
        dark="#000",
        light="#fff",
        title="",
        omitsize=True,  # a viewBox: CSS scales it
    )
