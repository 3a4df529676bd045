"""A corpus of hostile and broken packages, built here: every one is refused by the import
command with a specific message, and nothing is written (no rows, no stored files)."""

import hashlib
import io
import json
import os
import stat
import struct
import zipfile
import zlib

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from PIL.PngImagePlugin import PngInfo
from wagtail.models import Page, Revision
from wagtail.rich_text import expand_db_html

from challenges.interchange.importer import exportable_challenges
from challenges.models import ChallengeDocument, ChallengeImage, LearningChallengePage
from tests.factories import make_challenge
from tests.helpers import publish
from tests.interchange.conftest import edit_document, package_bytes, png_bytes, rewrite_package

UID = "00000000-0000-4000-8000-000000000001"


def zip_of(entries, compression=zipfile.ZIP_DEFLATED):
    """A zip of (name or ZipInfo, bytes) pairs, names written exactly as given."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return out.getvalue()


def with_entry(base, name, data=b"{}", **info_fields):
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    info = zipfile.ZipInfo(name)
    for field, value in info_fields.items():
        setattr(info, field, value)
    return zip_of([*entries, (info, data)])


def first_asset(entries, extension):
    """The first asset of that extension (the rich challenge's: the only one with assets)."""
    return next(name for name in entries if name.startswith("assets/") and name.endswith(extension))


def replace_asset(entries, extension, data, new_extension=None, rehash=True):
    """Put `data` in place of an asset, renamed by its sha256 and described as such."""
    old_name = first_asset(entries, extension)
    old_sha = old_name.split("/")[1].split(".")[0]
    new_sha = hashlib.sha256(data).hexdigest() if rehash else old_sha
    new_extension = new_extension or extension
    new_filename = f"{new_sha}{new_extension}"
    del entries[old_name]
    entries[f"assets/{new_filename}"] = data
    for name in list(entries):
        if name.startswith("challenges/"):
            text = entries[name].decode()
            text = text.replace(f"{old_sha}{extension}", new_filename).replace(old_sha, new_sha)
            entries[name] = text.encode()


def huge_png_header(width, height):
    """A valid small PNG whose header claims width × height pixels (a pixel bomb)."""
    data = bytearray(png_bytes((1, 1)))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return bytes(data)


def jpeg_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (20, 20), (1, 2, 3)).save(buffer, "JPEG")
    return buffer.getvalue()


def doc_change(change):
    return lambda base: rewrite_package(base, lambda entries: edit_document(entries, change))


def entries_change(change):
    return lambda base: rewrite_package(base, change)


def set_manifest(change):
    def apply(entries):
        manifest = json.loads(entries["manifest.json"])
        change(manifest)
        entries["manifest.json"] = json.dumps(manifest).encode()

    return entries_change(apply)


def nested(depth):
    return ("[" * depth + "]" * depth).encode()


def header_lies(base):
    """An entry whose directory says 10 bytes but which inflates to 3 MB."""
    data = zip_of([("manifest.json", b"\x00" * 3_000_000)])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.infolist()[0]
    declared = struct.pack("<I", info.file_size)
    return data.replace(declared, struct.pack("<I", 10))


