"""What a public page tells search engines and link previews: description, canonical, Open Graph.

One place for every HTML page of the site (home, trust, school, challenge, search) so that each
carries a meta description, a canonical link and Open Graph title, description and image.
Copies of a page elsewhere (an embed, a print view, a plain-iframe list) name the original as
their canonical in their own templates.
"""

from dataclasses import dataclass

from django.utils.text import Truncator

from challenges.media.storage import rendition_or_none
from challenges.models import LearningChallengePage
from library.http import absolute, absolute_url

DESCRIPTION_CHARS = 300  # a challenge summary's own limit
SITE_NAME = "Learning Challenge Library"
SITE_DESCRIPTION = (
    "Learning challenges shared by schools for pupils and their families: self-paced "
    "activities to do at home, no accounts, no timetable."
)
OPEN_GRAPH_IMAGE_SPEC = "fill-1200x630"


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str
    canonical: str
    kind: str  # Open Graph type
    image_url: str = ""
    image_alt: str = ""


def _description(page):
    text = (
        getattr(page, "summary", "")
        or getattr(page, "search_description", "")
        or getattr(page, "intro", "")
    )
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_CHARS) or SITE_DESCRIPTION


def _image(request, page):
    """The hero image, when it may be shown outside this library (never one showing pupils)."""
    image = getattr(page, "hero_image", None)
    if image is None or not image.may_leave_instance:
        return "", ""
    rendition = rendition_or_none(image, OPEN_GRAPH_IMAGE_SPEC)
    if rendition is None:
        return "", ""
    alt = "" if page.hero_image_decorative else page.hero_image_alt
    return absolute(request, rendition.url), alt


def page_meta(request, page=None, title=""):
    """The metadata of a Wagtail page, or of a view (search) when there is no page."""
    if page is None:
        return PageMeta(
            title=title or SITE_NAME,
            description=SITE_DESCRIPTION,
            canonical=absolute(request, request.get_full_path()),
            kind="website",
        )
    page = page.specific
    image_url, image_alt = _image(request, page)
    return PageMeta(
        title=page.seo_title or page.title,
        description=_description(page),
        canonical=absolute_url(request, page),
        kind="article" if isinstance(page, LearningChallengePage) else "website",
        image_url=image_url,
        image_alt=image_alt,
    )
