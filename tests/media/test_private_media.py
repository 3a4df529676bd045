"""Private media: files are served anonymously only while a live public challenge uses them, and
every stored file passes the same checks (formats, bytes, size, no SVG, no EXIF)."""

import importlib
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from django.urls import clear_url_caches
from PIL import Image as PILImage

import library.urls
from challenges.media.checks import check_document_upload, check_image_upload
from challenges.models import ChallengeDocument, ChallengeImage
from tests.factories import make_challenge
from tests.helpers import png_bytes


def jpeg_with_location():
    """A JPEG carrying GPS coordinates and a camera name in its EXIF."""
    image = PILImage.new("RGB", (80, 60), (200, 40, 40))
    exif = PILImage.Exif()
    exif[0x010F] = "PupilCam"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}  # GPSInfo
    buffer = BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    assert PILImage.open(BytesIO(buffer.getvalue())).getexif()  # the fixture really has EXIF
    return buffer.getvalue()


def new_image(title="Bug hotel photo", data=None, name="photo.png", **fields):
    image = ChallengeImage(title=title, credit="Photo: Ash Primary", **fields)
    image.file = ImageFile(BytesIO(data or png_bytes()), name=name)
    image.save()
    return image


def new_document(title="Worksheet", data=b"Count the legs of each bug.", name="sheet.txt"):
    document = ChallengeDocument(title=title, credit="Mrs K.")
    document.file = ContentFile(data, name=name)
    document.save()
    return document


def activity_with(document):
    return (
        "activity",
        {"title": "Print the sheet", "age_band": "all", "needs_screen": False,
         "body": "<p>Print it.</p>", "document": document},
    )  # fmt: skip


def urls_of(image):
    rendition = image.get_rendition("width-800")
    return [image.file.url, rendition.url]


MISSING = "/media/original_images/no-such-file.png"


@pytest.fixture
def media(library):
    media = type("Media", (), {})()
    media.public_image = new_image("Public photo")
    media.school_image = new_image("School-only photo")
    media.draft_image = new_image("Draft photo")
    media.public_document = new_document("Public sheet")
    media.school_document = new_document("School sheet")
    media.public = make_challenge(
        library.school_a1, "Bug hotel with photo", hero_image=media.public_image,
        activities=[activity_with(media.public_document)],
    )  # fmt: skip
    media.school_only = make_challenge(
        library.school_a1, "School canarys photo", "school", hero_image=media.school_image,
        activities=[activity_with(media.school_document)],
    )  # fmt: skip
    make_challenge(
        library.school_a1, "Draft canaryd photo", hero_image=media.draft_image, publish=False
    )
    return media


def test_media_used_by_a_live_public_challenge_is_served_to_anyone(media):
    for url in urls_of(media.public_image):
        assert url.startswith("/media/")
        response = Client(HTTP_COOKIE="sessionid=junk").get(url)
        assert response.status_code == 200, url
        assert b"".join(response.streaming_content)[:4] == b"\x89PNG"
        assert "public" in response["Cache-Control"]
        assert not response.cookies
    page = Client().get(media.public.url).content.decode()
    assert media.public_image.get_rendition("width-1200").url in page


@pytest.mark.parametrize("which", ["school_image", "draft_image"])
def test_media_of_non_public_or_draft_challenges_answer_404_like_a_missing_file(media, which):
    missing = Client().get(MISSING)
    assert missing.status_code == 404
    for url in urls_of(getattr(media, which)):
        response = Client().get(url)
        assert response.status_code == 404, url
        assert response.content == missing.content


def test_the_editor_of_the_challenge_still_sees_its_images_privately(library, media):
    client = Client()
    client.force_login(library.editor_a1)
    for url in urls_of(media.school_image):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    other = Client()
    other.force_login(library.editor_c1)  # another trust: may not see the challenge
    assert other.get(urls_of(media.school_image)[1]).status_code == 404


def test_restricting_a_challenge_hides_its_media_at_once(media):
    urls = urls_of(media.public_image)
    assert Client().get(urls[1]).status_code == 200
    media.public.visibility = "trust"
    media.public.save_revision().publish()
    for url in urls + [media.public_document.url]:
        assert Client().get(url).status_code == 404, url


def test_unpublishing_a_challenge_hides_its_media_at_once(media):
    media.public.unpublish()
    assert Client().get(urls_of(media.public_image)[0]).status_code == 404