def truncated(base):
    return base[: len(base) // 2]


def too_many_entries(base):
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    entries += [(f"assets/{index:064x}.png", b"") for index in range(20_001)]
    return zip_of(entries, zipfile.ZIP_STORED)


def stored(build):
    """The same package with every entry stored, not deflated (no ratio to speak of)."""
    return lambda base: rewrite_package(build(base), lambda entries: None, zipfile.ZIP_STORED)


def two_point_oh(document):
    document.update(format_version="2.0", steps=document.pop("activities"))


def set_field(path, value):
    def change(document):
        target = document
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return doc_change(change)


def translation_of(document, language="pl", **changes):
    """A well-formed translation of the document (its own texts), with `changes`."""
    translation = {
        "language": language,
        "title": "Budowniczowie hotelu dla owadów",
        "summary": document["summary"],
        "outcomes": list(document["outcomes"]),
        "materials": [dict(material) for material in document["materials"]],
        "activities": [
            {"id": activity["id"], "title": activity["title"], "body": activity["body"]}
            for activity in document["activities"]
        ],
        **{name: document[name] for name in (
            "support_ideas", "stretch_ideas", "family_guidance", "safety_notes", "share_how"
        )},
    }  # fmt: skip
    translation.update(changes)
    return translation


def with_translations(*changes):
    """The document with one translation per `changes` (a dict each)."""

    def change(document):
        document["translations"] = [translation_of(document, **each) for each in changes]

    return doc_change(change)


def remove_asset(entries):
    del entries[first_asset(entries, ".pdf")]


def duplicate_entry(base):
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    with pytest.warns(UserWarning):
        return zip_of([*entries, ("manifest.json", entries[-1][1])])


def mismatched_uid(entries):
    name = next(name for name in entries if name.startswith("challenges/"))
    entries[f"challenges/{UID}.json"] = entries.pop(name)
    manifest = json.loads(entries["manifest.json"])
    old = name.split("/")[1][:-5]
    for entry in manifest["challenges"]:
        if entry["uid"] == old:
            entry["uid"] = UID
    entries["manifest.json"] = json.dumps(manifest).encode()


def bomb_document(entries):
    name = next(name for name in entries if name.startswith("challenges/"))
    entries[name] = entries[name] + b" " * 40_000_000


def bomb_asset(entries):
    replace_asset(entries, ".pdf", b"%PDF-1.4\n" + b"\x00" * 9_000_000)


def corrupt_manifest(compression):
    """The package with manifest.json compressed as given and its compressed bytes garbled (the
    entry's directory and sizes intact), so inflating it fails in zlib or lzma itself."""

    def build(base):
        with zipfile.ZipFile(io.BytesIO(base)) as source:
            entries = [(info.filename, source.read(info)) for info in source.infolist()]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
            for name, data in entries:
                archive.writestr(
                    name, data, compress_type=compression if name == "manifest.json" else None
                )
        data = bytearray(out.getvalue())
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
            info = archive.getinfo("manifest.json")
        name_length, extra_length = struct.unpack(
            "<HH", data[info.header_offset + 26 : info.header_offset + 30]
        )
        start = info.header_offset + 30 + name_length + extra_length
        # Deflate: block type 11 is invalid. LZMA: keep its 4-byte header and 5 property bytes.
        skip = 0 if compression == zipfile.ZIP_DEFLATED else 9
        data[start + skip : start + skip + 16] = b"\xff" * 16
        return bytes(data)

    return build


CASES = [
    # Paths that reach outside the package, in every form.
    ("dot-dot", lambda b: with_entry(b, "../evil.json"), "points outside the package"),
    ("dot-dot inside", lambda b: with_entry(b, "challenges/../../x.json"), "outside the package"),
    ("absolute", lambda b: with_entry(b, "/etc/cron.d/evil"), "absolute path"),
    ("drive letter", lambda b: with_entry(b, "C:/evil.json"), "drive letter"),
    ("drive relative", lambda b: with_entry(b, "c:evil.json"), "drive letter"),
    ("backslash", lambda b: with_entry(b, "assets\\evil.png"), "backslash"),
    ("backslash dot-dot", lambda b: with_entry(b, "..\\..\\evil.png"), "backslash"),
    (
        "symlink",
        lambda b: with_entry(
            b, f"assets/{'a' * 64}.png", b"/etc/passwd", external_attr=(stat.S_IFLNK | 0o777) << 16
        ),
        "symbolic link",
    ),
    (
        "unknown file",
        lambda b: with_entry(b, "run-me.sh", b"rm -rf /"),
        "not a part of a challenge",
    ),
    ("empty path part", lambda b: with_entry(b, "assets//x.png"), "empty or '.' part"),
    ("duplicate", duplicate_entry, "twice"),
    ("no manifest", entries_change(lambda e: e.pop("manifest.json")), "no manifest.json"),
    ("not a zip", lambda b: b"This is not a zip file at all" * 20, "not a readable zip file"),
    ("truncated", truncated, "not a readable zip file"),
    # Sizes, counted while inflating.
    ("too many entries", too_many_entries, "at most 20,000 are allowed"),
    ("zip bomb", entries_change(bomb_asset), "zip bomb"),
    ("JSON bomb", entries_change(bomb_document), "larger than the 1,024 KB"),
    ("header lies", header_lies, "damaged"),
    ("too many bytes", set_field(["share_how"], "y" * 100_000), "unpacks to more than 64 KB"),
    (
        "JSON too large",
        stored(set_field(["share_how"], "x" * 1_100_000)),
        "larger than the 1,024 KB",
    ),
    (
        "JSON very deep",
        entries_change(lambda e: e.update({"manifest.json": nested(50_000)})),
        "nested too deeply",
    ),
    ("JSON deep", set_field(["share_how"], json.loads(nested(30))), "nested too deeply"),
    ("not JSON", entries_change(lambda e: e.update({"manifest.json": b"{nope"})), "not valid JSON"),
    # Format versions and the closed schema.
    ("manifest v2", set_manifest(lambda m: m.update(format_version="2.0")), "uses version 2"),
    ("manifest not ours", set_manifest(lambda m: m.update(format="other")), "not a learning"),
    ("document v2", set_field(["format_version"], "2.1"), "uses version 2"),
    ("document v0", set_field(["format_version"], "0.9"), "uses version 0"),
    ("document v2 with new fields", doc_change(two_point_oh), "uses version 2"),
    ("no version", doc_change(lambda d: d.pop("format_version")), "does not say which version"),
    (
        "superscript version",
        set_field(["format_version"], "\u00b2.0"),
        "does not say which version",
    ),
    (
        "superscript manifest version",
        set_manifest(lambda m: m.update(format_version="\u00b2.0")),
        "does not say which version",
    ),
    (
        "5,000-digit version",
        set_field(["format_version"], "1" * 5000 + ".0"),
        "uses version 111111… of the learning challenge format",
    ),
    (
        "5,000-digit manifest version",
        set_manifest(lambda m: m.update(format_version="9" * 5000)),
        "uses version 999999… of the learning challenge format",
    ),
    ("corrupt deflate", corrupt_manifest(zipfile.ZIP_DEFLATED), "manifest.json is damaged"),
    ("corrupt LZMA", corrupt_manifest(zipfile.ZIP_LZMA), "manifest.json is damaged"),
    # Unknown fields of a 1.x document are a newer minor version's, ignored (test below), except
    # in the blocks copied as they are into the page.
    ("unknown activity field", set_field(["activities", 0, "onclick"], "x"), "onclick"),
    ("unknown material field", set_field(["materials", 0, "onclick"], "x"), "onclick"),
    ("bad kind", set_field(["kind"], "exam"), "kind"),
    ("bad year", set_field(["year_groups"], ["14"]), "year_groups"),
    ("summary too long", set_field(["summary"], "x" * 301), "longer than the format allows"),
    ("rich text not text", set_field(["safety_notes"], {"html": "<p>x</p>"}), "safety_notes"),
    ("svg filename", set_field(["assets", 0, "filename"], f"{'a' * 64}.svg"), "filename"),
    ("durations", set_field(["duration_max_minutes"], 1), "longest time is shorter"),
    # Package consistency.
    (
        "listed not held",
        set_manifest(
            lambda m: m["challenges"].append({"uid": UID, "version": 1, "title": "Ghost"})
        ),
        "does not match",
    ),
    ("uid mismatch", entries_change(mismatched_uid), "do not match"),
    ("asset missing", entries_change(remove_asset), "does not hold it"),
    (
        "asset altered",
        entries_change(lambda e: e.update({first_asset(e, ".pdf"): b"%PDF-1.4 tampered"})),
        "its sha256 differs",
    ),
    ("asset undescribed", doc_change(lambda d: d["assets"].pop()), "does not describe"),
    # Images and documents that are not what they claim.
    (
        "not an image",
        entries_change(lambda e: replace_asset(e, ".png", b"\x89PNG\r\n junk" * 9)),
        "not a picture we can read",
    ),
    (
        "jpeg named png",
        entries_change(lambda e: replace_asset(e, ".png", jpeg_bytes())),
        "really a JPEG image",
    ),
    (
        "svg named png",
        entries_change(
            lambda e: replace_asset(
                e,
                ".png",
                b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            )
        ),
        "SVG",
    ),
    (
        "pixel bomb",
        entries_change(lambda e: replace_asset(e, ".png", huge_png_header(90000, 90000))),
        "pixels",
    ),
    (
        "html named pdf",
        entries_change(lambda e: replace_asset(e, ".pdf", b"<html><script>")),
        "its contents are not",
    ),
    (
        "exe named docx",
        entries_change(lambda e: replace_asset(e, ".pdf", b"MZ\x90\x00", ".docx")),
        "its contents are not",
    ),
    (
        "zip named docx",
        entries_change(lambda e: replace_asset(e, ".pdf", zip_of([("a.txt", b"hi")]), ".docx")),
        "its contents are not",
    ),
    (
        "NUL in txt",
        entries_change(lambda e: replace_asset(e, ".pdf", b"a\x00b", ".txt")),
        "its contents are not",
    ),
    (
        "HTML in txt",
        entries_change(
            lambda e: replace_asset(e, ".pdf", b"<html><script>alert(1)</script></html>", ".txt")
        ),
        "its contents are not a .txt document",
    ),
    # Content this library cannot take.
    ("no-derivatives licence", set_field(["licence"], "CC-BY-ND-4.0"), "does not allow adapted"),
    (
        "all rights reserved",
        set_field(["licence"], "LicenseRef-All-Rights-Reserved"),
        "does not allow adapted",
    ),
    ("unknown subject", set_field(["subjects"], ["alchemy"]), "subject this library does not"),
    # Translations (format 1.2) that cannot be a translation of the challenge they came with.
    (
        "translation into a language the library lacks",
        with_translations({"language": "xx"}),
        "not one of this library's languages",
    ),
    (
        "translation into English",
        with_translations({"language": "en-gb"}),
        "a translation into English, the language the challenge is written in",
    ),
    (
        "two translations into one language",
        with_translations({}, {"title": "Drugi"}),
        "two Polish translations",
    ),
    (
        "translation missing an outcome",
        with_translations({"outcomes": []}),
        "Polish translation has 0 outcomes where the challenge has 1",
    ),
    (
        "translation of an activity the challenge lacks",
        with_translations({"activities": [{"id": UID, "title": "Obcy", "body": ""}]}),
        "names an activity the challenge does not have",
    ),
    (
        "translation with a field the format lacks",
        with_translations({"script": "alert(1)"}),
        "fields this format does not have: script",
    ),
    (
        "translation with an empty title",
        with_translations({"title": ""}),
        "translations[1].title",
    ),
    (
        "translation language not a language code",
        with_translations({"language": "../../pl"}),
        "translations[1].language",
    ),
]

SETTINGS_CASES = {
    "too many bytes": {"INTERCHANGE_PACKAGE_LIMITS": {"max_total_bytes": 64 * 1024}},
}


def stored_files(root):
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _, names in os.walk(root)
        for name in names
    )


