"""Checks on image and document bytes arriving by import: the admin's limits, applied here.

Wagtail enforces WAGTAILIMAGES_MAX_UPLOAD_SIZE and WAGTAILIMAGES_MAX_IMAGE_PIXELS in its form
field only, so code that creates images must apply them itself. These two functions are the
importer's; the lead may fold them into the shared upload checks once those land.
"""

import io
import warnings
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image as PILImage

from challenges.interchange.validate import InterchangeError
from challenges.media.checks import check_document_upload

# Pillow format -> the extension an asset of that format must carry.
IMAGE_FORMATS = {"JPEG": {"jpg", "jpeg"}, "PNG": {"png"}, "WEBP": {"webp"}, "GIF": {"gif"}}
OFFICE_MARKERS = {
    "docx": "word/",
    "xlsx": "xl/",
    "pptx": "ppt/",
}


class AssetRefused(InterchangeError):
    pass


def image_size_limit():
    return getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)


def image_pixel_limit():
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)


def document_size_limit():
    return getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None) or 10 * 1024 * 1024


def check_imported_image(data, extension, name):
    """The image bytes to store (metadata such as EXIF location stripped), or AssetRefused.

    Refuses: over the admin's size or pixel limits, SVG, anything Pillow does not recognise as
    JPEG, PNG, WebP or GIF, and an image whose real format differs from its file extension.
    """
    if extension == "svg" or data.lstrip()[:5].lower() in (b"<?xml", b"<svg "):
        raise AssetRefused(f"{name} is an SVG drawing; SVG files are not accepted.")
    if len(data) > image_size_limit():
        raise AssetRefused(
            f"{name} is {len(data) / 1024**2:.1f} MB; images may be at most "
            f"{image_size_limit() / 1024**2:.0f} MB."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            image = PILImage.open(io.BytesIO(data))
            width, height = image.size
            if width * height > image_pixel_limit():
                raise AssetRefused(
                    f"{name} is {width:,} × {height:,} pixels; images may have at most "
                    f"{image_pixel_limit():,} pixels."
                )
            if image.format not in IMAGE_FORMATS:
                raise AssetRefused(f"{name} is not a JPEG, PNG, WebP or GIF image.")
            if extension not in IMAGE_FORMATS[image.format]:
                raise AssetRefused(
                    f"{name} says it is a .{extension} file but is really a {image.format} image."
                )
            image.verify()
    except AssetRefused:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise AssetRefused(f"{name} has too many pixels to be opened safely.") from None
    except Exception:  # Pillow raises many kinds of error for bytes that are not an image
        raise AssetRefused(f"{name} is not really an image (it cannot be read as one).") from None
    return _without_metadata(data, name)


def _without_metadata(data, name):
    """Re-encode only when the image carries EXIF (camera, location); otherwise keep the bytes."""
    image = PILImage.open(io.BytesIO(data))
    if not image.info.get("exif") and not image.getexif():
        return data
    try:
        image.load()
        output = io.BytesIO()
        params = {"format": image.format}
        if image.format == "JPEG":
            params["quality"] = 92
        clean = image.copy()
        clean.info.pop("exif", None)
        clean.save(output, **params)
        return output.getvalue()
    except Exception:
        raise AssetRefused(f"{name} is not really an image (it cannot be read as one).") from None


def check_imported_document(data, extension, name):
    """Refuses documents over the size limit, of types not allowed, or whose bytes do not match."""
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []
    if extension not in allowed:
        raise AssetRefused(f"{name}: .{extension} documents are not accepted.")
    if len(data) > document_size_limit():
        raise AssetRefused(
            f"{name} is {len(data) / 1024**2:.1f} MB; documents may be at most "
            f"{document_size_limit() / 1024**2:.0f} MB."
        )
    if not _document_bytes_match(data, extension):
        raise AssetRefused(f"{name} says it is a .{extension} document but its contents are not.")
    # The checks the document's save makes at confirm, made here too so the dry run refuses
    # what confirm would (a .txt holding HTML was offered, then failed on confirm).
    try:
        check_document_upload(ContentFile(data), f"asset.{extension}")
    except ValidationError as error:
        raise AssetRefused(f"{name}: {' '.join(error.messages)}") from None
    return data


def _document_bytes_match(data, extension):
    if extension == "pdf":
        return data.startswith(b"%PDF-")
    if extension == "rtf":
        return data.startswith(b"{\\rtf")
    if extension in ("txt", "csv"):
        if b"\x00" in data:
            return False
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return True
    if extension in OFFICE_MARKERS or extension == "odt":
        if not data.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as office:
                names = office.namelist()
                if extension == "odt":
                    return (
                        "mimetype" in names
                        and office.open("mimetype").read(64)
                        == b"application/vnd.oasis.opendocument.text"
                    )
                return "[Content_Types].xml" in names and any(
                    name.startswith(OFFICE_MARKERS[extension]) for name in names
                )
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
    return False
