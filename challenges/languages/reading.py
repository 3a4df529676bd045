"""The reader's side: the language a reader asked for and the challenge in that language.

Which challenges a reader may see is not decided here: every function takes the queryset the
caller got from `visible_to` (challenges/visibility.py), and looks a translation up in it, so a
translation is exactly as visible as its original.
"""

from django.conf import settings
from wagtail.models import Locale

ENGLISH = settings.LANGUAGE_CODE  # "en-gb": the language of every original


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def language_name(code):
    """The language's name in itself ("Polski", "اردو"), as readers look for it."""
    return dict(settings.LANGUAGES).get(code, code)


def is_rtl(code):
    return (code or "").split("-")[0].lower() in settings.LANGUAGES_BIDI


def html_lang(code):
    """A BCP 47 tag for `lang` and `hreflang` attributes ("en-gb" -> "en-GB", "ur" -> "ur")."""
    language, _, region = (code or ENGLISH).partition("-")
    return f"{language.lower()}-{region.upper()}" if region else language.lower()


def supported(value):
    """One of our language codes for what a reader asked for ("UR", "pl-PL", "en"), or None."""
    value = (value or "").strip().lower().replace("_", "-")
    if not value:
        return None
    codes = {code.lower(): code for code in language_codes()}
    if value in codes:
        return codes[value]
    base = value.split("-")[0]
    if base == ENGLISH.split("-")[0]:
        return ENGLISH
    return codes.get(base)


def requested_language(request):
    """The language of `?lang=`, or None when absent or not one of ours (English then)."""
    return supported(request.GET.get("lang"))


def in_language(challenge, visible, code):
    """The challenge in language `code`, looked up among `visible` (what the reader may see),
    or the challenge itself when that language is not published (English for what is not
    translated)."""
    if not code or code == challenge.locale.language_code:
        return challenge
    if code == ENGLISH:
        original = visible.filter(
            translation_key=challenge.translation_key, locale__language_code=ENGLISH
        ).first()
        return original or challenge
    translated = (
        visible.filter(translation_key=challenge.translation_key, locale__language_code=code)
        .select_related("locale")
        .first()
    )
    return translated or challenge


def published_languages(challenge, visible):
    """The challenge in each language it is published in that the reader may see, English first
    then in the order of settings.LANGUAGES (one query)."""
    family = list(
        visible.filter(translation_key=challenge.translation_key).select_related("locale")
    )
    order = {code: index for index, code in enumerate(language_codes())}
    return sorted(family, key=lambda page: order.get(page.locale.language_code, len(order)))


def in_language_listing(visible, code):
    """The challenges of a listing in language `code` (`?lang=` on the API and feeds): among
    `visible`, the published translations into it, or the English originals for English."""
    # By the locale's id: the one locale field a full-text search can also filter by.
    locale = Locale.objects.filter(language_code=code).first()
    return visible.filter(locale_id=locale.pk) if locale else visible.none()


def translations_by_uid(visible, uids, code):
    """{original uid: its translation into `code`} for the originals named by `uids` that have
    one among `visible` (two queries, whatever the number of challenges)."""
    keys = dict(visible.filter(uid__in=list(uids)).values_list("translation_key", "uid"))
    translated = in_language_listing(visible, code).filter(translation_key__in=list(keys))
    return {str(keys[page.translation_key]): page for page in translated.select_related("locale")}


def language_error(value):
    """The words for a `lang=` that is none of ours, or "" when it is one (or absent)."""
    if not (value or "").strip() or supported(value):
        return ""
    return f"lang must be one of the library's languages: {', '.join(language_codes())}."