def counts():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        ChallengeImage.objects.count(),
        ChallengeDocument.objects.count(),
    )


@pytest.fixture
def base_package(rich_library):
    return package_bytes(rich_library.trust_a, exportable_challenges(rich_library.trust_a))


@pytest.mark.parametrize("name, build, expected", CASES, ids=[case[0] for case in CASES])
def test_hostile_package_is_refused_and_writes_nothing(
    name, build, expected, base_package, rich_library, tmp_path, settings
):
    for setting, value in SETTINGS_CASES.get(name, {}).items():
        setattr(settings, setting, value)
    path = tmp_path / "hostile.zip"
    path.write_bytes(build(base_package))
    before, files_before = counts(), stored_files(settings.MEDIA_ROOT)

    for dry_run in (True, False):
        with pytest.raises(CommandError) as refusal:
            call_command(
                "import_challenges",
                str(path),
                "--into",
                "beech",
                dry_run=dry_run,
                stdout=io.StringIO(),
            )
        assert expected in str(refusal.value), str(refusal.value)

    assert counts() == before
    assert stored_files(settings.MEDIA_ROOT) == files_before


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40


def newer_minor_version(document):
    document.update(format_version="1.7", script="alert(1)", reading_age=7)
    document["assets"][0]["path"] = "../../x"
    document["owner"]["region"] = "North"


