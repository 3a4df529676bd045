"""A challenge page as an interchange document (format v1), and its assets.

Names are the model's. Rich text travels as sanitised HTML with internal links made absolute;
images and documents travel as assets named by the sha256 of their bytes, each with its own
credit, licence and source URL. An image that shows pupils never leaves this instance: the
document names where it was and why it was left out.
"""

import mimetypes
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from challenges.languages.reading import language_codes
from challenges.languages.translating import english_is_newer
from challenges.licences import LICENCES
from challenges.media.storage import sha256_of_file
from challenges.richtext import sanitise_rich_text

FORMAT = "learning-challenge"
PACKAGE_FORMAT = "learning-challenge-package"
# 1.1: activities carry their stable id; 1.2: published translations travel with their challenge.
FORMAT_VERSION = "1.2"
FORMAT_MAJOR = 1
FORMAT_MINOR = 2

IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
PUPILS_MESSAGE = (
    "An image was left out because it shows pupils: photos of pupils never leave the school's "
    "library."
)
_HREF = re.compile(r'href="([^"]*)"')


def site_root_url():
    """The default Site's root URL: where internal links and lineage URLs point."""
    site = Site.objects.filter(is_default_site=True).first()
    return site.root_url if site else ""


def absolute_rich_text(html, root_url):
    """Wagtail's stored rich text as portable HTML: internal links resolved to absolute URLs."""
    if not html:
        return ""
    expanded = expand_db_html(html)
    expanded = _HREF.sub(lambda m: f'href="{urljoin(root_url + "/", m.group(1))}"', expanded)
    return sanitise_rich_text(expanded)


@dataclass
class Asset:
    """One file that travels beside the documents: `assets/<sha256>.<ext>` in a package."""

    sha256: str
    kind: str  # "image" or "document"
    extension: str
    media_type: str
    size: int
    title: str
    credit: str
    licence: str
    source_url: str
    width: int | None
    height: int | None
    storage_name: str = field(default="", repr=False)  # where this instance keeps the bytes
    storage: object = field(default=None, repr=False)

    @property
    def filename(self):
        return f"{self.sha256}.{self.extension}"

    def describe(self):
        return {
            "sha256": self.sha256,
            "kind": self.kind,
            "filename": self.filename,
            "media_type": self.media_type,
            "size": self.size,
            "title": self.title[:255],
            "credit": self.credit,
            "licence": self.licence,
            "source_url": self.source_url,
            "width": self.width,
            "height": self.height,
        }

    def open(self):
        return self.storage.open(self.storage_name, "rb")


class AssetCatalogue:
    """Assets met while serialising, hashed once per image or document (a package shares them)."""

    def __init__(self):
        self._by_key = {}

    def image(self, image):
        size = {"width": image.width or None, "height": image.height or None}
        return self._asset("image", image, _image_extension(image), **size)

    def document(self, document):
        extension = document.file_extension.lower()
        return self._asset("document", document, extension, width=None, height=None)

    def _asset(self, kind, item, extension, width, height):
        """The asset for one image or document, read and hashed once per export."""
        key = (kind, item.pk)
        if key not in self._by_key:
            sha256, size = sha256_of_file(item.file)
            self._by_key[key] = Asset(
                sha256=sha256,
                kind=kind,
                extension=extension,
                media_type=mimetypes.types_map.get("." + extension, "application/octet-stream"),
                size=size,
                title=item.title,
                credit=item.credit,
                licence=item.licence,
                source_url=item.source_url,
                width=width,
                height=height,
                storage_name=item.file.name,
                storage=item.file.storage,
            )
        return self._by_key[key]


def _image_extension(image):
    name = image.file.name.rsplit(".", 1)[-1].lower()
    return "jpg" if name == "jpeg" else name


