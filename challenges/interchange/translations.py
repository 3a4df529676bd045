"""Translations in interchange documents (format 1.2): what a package may say about them, and
how they land, through wagtail-localize, as draft translations of the challenge they came with.

A document's translation gives the family-facing fields in another language. They become a
translator's strings: each English segment of the challenge takes the segment at the same place
of the translated text, as a PO file would give it, so the translation is the same kind of thing
as one made in the admin (editable there, exported as PO, marked out of date by its original).
"""

import copy
from collections import defaultdict

from django.utils.translation import get_language_info
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

from challenges.interchange.serialise import (
    published_translations,
    site_root_url,
    translation_fields,
)
from challenges.languages.reading import ENGLISH, language_codes
from challenges.languages.translating import translate
from challenges.richtext import portable_rich_text

RICH_TEXT_FIELDS = ("support_ideas", "stretch_ideas", "family_guidance", "safety_notes")


def language_label(code):
    """ "Polish" for "pl": a language as a teacher in England names it."""
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return f"“{code}”"


def translation_problem(document):
    """Why the document's translations cannot land here, in words, or None."""
    seen = set()
    activity_ids = {activity.get("id") for activity in document["activities"]}
    for translation in document.get("translations") or ():
        code = translation["language"]
        if code.split("-")[0] == ENGLISH.split("-")[0]:
            return "It has a translation into English, the language the challenge is written in."
        if code not in language_codes():
            return (
                f"It has a translation into {language_label(code)}, which is not one of this "
                "library's languages."
            )
        label = language_label(code)
        if code in seen:
            return f"It has two {label} translations; a challenge has one per language."
        seen.add(code)
        for name in ("outcomes", "materials"):
            if len(translation[name]) != len(document[name]):
                return (
                    f"Its {label} translation has {len(translation[name])} {name} where the "
                    f"challenge has {len(document[name])}: each must translate the challenge's."
                )
        ids = [activity["id"] for activity in translation["activities"]]
        if len(ids) != len(set(ids)) or not set(ids) <= activity_ids:
            return (
                f"Its {label} translation names an activity the challenge does not have, or one "
                "activity twice."
            )
    return None


def _strings_by_place(instance):
    """{content path: [source strings in order]} of a challenge, as wagtail-localize cuts it."""
    places = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            places[segment.path].append(segment.string.data)
    return places


def _translated_copy(english, translation):
    """`english` (not saved) with the translation's texts in place of its own."""
    page = copy.copy(english)
    page.title, page.summary = translation["title"], translation["summary"]
    page.hero_image_alt = translation.get("hero_image_alt") or english.hero_image_alt
    page.share_how = translation["share_how"]
    for name in RICH_TEXT_FIELDS:
        setattr(page, name, portable_rich_text(translation[name]))
    outcomes = copy.deepcopy(list(english.outcomes.raw_data))
    for block, text in zip(outcomes, translation["outcomes"], strict=True):
        block["value"] = text
    page.outcomes = outcomes
    materials = copy.deepcopy(list(english.materials.raw_data))
    for block, material in zip(materials, translation["materials"], strict=True):
        block["value"] = {**block["value"], **material}
    page.materials = materials
    by_id = {activity["id"]: activity for activity in translation["activities"]}
    activities = copy.deepcopy(list(english.activities.raw_data))
    for block in activities:
        translated = by_id.get(block.get("id"))
        if translated:
            block["value"]["title"] = translated["title"]
            block["value"]["body"] = portable_rich_text(translated["body"])
    page.activities = activities
    return page


def translator_strings(english, translation):
    """{English segment: translated segment} for one translation of `english`: a segment whose
    place reads differently in the translation (a paragraph more or less) stays English."""
    source = _strings_by_place(english)
    target = _strings_by_place(_translated_copy(english, translation))
    strings = {}
    for place, texts in source.items():
        translated = target.get(place, [])
        if len(translated) == len(texts):
            pairs = zip(texts, translated, strict=True)
            # A string left as it was is no translation (the same English may be translated
            # elsewhere: one msgid, one translation, as in a PO file).
            strings.update((text, other) for text, other in pairs if other and other != text)
    return strings


def write_translations(page, document, user=None):
    """The document's translations as draft translations of `page` (the challenge just
    written from it), each to be reviewed and published like any change."""
    english = page.get_latest_revision_as_object()
    written = []
    for translation in document.get("translations") or ():
        strings = translator_strings(english, translation)
        written.append(
            translate(page, translation["language"], strings, user, publish=False, content=english)
        )
    return written


def carry_translations(original, copy, user=None):
    """The published translations of `original` as draft translations of `copy` (an
    adaptation of it): the same texts, to be reviewed for the copy's school."""
    root_url = site_root_url()
    documents = [translation_fields(page, root_url) for page in published_translations(original)]
    return write_translations(copy, {"translations": documents}, user)
