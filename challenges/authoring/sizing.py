"""How long a challenge is on paper and in a plain iframe, estimated from its text.

The print view (templates/embed/print.html, static/css/print.css) sets 11 pt text on A4 with
10 mm margins; the embed (static/embed/embed.css) sets 16 px text. The constants below were fitted
to Chromium: its PDF of the print view and the height of the embed at 700 px wide, for every demo
challenge (tests/browser/test_sizing.py measures them again and holds the estimate to one page).
"""

import math

from django.utils.html import strip_tags

from challenges import family_view
from challenges.authoring.starters import is_unused_slot

# The print view, in lines of 11 pt body text.
PRINT_CHARACTERS_PER_LINE = 100
PRINT_LINES_PER_PAGE = 57
PRINT_FIXED_LINES = 14  # title, facts, section headings' spacing, the contact footer and QR code
PRINT_HERO_LINES = 13  # an image at most 5 cm high
PRINT_HEADING_LINES = 2.2
PRINT_ACTIVITY_LINES = 2.6  # its title and its labels

# The embed at 700 px, in pixels.
EMBED_CHARACTERS_PER_LINE = 78
EMBED_LINE_PX = 24
EMBED_FIXED_PX = 420  # header, facts, buttons, credit footer
EMBED_HERO_PX = 460
EMBED_HEADING_PX = 54
EMBED_ACTIVITY_PX = 70
EMBED_DAY_HEADING_PX = 60  # a weekly project's day: its rule, margin and heading
EMBED_YEAR_CHOICE_PX = 70  # "My child is in..."
EMBED_MIN_PX, EMBED_MAX_PX = 600, 6000

# Scripts the stylesheets set taller than Latin text (line-height 1.9 and 1.7 against 1.5).
LINE_HEIGHT_SCALE = {"ur": 1.9 / 1.5, "ar": 1.7 / 1.5}


def _line_scale(challenge):
    locale = getattr(challenge, "locale", None)
    return LINE_HEIGHT_SCALE.get((getattr(locale, "language_code", "") or "")[:2], 1.0)


def _paragraphs(html):
    """The text of each paragraph or list item of a rich text, as a teacher wrote it."""
    source = getattr(html, "source", html) or ""
    for tag in ("</p>", "</li>", "</h3>", "<br>", "<br/>"):
        source = source.replace(tag, tag + "\n")
    return [line.strip() for line in strip_tags(source).splitlines() if line.strip()]


def _lines(texts, per_line):
    return sum(max(1, math.ceil(len(text) / per_line)) for text in texts)


def _sections(challenge, activities):
    """(heading lines, [texts]) per section, and each activity's texts."""
    sections = []
    if challenge.outcomes:
        sections.append([str(block.value) for block in challenge.outcomes])
    if challenge.materials:
        sections.append([
            block.value["item"] + " " + (block.value.get("household_alternative") or "")
            for block in challenge.materials
        ])  # fmt: skip
    for _heading, text in challenge.family_sections:
        sections.append(_paragraphs(text))
    if challenge.share_how:
        sections.append([challenge.share_how])
    bodies = [_paragraphs(activity.get("body")) for activity in activities]
    return sections, bodies


def activities_for_band(challenge, band=None):
    values = [
        block.value
        for block in challenge.activities
        if block.block_type == "activity" and not is_unused_slot(block.value)
    ]
    return family_view.activities_for_band(values, band)


def estimated_print_lines(challenge, band=None, with_images=True):
    sections, bodies = _sections(challenge, activities_for_band(challenge, band))
    lines = (
        PRINT_FIXED_LINES
        + _lines([challenge.title], 50)
        + _lines([challenge.summary or ""], PRINT_CHARACTERS_PER_LINE)
    )
    if with_images and challenge.hero_image_id:
        lines += PRINT_HERO_LINES
    for texts in sections:
        lines += PRINT_HEADING_LINES + _lines(texts, PRINT_CHARACTERS_PER_LINE)
    lines += PRINT_HEADING_LINES
    for texts in bodies:
        lines += PRINT_ACTIVITY_LINES + _lines(texts, PRINT_CHARACTERS_PER_LINE - 4)
    return lines


def estimated_print_pages(challenge, band=None, with_images=True):
    """Printed A4 pages of the print view (one sheet printed on both sides is 2)."""
    return max(
        1, math.ceil(estimated_print_lines(challenge, band, with_images) / PRINT_LINES_PER_PAGE)
    )


def estimated_embed_height(challenge):
    """A plain iframe's height in pixels: the embed's full length at 700 px wide, rounded up."""
    sections, bodies = _sections(challenge, activities_for_band(challenge))
    line_px = EMBED_LINE_PX * _line_scale(challenge)
    height = EMBED_FIXED_PX + _lines([challenge.summary or ""], EMBED_CHARACTERS_PER_LINE) * 27
    if challenge.hero_image_id:
        height += EMBED_HERO_PX
    for texts in sections:
        height += EMBED_HEADING_PX + _lines(texts, EMBED_CHARACTERS_PER_LINE) * line_px
    height += EMBED_HEADING_PX
    view = family_view.family_view(challenge)
    height += EMBED_DAY_HEADING_PX * len(view.days or [])
    height += EMBED_YEAR_CHOICE_PX if view.offers_choice else 0
    for texts in bodies:
        height += EMBED_ACTIVITY_PX + _lines(texts, EMBED_CHARACTERS_PER_LINE) * line_px
    rounded = int(math.ceil(height / 50.0) * 50)
    return min(EMBED_MAX_PX, max(EMBED_MIN_PX, rounded))