def test_a_newer_minor_version_imports_and_its_unknown_fields_are_ignored(
    base_package, rich_library, tmp_path
):
    """Only a new major version is refused: 1.7's new fields mean nothing to a 1.0 reader."""
    package = set_manifest(lambda m: m.update(format_version="1.3", run="x"))(base_package)
    path = tmp_path / "newer.zip"
    path.write_bytes(doc_change(newer_minor_version)(package))
    out = io.StringIO()
    call_command("import_challenges", str(path), "--into", "beech", stdout=out)
    assert "3 created" in out.getvalue()


def test_a_well_formed_translation_imports_with_its_challenge(base_package, rich_library, tmp_path):
    """The translation cases above are refused for what each alters, not for being translations."""
    path = tmp_path / "translated.zip"
    path.write_bytes(
        with_translations({}, {"language": "ur", "title": "کیڑوں کا ہوٹل"})(base_package)
    )
    out = io.StringIO()
    call_command("import_challenges", str(path), "--into", "beech", stdout=out)
    assert "3 created" in out.getvalue()
    titles = set(
        LearningChallengePage.objects.exclude(locale__language_code="en-gb")
        .filter(adapted_from__isnull=False)
        .values_list("draft_title", flat=True)
    )
    assert titles == {"Budowniczowie hotelu dla owadów", "کیڑوں کا ہوٹل"}


