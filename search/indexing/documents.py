"""What gets indexed for a published challenge: one dict, the same for every implementation."""

from itertools import islice

from challenges.filters import facet_values
from challenges.media.storage import rendition_or_none
from challenges.models import LearningChallengePage
from challenges.models.adaptations import adaptation_count, adaptation_counts
from challenges.vocabulary import year_groups_text
from search.text import analysed, plain_text


def _activity_text(challenge):
    for activity in challenge.activity_values:
        yield activity["title"]
        yield plain_text(activity["body"].source if activity["body"] else "")


def _card_shows_image(challenge):
    # Cards also feed the widget and feeds on other websites: no photos of pupils there.
    image = challenge.hero_image
    return image is not None and image.may_leave_instance


def _card(challenge):
    shows_image = _card_shows_image(challenge)
    rendition = rendition_or_none(challenge.hero_image, "fill-480x270") if shows_image else None
    return {
        "uid": str(challenge.uid),
        "title": challenge.title,
        "url": challenge.url,
        "summary": challenge.summary,
        "school": challenge.school.title if challenge.school else "",
        "trust": challenge.trust.title if challenge.trust else "",
        "key_stages": challenge.key_stages,
        "year_groups": year_groups_text(challenge.year_group_codes),
        "licence": challenge.effective_licence.name,
        "licence_url": challenge.effective_licence.url,
        "duration_min_minutes": challenge.duration_min_minutes,
        "duration_max_minutes": challenge.duration_max_minutes,
        "kind": challenge.get_kind_display(),
        "visibility": challenge.visibility,
        "image_url": rendition.url if rendition else "",
        "image_alt": "" if challenge.hero_image_decorative else challenge.hero_image_alt,
        "first_published_at": _iso(challenge.first_published_at),
        "last_published_at": _iso(challenge.last_published_at),
    }


def _iso(moment):
    return moment.isoformat() if moment else None


def build_document(challenge, adapted_count=None):
    """The indexable form of a live challenge (`adapted_count` when already counted)."""
    body = [
        challenge.summary,
        *(block.value for block in challenge.outcomes),
        *(block.value["item"] for block in challenge.materials),
        *_activity_text(challenge),
        *(plain_text(text) for _, text in challenge.family_sections),
        challenge.share_how,
        *challenge.tag_names,
        *(subject.name for subject in challenge.subjects.all()),
        *(theme.name for theme in challenge.themes.all()),
    ]
    body_text = " ".join(part for part in body if part)
    return {
        "page_id": challenge.pk,
        "uid": str(challenge.uid),
        "audience": challenge.audience,
        "title": challenge.title,
        "title_terms": analysed(challenge.title),
        "text_terms": analysed(body_text),
        "snippet_source": " ".join(filter(None, [challenge.summary, *_activity_text(challenge)])),
        "tag_names": challenge.tag_names,
        "published_at": challenge.first_published_at,
        "adapted_count": (adaptation_count(challenge) if adapted_count is None else adapted_count),
        "facets": facet_values(challenge),
        "card": _card(challenge),
    }


def build_documents(challenges, chunk_size=2000):
    """build_document for many challenges, counting adaptations once per chunk rather than
    once per challenge (each count reads every challenge: quadratic over a whole rebuild)."""
    challenges = iter(challenges)
    while chunk := list(islice(challenges, chunk_size)):
        counts = adaptation_counts(challenge.uid for challenge in chunk)
        for challenge in chunk:
            yield build_document(challenge, counts.get(str(challenge.uid), 0))


def cards_awaiting_their_image(challenges, documents):
    """Ids of challenges whose card went without its image because the thumbnail could not be
    made (the file store down): indexed again at the next index write, until the card has it."""
    shows_image = {challenge.pk for challenge in challenges if _card_shows_image(challenge)}
    return sorted(
        document["page_id"]
        for document in documents
        if document["page_id"] in shows_image and not document["card"]["image_url"]
    )


def live_challenges():
    """Everything that belongs in the index: live challenges, any audience, in English (a
    translation is found through its original)."""
    return (
        LearningChallengePage.objects.originals()
        .live()
        .select_related("trust", "school", "hero_image")
        .prefetch_related("year_groups", "subjects", "themes", "tags", "contributors")
        .order_by("pk")
    )
