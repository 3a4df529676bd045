"""The print view: one challenge made for paper, with a QR code back to the online version."""

import segno
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from challenges.models import LearningChallengePage
from challenges.vocabulary import AGE_BAND_OF_YEAR, YEAR_GROUP_CHOICES, AgeBand
from library.http import absolute_url, uuid_or_404


@require_safe
def print_view(request, uid):
    """The challenge made for paper: one age band (`?year=3`), black and white (`?images=0`),
    the school's contact details and a QR code to the online version."""
    challenge = (
        LearningChallengePage.objects.visible_to(request.user)
        .select_related("school", "trust", "hero_image")
        .filter(uid=uuid_or_404(uid))
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
    return segno.make(url, error="m").svg_inline(scale=3, dark="#000", light="#fff", title="")