def test_the_unaltered_package_imports(base_package, rich_library, tmp_path):
    """The corpus is built from a package that is fine: each refusal is its own alteration's."""
    path = tmp_path / "fine.zip"
    path.write_bytes(base_package)
    out = io.StringIO()
    call_command("import_challenges", str(path), "--into", "beech", stdout=out)
    assert "3 created" in out.getvalue()


def test_imported_rich_text_keeps_internal_links_only_as_absolute_hrefs(
    base_package, rich_library, tmp_path
):
    """A package naming this library's pages and documents by id (`linktype`, `id`) would have
    the importer's own draft link to other trusts' drafts; those attributes are dropped and
    absolute hrefs travel as they are."""
    draft = make_challenge(rich_library.school_c1, "otterwhisper draft", "school", publish=False)
    document = ChallengeDocument.objects.first()

    def internal_links(document_json):
        document_json["support_ideas"] = (
            f'<p><a linktype="page" id="{draft.pk}">pagelink</a> '
            '<a href="https://partner.example/trust/school/bugs/">partner</a></p>'
        )
        document_json["activities"][0]["body"] = (
            f'<p><a linktype="document" id="{document.pk}">doclink</a></p>'
        )

    path = tmp_path / "links.zip"
    path.write_bytes(doc_change(internal_links)(base_package))
    call_command("import_challenges", str(path), "--into", "beech", stdout=io.StringIO())

    imported = LearningChallengePage.objects.get(
        title="Bug hotel builders", path__startswith=rich_library.school_b1.path
    )
    stored = imported.support_ideas + imported.activities[0].value["body"].source
    assert "linktype" not in stored and f'id="{draft.pk}"' not in stored
    assert 'href="https://partner.example/trust/school/bugs/"' in imported.support_ideas
    # What the importer's draft renders: no link to the other trust's draft or the document.
    rendered = expand_db_html(imported.support_ideas + imported.activities[0].value["body"].source)
    assert draft.slug not in rendered and document.url not in rendered


def png_with_text(**text):
    info = PngInfo()
    for key, value in text.items():
        info.add_text(key, value)
    out = io.BytesIO()
    PILImage.new("RGB", (40, 30), (10, 90, 160)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def test_an_imported_image_is_stored_as_checked_and_found_again_by_the_next_version(
    base_package, rich_library, tmp_path
):
    """The importer runs the checks every upload passes: the text a camera or editor left (who,
    where) is stripped before the hash is taken, so the next version of the challenge finds the
    picture it already stored instead of storing it again."""
    tagged = png_with_text(Author="A. Parent", Location="12 Elm Road, Oakfield")
    before = set(ChallengeImage.objects.values_list("pk", flat=True))
    for version in (1, 2):
        if version == 2:
            publish(rich_library.rich, summary="Bug hotel builders, now with a roof.")
            base_package = package_bytes(
                rich_library.trust_a, exportable_challenges(rich_library.trust_a)
            )
        path = tmp_path / f"tagged-{version}.zip"
        path.write_bytes(rewrite_package(base_package, lambda e: replace_asset(e, ".png", tagged)))
        call_command("import_challenges", str(path), "--into", "beech", stdout=io.StringIO())

    imported = ChallengeImage.objects.exclude(pk__in=before)
    titles = [image.title for image in imported]
    assert len(titles) == len(set(titles)), f"stored twice: {sorted(titles)}"
    for image in imported:
        with image.file.open("rb") as stored:
            data = stored.read()
        assert b"Elm Road" not in data and b"A. Parent" not in data
        assert hashlib.sha1(data).hexdigest() == image.file_hash, image.title
