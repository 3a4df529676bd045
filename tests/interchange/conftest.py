"""Helpers for interchange tests: a library with rich challenges, packages built in memory."""

import io
import json
import zipfile
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from challenges.interchange.package import write_package
from challenges.models import ChallengeDocument, ChallengeImage
from tests.conftest import make_challenge
from tests.helpers import png_bytes


def make_image(title, shows_pupils=False, colour=(200, 100, 50), **fields):
    image = ChallengeImage(
        title=title,
        credit=fields.pop("credit", f"Photo: {title}"),
        licence=fields.pop("licence", "CC-BY-4.0"),
        source_url=fields.pop("source_url", "https://example.org/source"),
        shows_pupils=shows_pupils,
        pupil_consent_confirmed=shows_pupils,
        **fields,
    )
    image.file = ImageFile(BytesIO(png_bytes(colour=colour)), name=f"{title[:20]}.png")
    image.save()
    return image


def make_document(title, data=b"%PDF-1.4\n% a worksheet\n", extension="pdf"):
    document = ChallengeDocument(title=title, credit="Worksheet: Ash Primary", licence="CC-BY-4.0")
    document.file.save(f"worksheet.{extension}", ContentFile(data), save=False)
    document.save()
    return document


def rich_challenge(parent, title, visibility="public", link_to=None, **extra):
    """A challenge using every field of the format: images, a document, rich text, a link."""
    shade = sum(title.encode()) % 200  # each challenge's pictures and worksheet differ
    hero = make_image(f"{title} hero", colour=(200, 100, shade))
    activity_image = make_image(f"{title} step", colour=(10, shade, 30))
    pupils = make_image(f"{title} class photo", shows_pupils=True, colour=(0, 0, 200))
    worksheet = make_document(f"{title} worksheet", f"%PDF-1.4\n% {title}\n".encode())
    link = f'<a linktype="page" id="{link_to.pk}">see also</a>' if link_to else "more"
    return make_challenge(
        parent,
        title,
        visibility,
        summary=f"{title}: build it together.",
        hero_image=hero,
        hero_image_alt="A wooden box full of sticks",
        kind="weekly",
        cost="low",
        adult_support="needs_adult",
        duration_min_minutes=20,
        duration_max_minutes=45,
        year_codes=["R", "1", "2"],
        subjects=["science", "art-and-design"],
        themes=["outdoors"],
        tags=["bugs", "garden"],
        outcomes=[("outcome", "I can name three minibeasts")],
        materials=[("material", {"item": "Sticks", "household_alternative": "Straws"})],
        activities=[
            (
                "activity",
                {
                    "title": "Collect",
                    "day": "mon",
                    "subject": "maths",
                    "age_band": "ks1",
                    "needs_screen": False,
                    "body": f"<p>Count the <b>sticks</b>, then {link}.</p>",
                    "image": {"image": activity_image, "alt_text": "Sticks", "decorative": False},
                    "document": worksheet,
                    "video_url": "https://video.example.org/watch/1",
                },
            ),
            (
                "activity",
                {
                    "title": "Look closely",
                    "day": "tue",
                    "subject": "",
                    "age_band": "all",
                    "needs_screen": True,
                    "body": "<ul><li>Use a magnifier</li></ul>",
                    "image": {"image": pupils, "alt_text": "", "decorative": True},
                },
            ),
        ],
        support_ideas="<p>Work in pairs.</p>",
        stretch_ideas="<h3>More</h3><ol><li>Draw one</li></ol>",
        family_guidance="<p><i>Go outside</i> together.</p>",
        safety_notes="<p>Wash hands.</p>",
        share_how="Email the office.",
        share_hashtag="#BugHotel",
        licence="CC-BY-SA-4.0",
        contributors=[],
        **extra,
    )


def package_bytes(trust, challenges):
    buffer = io.BytesIO()
    write_package(buffer, trust, challenges)
    return buffer.getvalue()


def rewrite_package(data, change, compression=zipfile.ZIP_DEFLATED):
    """A copy of a package with `change(entries)` applied to its {name: bytes} entries."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    change(entries)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as target:
        for name, content in entries.items():
            target.writestr(name, content)
    return out.getvalue()


def edit_document(entries, change):
    """Apply `change` to the richest challenge document of a package (the one with assets)."""
    names = [name for name in entries if name.startswith("challenges/")]
    name = max(names, key=lambda name: len(entries[name]))
    document = json.loads(entries[name])
    change(document)
    entries[name] = json.dumps(document).encode()


@pytest.fixture
def rich_library(library):
    library.rich = rich_challenge(library.school_a1, "Bug hotel builders", link_to=library.public)
    return library
