"""Saved searches shown on other websites: the list widget as JSON and as a plain iframe page.

Search owns them because each is a search (the filter form plus `limit`) answered by the
search implementation; the challenge channels only lend their theme and accent.
"""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from challenges.channels.http_cache import conditional
from challenges.filters import ChallengeFilterForm
from challenges.languages.reading import ENGLISH, html_lang, translations_by_uid
from challenges.models import LearningChallengePage
from challenges.templatetags.challenge_tags import minutes
from challenges.visibility import anonymous
from home.theming import accent_for, text_colour_on
from library.http import InertJsonResponse, absolute
from search.backends import get_search

WIDGET_MAX_LIMIT = 24
NOT_FILTERS = ("limit", "accent", "open", "format", "page")  # how a list shows, not what


def search_url_for(request):
    """The search page listing what this widget lists: the canonical of the plain-iframe list."""
    filters = request.GET.copy()
    for name in NOT_FILTERS:
        filters.pop(name, None)
    query = filters.urlencode()
    return absolute(request, reverse("search:search") + (f"?{query}" if query else ""))


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


def time_text(low, high):
    """20, 45 -> "20 minutes to 45 minutes"; the card's "Time"."""
    if not low and not high:
        return ""
    if low and high and high != low:
        return f"{minutes(low)} to {minutes(high)}"
    return minutes(low or high)


def in_language(cards, language, request):
    """The cards of challenges published in `language`, each as its translation (title, summary,
    address); search stays English, so a translation is found through its original."""
    visible = LearningChallengePage.objects.visible_to(anonymous())
    translations = translations_by_uid(visible, [card["uid"] for card in cards], language)
    translated = []
    for card in cards:
        page = translations.get(str(card["uid"]))
        if page is not None:
            translated.append({
                **card, "title": page.title, "summary": page.summary,
                "url": absolute(request, page.url), "language": html_lang(language),
            })  # fmt: skip
    return translated


def widget_cards(request, query, language=ENGLISH):
    """Public challenge cards for other websites, with absolute URLs; with a `language` other
    than English, only those published in it, as translated."""
    result = get_search().search(query, anonymous())
    if language != ENGLISH:
        return result.total, in_language(_cards(request, result), language, request)
    return result.total, _cards(request, result)


def _cards(request, result):
    cards = []
    for card in result.results:
        cards.append({
            "uid": card["uid"],
            "title": card["title"],
            "summary": card["summary"],
            "url": absolute(request, card["url"]),
            "embed_url": absolute(request, reverse("embed_challenge", args=[card["uid"]])),
            "image_url": absolute(request, card["image_url"]),
            "image_alt": card.get("image_alt", ""),
            "school": card["school"],
            "trust": card["trust"],
            "key_stages": card["key_stages"],
            "year_groups": card.get("year_groups", ""),
            "time": time_text(card["duration_min_minutes"], card["duration_max_minutes"]),
            "licence": card.get("licence", ""),
            "duration_min_minutes": card["duration_min_minutes"],
            "duration_max_minutes": card["duration_max_minutes"],
            "first_published_at": card.get("first_published_at"),
            "last_published_at": card.get("last_published_at"),
            "language": html_lang(ENGLISH),
        })  # fmt: skip
    return cards


@require_safe
def widget_json(request):
    query, errors = channel_query(request)
    if errors:
        return InertJsonResponse({"errors": errors}, status=400)

    def render_json():
        total, cards = widget_cards(request, query)
        # The list takes the school's colour (`accent`, else `school`'s), and text that reads on it.
        accent = accent_for(request)
        return InertJsonResponse({
            "total": total, "results": cards,
            "accent": accent, "on_accent": text_colour_on(accent),
        })  # fmt: skip

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
            "canonical_url": search_url_for(request),
        })  # fmt: skip

    return conditional(request, render_list)