def test_documents_are_attachments_that_no_browser_runs(media):
    response = Client().get(media.public_document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"Count the legs of each bug."


def test_documents_of_non_public_challenges_answer_404(media):
    missing = Client().get("/documents/999999/nothing.txt")
    response = Client().get(media.school_document.url)
    assert response.status_code == missing.status_code == 404
    assert response.content == missing.content
    stored = Client().get("/media/" + media.school_document.file.name)
    assert stored.status_code == 404


# Upload checks --------------------------------------------------------------------------------


def test_exif_and_location_are_stripped_from_stored_images(db):
    image = new_image(data=jpeg_with_location(), name="trip.jpg")
    with image.open_file() as stored:
        data = stored.read()
    assert not PILImage.open(BytesIO(data)).getexif()
    assert b"PupilCam" not in data
    assert (image.width, image.height) == (80, 60)
    assert image.file_size == len(data)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "x.svg",
         "SVG images are not accepted"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', "x.png",
         "SVG images are not accepted"),
        (b"%PDF-1.4 not a picture", "x.png", "not a picture we can read"),
        (png_bytes(), "x.jpg", "is really a PNG image"),
    ],
)  # fmt: skip
def test_images_that_are_not_what_they_claim_are_refused(db, data, name, message):
    with pytest.raises(ValidationError, match=message):
        check_image_upload(ContentFile(data, name=name))
    image = ChallengeImage(title="Sneaky", credit="?", width=1, height=1)
    with pytest.raises(ValidationError, match=message):
        image.file.save(name, ContentFile(data), save=True)  # straight to storage
    assert not ChallengeImage.objects.exists()


def test_too_many_pixels_and_too_many_bytes_are_refused(db, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    with pytest.raises(ValidationError, match="pixels"):
        check_image_upload(ContentFile(png_bytes((100, 100)), name="big.png"))
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    with pytest.raises(ValidationError, match="the largest allowed is"):
        check_document_upload(ContentFile(b"x" * 11, name="long.txt"))


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"<html><script>alert(1)</script></html>", "sheet.pdf", "not a .pdf document"),
        (b"%PDF-1.4", "sheet.exe", "are not accepted"),
        (b"<svg onload=alert(1)>", "sheet.txt", "not a .txt document"),
        (b"PK\x03\x04not really a zip", "sheet.docx", "not a .docx document"),
    ],
)
def test_documents_whose_bytes_do_not_match_are_refused(db, data, name, message):
    with pytest.raises(ValidationError, match=message):
        new_document(data=data, name=name)
    assert not ChallengeDocument.objects.exists()


def test_a_file_saved_straight_through_its_field_is_checked_too(db):
    document = ChallengeDocument(title="Sneaky", credit="?")
    with pytest.raises(ValidationError, match="not a .pdf document"):
        document.file.save("sneaky.pdf", ContentFile(b"<html>hi</html>"), save=True)
    assert not ChallengeDocument.objects.exists()


def test_the_admin_upload_forms_check_bytes_and_strip_exif(library):
    client = Client()
    client.force_login(library.superuser)
    fake = ContentFile(b"<html><script>alert(1)</script></html>", name="sheet.pdf")
    response = client.post(
        "/admin/documents/add/", {"title": "Sheet", "file": fake, "collection": 1, "credit": "Me"}
    )
    assert response.status_code == 200
    assert "its contents are not a .pdf document" in response.content.decode()
    assert not ChallengeDocument.objects.exists()

    photo = ContentFile(jpeg_with_location(), name="trip.jpg")
    response = client.post(
        "/admin/images/add/", {"title": "Trip", "file": photo, "collection": 1, "credit": "Me"}
    )
    assert response.status_code == 302
    image = ChallengeImage.objects.get(title="Trip")
    with image.open_file() as stored:
        assert not PILImage.open(BytesIO(stored.read())).getexif()


@pytest.fixture
def dev_urls(settings):
    """The URLs as `make run` (DEBUG) builds them."""
    settings.DEBUG = True
    importlib.reload(library.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(library.urls)
    clear_url_caches()


def test_make_run_has_no_blanket_media_route(media, dev_urls):
    for url in urls_of(media.school_image) + urls_of(media.draft_image):
        assert Client().get(url).status_code == 404, url
    assert Client().get(urls_of(media.public_image)[1]).status_code == 200


def test_a_clean_image_is_kept_byte_for_byte(db):
    data = png_bytes()
    assert check_image_upload(ContentFile(data, name="clean.png")).read() == data
