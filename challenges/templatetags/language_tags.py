"""Families' languages in templates: `lang` and `dir` of the page, and a challenge's languages."""

from django import template
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html

from challenges.languages.reading import html_lang, is_rtl, language_name, published_languages
from challenges.languages.translating import english_is_newer
from challenges.languages.views import may_submit_translation
from challenges.models import LearningChallengePage
from library.http import absolute

register = template.Library()


@register.simple_tag
def html_language():
    """`lang` and `dir` attributes for the language being rendered (a page's, from its path; an
    embed's or printout's, from `?lang=`)."""
    code = translation.get_language()
    return format_html('lang="{}" dir="{}"', html_lang(code), "rtl" if is_rtl(code) else "ltr")


@register.simple_tag(takes_context=True)
def challenge_languages(context, page):
    """The languages this challenge is published in that the visitor may see, each with its
    absolute URL, as `[{code, hreflang, name, url, current, rtl}]` (empty when only one)."""
    request = context.get("request")
    viewer = getattr(request, "user", None)
    family = published_languages(page, LearningChallengePage.objects.visible_to(viewer))
    if len(family) < 2:
        return []
    return [
        {
            "code": member.locale.language_code,
            "hreflang": html_lang(member.locale.language_code),
            "name": language_name(member.locale.language_code),
            "url": absolute(request, member.get_url(request)),
            "current": member.pk == page.pk,
            "rtl": is_rtl(member.locale.language_code),
        }
        for member in family
    ]


@register.simple_tag
def english_version_newer(page):
    return english_is_newer(page)


@register.simple_tag(takes_context=True)
def english_version_url(context, page):
    request = context.get("request")
    return page.original().get_url(request)


@register.simple_tag(takes_context=True)
def translation_review(context, page):
    """For wagtail-localize's translation editor: where this translation goes to the trust's
    review, as `{"url", "in_review"}`, or None when `page` is no challenge translation or the
    user may not submit it (that editor offers "Publish" only to those who may publish)."""
    page = getattr(page, "specific", page)
    if not isinstance(page, LearningChallengePage) or not page.is_translation:
        return None
    if page.workflow_in_progress:
        return {"url": None, "in_review": True}
    user = getattr(context.get("request"), "user", None)
    if not may_submit_translation(user, page):
        return None
    return {"url": reverse("challenges_submit_translation", args=[page.pk]), "in_review": False}
