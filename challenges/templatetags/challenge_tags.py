"""Challenge lists and structured data for templates (home, trust and school pages use these)."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from challenges.channels.page_meta import SITE_NAME, page_meta
from challenges.channels.structured_data import learning_resource
from challenges.models import LearningChallengePage
from challenges.vocabulary import ActivitySubject, AgeBand, Day, year_groups_text
from home.models import SchoolPage
from library import http

register = template.Library()


def _cards(queryset):
    return (
        queryset.select_related("school", "trust", "hero_image")
        .prefetch_related("year_groups")
        .order_by("-first_published_at", "pk")
    )


@register.simple_tag(takes_context=True)
def latest_challenges(context, limit=12):
    """The newest challenges the current visitor may see."""
    visible = LearningChallengePage.objects.originals().visible_to(context["request"].user)
    return _cards(visible)[:limit]


@register.simple_tag(takes_context=True)
def challenges_of(context, page, limit=None):
    """Challenges owned by a trust or school page that the current visitor may see."""
    queryset = LearningChallengePage.objects.originals().visible_to(context["request"].user)
    owned = (
        queryset.filter(school=page)
        if isinstance(page, SchoolPage)
        else queryset.filter(trust=page)
    )
    owned = _cards(owned)
    return owned[:limit] if limit else owned


@register.simple_tag(takes_context=True)
def learning_resource_json_ld(context, challenge):
    data = learning_resource(challenge, context["request"])
    text = http.inert_json(data)  # so the JSON cannot close the <script> element
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


@register.filter
def minutes(value):
    """45 -> "45 minutes", 90 -> "1 hour 30 minutes"."""
    if value in (None, ""):
        return ""
    hours, mins = divmod(int(value), 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if mins or not hours:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", mins) % {"count": mins})
    return " ".join(parts)


@register.filter
def year_span(year_groups):
    """Year groups (or their codes) as a family reads them: "Reception to Year 2"."""
    return year_groups_text([getattr(year, "code", year) for year in year_groups])


@register.filter
def activity_labels(activity, omit=""):
    """Day, subject, age band and screen use of an activity, as short labels (`"day"`: without
    the day, for an activity listed under its day's heading)."""
    labels = []
    if activity.get("day") and omit != "day":
        labels.append(Day(activity["day"]).label)
    if activity.get("subject"):
        labels.append(ActivitySubject(activity["subject"]).label)
    labels.append(AgeBand(activity.get("age_band") or AgeBand.ALL).label)
    labels.append("Needs a screen" if activity.get("needs_screen") else "No screen needed")
    return [gettext(label) for label in labels]  # in the reader's language, from its catalog


@register.simple_tag(takes_context=True)
def absolute_url(context, page):
    """The page's public address (the Site's, never the Host header's)."""
    return http.absolute_url(context.get("request"), page)


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta_tags(context, title=""):
    """Meta description, canonical link and Open Graph tags for the page being shown."""
    meta = page_meta(context["request"], context.get("page"), title)
    return {"meta": meta, "site_name": SITE_NAME}


@register.simple_tag(takes_context=True)
def oembed_discovery_url(context, page_url):
    """The oEmbed endpoint for a page, absolute: consumers fetch it from elsewhere."""
    query = urlencode({"url": page_url, "format": "json"})
    return http.absolute(context.get("request"), f"{reverse('oembed')}?{query}")
