"""A school's colours on other websites: the accent an embed, list or preview takes.

Beside the school (its `accent_colour`), so every channel and the previews read one rule.
"""

from home.models import HEX_COLOUR, SchoolPage

DEFAULT_ACCENT = "1d4f91"


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
