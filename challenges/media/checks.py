"""What every stored image and document must pass, whatever path brought it (admin form, import,
API): size, pixel count, an allowed format whose bytes match what it claims, never SVG; images
are re-encoded so EXIF (location included) and any other metadata never reach storage.

    cleaned = check_image_upload(uploaded)     # ContentFile of clean bytes, or ValidationError
    checked = check_document_upload(uploaded)  # ContentFile of the same bytes, or ValidationError
"""

import io
import os
import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow's name for each allowed format, and the file extensions that may claim it.
IMAGE_FORMATS = {
    "JPEG": ("jpg", "jpeg"),
    "PNG": ("png",),
    "WEBP": ("webp",),
    "GIF": ("gif",),
}
DOCUMENT_SIGNATURES = {
    "pdf": "pdf",
    "docx": "ooxml",
    "xlsx": "ooxml",
    "pptx": "ooxml",
    "odt": "opendocument",
    "rtf": "rtf",
    "csv": "text",
    "txt": "text",
}
TEXT_SAMPLE = 64 * 1024
# What Pillow reports of a picture that says nothing about who, where or with what it was made.
HARMLESS_INFO = {
    "adobe", "adobe_transform", "aspect", "background", "chromaticity", "dpi", "duration",
    "gamma", "icc_profile", "interlace", "jfif", "jfif_density", "jfif_unit", "jfif_version",
    "lossless", "loop", "progression", "progressive", "srgb", "timestamp", "transparency",
    "version", "extension",
}  # fmt: skip
HARMLESS_JPEG_SEGMENTS = {"APP0", "APP2", "APP14"}  # JFIF, colour profile, Adobe colour


def _read(file):
    if hasattr(file, "seek"):
        file.seek(0)
    data = file.read()
    if hasattr(file, "seek"):
        file.seek(0)
    return data if isinstance(data, bytes) else data.encode()


def _extension(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _check_size(data, limit, what):
    if len(data) > limit:
        raise ValidationError(
            f"This {what} is {filesizeformat(len(data))}; the largest allowed is "
            f"{filesizeformat(limit)}.",
            code="file_too_large",
        )


def _looks_like_svg(data):
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head


def check_image_upload(file, name=None):
    """Clean bytes of an allowed image, re-encoded without metadata, or a ValidationError
    saying in plain words what is wrong. `name` defaults to the file's own name."""
    name = name or getattr(file, "name", "") or ""
    data = _read(file)
    _check_size(data, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, "image")
    allowed = ", ".join(sorted({ext.upper() for exts in IMAGE_FORMATS.values() for ext in exts}))
    if _looks_like_svg(data) or _extension(name) == "svg":
        raise ValidationError(
            f"SVG images are not accepted (they can carry scripts). Use {allowed}.", code="svg"
        )
    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                found = probe.format
                has_metadata = _carries_metadata(probe)
                width, height = probe.size
                probe.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            f"This image has too many pixels to be opened safely; the largest allowed is "
            f"{max_pixels:,} pixels in all.",
            code="too_many_pixels",
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            f"This file is not a picture we can read. Use {allowed}.", code="not_an_image"
        ) from error
    if found not in IMAGE_FORMATS:
        raise ValidationError(f"{found} images are not accepted. Use {allowed}.", code="format")
    if _extension(name) and _extension(name) not in IMAGE_FORMATS[found]:
        raise ValidationError(
            f"This file is named .{_extension(name)} but is really a {found} image: rename it "
            f"to .{IMAGE_FORMATS[found][0]} and upload it again.",
            code="mismatch",
        )
    if width * height > max_pixels:
        raise ValidationError(
            f"This image is {width}×{height} pixels; the largest allowed is "
            f"{max_pixels:,} pixels in all.",
            code="too_many_pixels",
        )
    # A clean file is kept byte for byte (shared packages stay identical); any other is re-encoded.
    cleaned = _without_metadata(data, found) if has_metadata else data
    return ContentFile(cleaned, name=os.path.basename(name) or None)


def _carries_metadata(image):
    """EXIF, XMP, IPTC, comments, text chunks: anything beyond the picture and its colours."""
    if set(image.info) - HARMLESS_INFO:
        return True
    return any(marker not in HARMLESS_JPEG_SEGMENTS for marker, _ in getattr(image, "applist", []))


def _without_metadata(data, image_format):
    """The picture alone: turned upright by its EXIF orientation, then saved without any EXIF,
    XMP, comments or text chunks (a colour profile is kept so colours stay true)."""
    with Image.open(io.BytesIO(data)) as image:
        icc_profile = image.info.get("icc_profile")
        options = {"icc_profile": icc_profile} if icc_profile else {}
        out = io.BytesIO()
        if image_format == "GIF":
            frames = getattr(image, "n_frames", 1)
            image.save(out, "GIF", save_all=frames > 1, optimize=False)
        elif image_format == "PNG":
            ImageOps.exif_transpose(image).save(out, "PNG", optimize=False, **options)
        elif image_format == "WEBP":
            upright = ImageOps.exif_transpose(image)
            lossless = image.info.get("lossless", False)
            upright.save(out, "WEBP", quality=90, lossless=lossless, **options)
        else:
            upright = ImageOps.exif_transpose(image)
            if upright.mode not in ("RGB", "L", "CMYK"):
                upright = upright.convert("RGB")
            upright.save(out, "JPEG", quality=90, optimize=True, **options)
        return out.getvalue()


def check_document_upload(file, name=None):
    """The document's bytes when its type is allowed and its bytes match its extension, or a
    ValidationError saying what is wrong."""
    name = name or getattr(file, "name", "") or ""
    data = _read(file)
    _check_size(data, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, "document")
    extension = _extension(name)
    allowed = [ext for ext in settings.WAGTAILDOCS_EXTENSIONS if ext in DOCUMENT_SIGNATURES]
    if extension not in allowed:
        raise ValidationError(
            f"Documents of type .{extension or '?'} are not accepted. Use "
            f"{', '.join('.' + ext for ext in allowed)}.",
            code="format",
        )
    if not _matches(data, DOCUMENT_SIGNATURES[extension]):
        raise ValidationError(
            f"This file is named .{extension} but its contents are not a .{extension} "
            "document. Save it again from the program that made it and upload that copy.",
            code="mismatch",
        )
    return ContentFile(data, name=os.path.basename(name) or None)


def _matches(data, kind):
    if kind == "pdf":
        return data[:1024].lstrip().startswith(b"%PDF-")
    if kind == "rtf":
        return data.startswith(b"{\\rtf")
    if kind == "text":
        sample = data[:TEXT_SAMPLE]
        if b"\0" in sample or _looks_like_svg(sample) or b"<html" in sample[:1024].lower():
            return False
        try:
            sample.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(sample) - 4:  # a character cut at the sample's end is fine
                try:
                    sample.decode("cp1252")
                except UnicodeDecodeError:
                    return False
        return True
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if kind == "ooxml":
                return "[Content_Types].xml" in names
            if kind == "opendocument":
                return "mimetype" in names and archive.read("mimetype").startswith(
                    b"application/vnd.oasis.opendocument"
                )
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    return False
