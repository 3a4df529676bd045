"""schema.org LearningResource JSON-LD for a public challenge page."""

from challenges.languages.reading import html_lang
from challenges.licences import licence_for
from challenges.media.storage import rendition_or_none
from challenges.vocabulary import YEAR_GROUPS
from library.http import absolute, absolute_url


def iso_duration(minutes):
    hours, mins = divmod(int(minutes), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{mins}M" if mins or not hours else "")


def learning_resource(challenge, request=None):
    names = {code: label for code, label, _ in YEAR_GROUPS}
    organisation = challenge.credit_organisation
    data = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "@id": absolute_url(request, challenge),
        "url": absolute_url(request, challenge),
        "identifier": str(challenge.uid),
        "name": challenge.title,
        "description": challenge.summary,
        "inLanguage": html_lang(challenge.locale.language_code),
        "learningResourceType": challenge.get_kind_display(),
        "educationalLevel": challenge.key_stages + [names[c] for c in challenge.year_group_codes],
        "teaches": [block.value for block in challenge.outcomes],
        "about": [subject.name for subject in challenge.subjects.all()],
        "keywords": challenge.tag_names,
        "isAccessibleForFree": True,
        "version": challenge.version,
    }
    if challenge.effective_licence.url:  # schema.org wants a URL; all rights reserved has none
        data["license"] = challenge.effective_licence.url
    if challenge.duration_max_minutes or challenge.duration_min_minutes:
        data["timeRequired"] = iso_duration(
            challenge.duration_max_minutes or challenge.duration_min_minutes
        )
    if organisation is not None:
        data["creator"] = {
            "@type": "EducationalOrganization",
            "name": organisation.title,
            "url": absolute_url(request, organisation),
        }
    if challenge.contributor_names:
        data["contributor"] = [{"@type": "Person", "name": n} for n in challenge.contributor_names]
    if challenge.adapted_from and challenge.adapted_from.get("url"):
        data["isBasedOn"] = challenge.adapted_from["url"]
    if challenge.first_published_at:
        data["datePublished"] = challenge.first_published_at.date().isoformat()
    if challenge.last_published_at:
        data["dateModified"] = challenge.last_published_at.isoformat()
    image = challenge.hero_image
    shareable = image is not None and image.may_leave_instance
    rendition = rendition_or_none(image, "width-1200") if shareable else None
    if rendition is not None:
        data["image"] = image_object(request, image, rendition)
    return data


def image_object(request, image, rendition):
    """A schema.org ImageObject: the picture with its credit and licence, as shown on the page."""
    data = {
        "@type": "ImageObject",
        "contentUrl": absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }
    if image.credit:
        data["creditText"] = image.credit
    if image.licence and licence_for(image.licence).url:
        data["license"] = licence_for(image.licence).url
    if image.source_url:
        data["acquireLicensePage"] = image.source_url
    return data
