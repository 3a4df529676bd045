"""Wagtail preview modes of a challenge: as embedded on a school website, and on paper.

The preview renders the draft being edited with the same templates as the public embed and print
views (challenges/channels/), so a teacher sees what families will get before submitting.
"""

import segno
from django.shortcuts import render
from django.urls import reverse

from challenges.family_view import family_view
from home.theming import DEFAULT_ACCENT

PREVIEW_MODES = [("", "Web page"), ("embed", "On a school website"), ("print", "Printed")]


def _online_url(request, challenge):
    return request.build_absolute_uri(challenge.url or "/")


def render_embed_preview(request, challenge):
    school = challenge.school
    accent = (school.accent_colour if school and school.accent_colour else DEFAULT_ACCENT).lower()
    image = challenge.hero_image
    return render(request, "embed/challenge.html", {
        "page": challenge,
        "accent": accent,
        "theme_url": reverse("embed_theme", args=[accent]),
        "challenge_url": _online_url(request, challenge),
        "print_url": "#",
        "image": image if image is not None and image.may_leave_instance else None,
        "family": family_view(challenge),
        "embed_path": "#",
    })  # fmt: skip


def render_print_preview(request, challenge):
    url = _online_url(request, challenge)
    image = challenge.hero_image
    return render(request, "embed/print.html", {
        "page": challenge,
        "family": family_view(challenge),
        "activities": [block.value for block in challenge.activities],
        "print_path": "#",
        "with_images": True,
        "image": image if image is not None and image.may_leave_instance else None,
        "online_url": url,
        "qr_svg": segno.make(url, error="m").svg_inline(
            scale=3, dark="#000", light="#fff", omitsize=True
        ),
        "contact": challenge.school or challenge.trust,
    })  # fmt: skip
