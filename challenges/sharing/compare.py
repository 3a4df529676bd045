"""Comparisons a teacher reads: each value as plain text (rich text rendered to its words, choices
by their labels), and the change between two versions marked with Wagtail's revision comparison
(`diff_text`: insertions and deletions in spans the admin already styles). Never raw lists or
HTML source."""

from django.utils.html import format_html, format_html_join
from wagtail.admin.compare import diff_text
from wagtail.utils.text import text_from_html

from challenges.models import ChallengeDocument, ChallengeImage
from challenges.vocabulary import ActivitySubject, AgeBand, Day

RICH_TEXT = {"family_guidance", "support_ideas", "stretch_ideas", "safety_notes"}
CHOICES = {"kind", "cost", "adult_support"}
MANY = {"year_groups", "subjects", "themes"}


def _label(choices, value):
    return dict(choices.choices).get(value, value or "")


def field_text(page, name):
    """A content field of a page (or revision) as the words a teacher reads."""
    if page is None:
        return ""
    if name in RICH_TEXT:
        return text_from_html(getattr(page, name) or "")
    if name in CHOICES:
        return getattr(page, f"get_{name}_display")()
    if name in MANY:
        return ", ".join(sorted(str(item) for item in getattr(page, name).all()))
    if name == "outcomes":
        return "\n".join(str(block.value) for block in page.outcomes)
    if name == "materials":
        return "\n".join(_material(block.value) for block in page.materials)
    value = getattr(page, name)
    return "" if value is None else str(value)


def _material(value):
    alternative = value.get("household_alternative")
    return f"{value.get('item')} (or {alternative})" if alternative else str(value.get("item"))


def _title_of(model, pk):
    return model.objects.filter(pk=pk).values_list("title", flat=True).first() or ""


def activity_lines(value):
    """An activity (its stored value, or None where it does not exist) as (label, text) lines."""
    value = value or {}
    image = value.get("image") or {}
    worksheet = _title_of(ChallengeDocument, value["document"]) if value.get("document") else ""
    picture = ""
    if image.get("image"):
        picture = _title_of(ChallengeImage, image["image"])
        if image.get("alt_text"):
            picture = f"{picture}: {image['alt_text']}"
    return [
        ("Title", value.get("title") or ""),
        ("Day", _label(Day, value.get("day"))),
        ("Subject", _label(ActivitySubject, value.get("subject"))),
        ("Age band", _label(AgeBand, value.get("age_band")) if value else ""),
        ("Needs a screen", ("Yes" if value.get("needs_screen") else "No") if value else ""),
        ("What to do", text_from_html(value.get("body") or "")),
        ("Picture", picture),
        ("Video", value.get("video_url") or ""),
        ("Worksheet", worksheet),
    ]


def marked(before, after):
    """The change from one text to another, insertions and deletions marked (safe HTML)."""
    return diff_text(before or "", after or "").to_html()


def marked_activity(before, after):
    """An activity's change line by line (unchanged empty lines left out), as safe HTML."""
    lines = [
        (label, marked(old, new))
        for (label, old), (_, new) in zip(
            activity_lines(before), activity_lines(after), strict=True
        )
        if old or new
    ]
    return format_html(
        '<dl class="activity-change">{}</dl>',
        format_html_join("", "<dt>{}</dt><dd>{}</dd>", lines),
    )


def activity_title(merge):
    for value in (merge.ours, merge.theirs, merge.base):
        if value and value.get("title"):
            return value["title"]
    return "Untitled activity"