def serialise_challenge(page, catalogue=None, root_url=None):
    """The interchange document of one challenge page, and the assets it names."""
    catalogue = catalogue or AssetCatalogue()
    root_url = site_root_url() if root_url is None else root_url
    assets = {}
    omitted = []

    def image_use(image, alt, decorative, where):
        if image is None:
            return None
        if not image.may_leave_instance:
            omitted.append({"where": where, "reason": "shows_pupils", "message": PUPILS_MESSAGE})
            return None
        asset = catalogue.image(image)
        assets[asset.sha256] = asset
        return {"asset": asset.sha256, "alt": alt or "", "decorative": bool(decorative)}

    def document_use(document):
        if document is None:
            return None
        asset = catalogue.document(document)
        assets[asset.sha256] = asset
        return {"asset": asset.sha256}

    activities = []
    for number, block in enumerate(page.activities, start=1):
        if block.block_type != "activity":
            continue
        value = block.value
        image = value.get("image")
        body = value.get("body")
        activities.append(
            {
                "id": block.id,
                "title": value.get("title") or "",
                "day": value.get("day") or "",
                "subject": value.get("subject") or "",
                "age_band": value.get("age_band") or "all",
                "needs_screen": bool(value.get("needs_screen")),
                "body": absolute_rich_text(body.source if body else "", root_url),
                "image": image_use(
                    image,
                    getattr(image, "contextual_alt_text", ""),
                    getattr(image, "decorative", False),
                    f"Activity {number} ({value.get('title')})",
                ),
                "video_url": value.get("video_url") or "",
                "document": document_use(value.get("document")),
            }
        )

    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "uid": str(page.uid),
        "version": page.version,
        "url": page.get_full_url() or "",
        "owner": {
            "trust": page.trust.title if page.trust else "",
            "school": page.school.title if page.school else "",
        },
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "hero_image": image_use(
            page.hero_image, page.hero_image_alt, page.hero_image_decorative, "Main image"
        ),
        "kind": page.kind,
        "year_groups": page.year_group_codes,
        "key_stages": page.key_stages,
        "subjects": page.subject_slugs,
        "themes": page.theme_slugs,
        "tags": page.tag_names,
        "duration_min_minutes": page.duration_min_minutes,
        "duration_max_minutes": page.duration_max_minutes,
        "cost": page.cost,
        "adult_support": page.adult_support,
        "outcomes": _outcomes(page),
        "materials": _materials(page),
        "activities": activities,
        "screen_free": page.screen_free,
        "support_ideas": absolute_rich_text(page.support_ideas, root_url),
        "stretch_ideas": absolute_rich_text(page.stretch_ideas, root_url),
        "family_guidance": absolute_rich_text(page.family_guidance, root_url),
        "safety_notes": absolute_rich_text(page.safety_notes, root_url),
        "share_how": page.share_how,
        "share_hashtag": page.share_hashtag,
        "contributors": page.contributor_names,
        "licence": page.licence_spdx,
        "visibility": page.visibility,
        "adapted_from": _portable_lineage(page.adapted_from),
        "assets": [asset.describe() for asset in assets.values()],
        "omitted_images": omitted,
        "translations": [
            translation_fields(translated, root_url) for translated in published_translations(page)
        ],
    }
    return document, list(assets.values())


def _outcomes(page):
    return [block.value for block in page.outcomes if block.block_type == "outcome"]


def _materials(page):
    return [
        {
            "item": block.value.get("item") or "",
            "household_alternative": block.value.get("household_alternative") or "",
        }
        for block in page.materials
        if block.block_type == "material"
    ]


def published_translations(page):
    """The live translations of `page` (a translation shares its original's visibility), in
    the order of the library's languages."""
    others = type(page).objects.live().translations_of(page).select_related("locale")
    order = {code: index for index, code in enumerate(language_codes())}
    return sorted(others, key=lambda other: order.get(other.locale.language_code, len(order)))


def translation_fields(page, root_url):
    """The family-facing fields of one translation; every other field is its original's."""
    return {
        "language": page.locale.language_code,
        "title": page.title,
        "summary": page.summary,
        "hero_image_alt": page.hero_image_alt or "",
        "outcomes": _outcomes(page),
        "materials": _materials(page),
        "activities": [
            {
                "id": block.id,
                "title": block.value.get("title") or "",
                "body": absolute_rich_text(
                    block.value["body"].source if block.value.get("body") else "", root_url
                ),
            }
            for block in page.activities
            if block.block_type == "activity"
        ],
        **{
            name: absolute_rich_text(getattr(page, name), root_url)
            for name in ("support_ideas", "stretch_ideas", "family_guidance", "safety_notes")
        },
        "share_how": page.share_how,
        "published_at": page.last_published_at.isoformat() if page.last_published_at else None,
        "english_is_newer": english_is_newer(page),
    }


LINEAGE_FIELDS = ("uid", "title", "trust", "school", "url", "version", "licence", "changes", "mode")


def _portable_lineage(lineage):
    """Only the lineage the format names; local bookkeeping (revisions, pending updates) stays."""
    if not lineage or not lineage.get("uid"):
        return None
    portable = {name: lineage[name] for name in LINEAGE_FIELDS if name in lineage}
    if portable.get("licence") not in LICENCES:
        portable.pop("licence", None)
    portable.setdefault("title", "")
    portable.setdefault("version", 0)
    portable.setdefault("mode", "snapshot")
    return portable
