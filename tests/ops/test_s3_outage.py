"""S3 refused and hanging, then back: pages and embeds serve within 2 s (a thumbnail not made yet
is left out, never a 500), an upload is refused in a teacher's words with nothing written,
/healthz and the log say the file store is down, and uploads work again once it answers. An
upload whose write fails halfway (S3 answered the form's checks, then refused or hung on the
write) gets the form back with the same words, never a 500, with nothing written.

The suite starts its own S3-compatible server (moto) on loopback, so it runs everywhere.
"""

import html
import io
import time

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.test import Client
from moto.server import ThreadedMotoServer

from challenges.media import storage as media_storage
from challenges.models import ChallengeDocument, ChallengeImage
from tests.factories import make_challenge
from tests.helpers import png_file
from tests.ops.net import SwitchableEndpoint
from tests.ops.outage_checks import (
    admin_dashboard,
    assert_public_paths_serve,
    healthz,
    live_title,
    publish_retitled_through_admin,
)

pytestmark = pytest.mark.django_db

BUCKET = "lcl-outage-media"
# The breaker's interval: long enough for the checks made while S3 is down to see it skipped,
# short enough for the test to see S3 come back.
DOWN_SECONDS = 5
# A write S3 never answers: botocore waits 1 s for S3's "100 Continue" before sending the body,
# then AWS_S3_READ_TIMEOUT (1 s) for the answer.
WRITE_GIVES_UP_SECONDS = 3.5


@pytest.fixture(scope="module")
def s3_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield host, port
    server.stop()


@pytest.fixture
def s3(s3_server, settings, monkeypatch):
    """The media storage on S3 behind a switchable port; yields (endpoint, direct client)."""
    host, port = s3_server
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setattr(media_storage, "STORE_DOWN_SECONDS", DOWN_SECONDS)
    direct = boto3.client("s3", endpoint_url=f"http://{host}:{port}", region_name="eu-west-2")
    if BUCKET not in {bucket["Name"] for bucket in direct.list_buckets()["Buckets"]}:
        direct.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
    with SwitchableEndpoint(port, host) as endpoint:
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "challenges.media.storage.S3MediaStorage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "endpoint_url": f"http://{endpoint.url_host}",
                    "region_name": "eu-west-2",
                    "file_overwrite": False,
                },
            },
        }
        storages._storages.clear()  # settings changed: build the storage again
        yield endpoint, direct
        storages._storages.clear()


def stored_keys(direct):
    return {item["Key"] for item in direct.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def originals(keys):
    return {key for key in keys if key.startswith("original_images/")}


def png(name, colour=(200, 80, 40)):
    return png_file(name, size=(320, 200), colour=colour)


def upload(client, kind, title, file):
    data = {"title": title, "file": file, "collection": 1, "credit": "Mrs K."}
    started = time.monotonic()
    response = client.post(f"/admin/{kind}/add/", data)
    return response, time.monotonic() - started


def new_image(title, colour):
    image = ChallengeImage(title=title, credit="Photo: Ash Primary")
    image.file = ImageFile(png(f"{title}.png", colour), name=f"{title}.png")
    image.save()
    return image


@pytest.mark.parametrize("outage", ["refused", "hanging"])
def test_s3_down_then_back(library, s3, outage, caplog):
    endpoint, direct = s3
    teacher = Client()
    teacher.force_login(library.superuser)  # may upload into the root collection
    # Up: a challenge with its photo; its page and embed make their thumbnails now.
    photo = new_image("bug-hotel", (200, 80, 40))
    challenge = make_challenge(
        library.school_a1, "Bug hotel on S3", hero_image=photo, hero_image_alt="A bug hotel"
    )
    assert_public_paths_serve(challenge, "S3 up", must_show="Bug hotel on S3", budget=None)
    # Published too, but nobody has opened it yet: its page's thumbnails are not made.
    pond = make_challenge(
        library.school_a1, "Pond dipping on S3", hero_image=new_image("pond", (40, 80, 200)),
        hero_image_alt="A pond",
    )  # fmt: skip
    keys_before = stored_keys(direct)

    getattr(endpoint, "refuse" if outage == "refused" else "hang")()

    assert_public_paths_serve(challenge, f"S3 {outage}", must_show="Bug hotel on S3")
    # Its thumbnails cannot be made now (the first waits for the timeout): shown without them.
    assert_public_paths_serve(pond, f"S3 {outage}, thumbnail not made yet",
                              must_show="Pond dipping on S3")  # fmt: skip
    # A publish needs no file: kept.
    response, _seconds = publish_retitled_through_admin(
        library.moderator_a, challenge, "Bug hotel, rebuilt"
    )
    assert response.status_code == 302
    assert live_title(challenge) == "Bug hotel, rebuilt"
    # Uploads are refused in words, before anything is written.
    for kind, file in (("images", png("trip.png")), ("documents", ContentFile(b"Count.", "a.txt"))):
        response, seconds = upload(teacher, kind, "Trip", file)
        print(f"\n[outage timings] S3 {outage}: refused {kind} upload {1000 * seconds:.0f} ms")
        assert response.status_code == 200 and seconds < 2
        assert media_storage.STORE_DOWN_MESSAGE in response.content.decode()
    assert "The file store is not answering" in admin_dashboard(library.editor_a1)
    assert not ChallengeImage.objects.filter(title="Trip").exists()
    assert not ChallengeDocument.objects.filter(title="Trip").exists()
    assert stored_keys(direct) == keys_before
    status, health = healthz()
    assert status == 503
    assert health["checks"]["storage"]["ok"] is False
    assert health["checks"]["database"]["ok"] is True
    assert "File storage (S3) unreachable" in caplog.text

    endpoint.up()
    time.sleep(DOWN_SECONDS)  # the breaker lets this process try S3 again

    status, health = healthz()
    assert status == 200 and health["checks"]["storage"]["ok"] is True
    response, _seconds = upload(teacher, "images", "Trip", png("trip.png"))
    assert response.status_code == 302
    trip = ChallengeImage.objects.get(title="Trip")
    assert "The file store is not answering" not in admin_dashboard(library.editor_a1)
    assert originals(stored_keys(direct) - keys_before) == {trip.file.name}  # stored once
    pond.refresh_from_db()
    assert_public_paths_serve(pond, "S3 back", must_show="Pond dipping on S3", budget=None)
    assert "images/" in " ".join(stored_keys(direct) - keys_before)  # its thumbnails now made


def upload_form_data(kind):
    """A file each upload form accepts (the same as the outage test's)."""
    return png("trip.png") if kind == "images" else ContentFile(b"Count.", "a.txt")


@pytest.mark.parametrize("outage", ["refused", "hanging"])
@pytest.mark.parametrize("kind", ["images", "documents"])
def test_s3_failing_during_an_uploads_save_answers_with_the_form_again(library, s3, kind, outage):
    """S3 answers the checks made while the form is validated, then fails on the write itself:
    the teacher gets the form back with the reason in words, and nothing is half-written."""
    endpoint, direct = s3
    teacher = Client(raise_request_exception=False)
    teacher.force_login(library.superuser)
    keys_before = stored_keys(direct)
    endpoint.fails_at(b"PUT ", outage)

    response, seconds = upload(teacher, kind, "Trip", upload_form_data(kind))
    print(f"\n[outage timings] S3 {outage} at the write: {kind} upload {1000 * seconds:.0f} ms")
    assert endpoint.mode == outage  # the write was tried, and failed
    assert response.status_code == 200 and seconds < WRITE_GIVES_UP_SECONDS
    page = response.content.decode()
    assert media_storage.STORE_DOWN_MESSAGE in page
    assert 'name="title"' in page and 'value="Trip"' in page  # the form again, as filled in
    assert not ChallengeImage.objects.filter(title="Trip").exists()
    assert not ChallengeDocument.objects.filter(title="Trip").exists()
    endpoint.up()
    assert stored_keys(direct) == keys_before


def test_s3_failing_during_a_multiple_upload_says_so_beside_the_file(library, s3):
    """Wagtail's "Add images" / "Add documents" uploader answers each file in JSON."""
    endpoint, direct = s3
    teacher = Client(raise_request_exception=False)
    teacher.force_login(library.superuser)
    keys_before = stored_keys(direct)
    for kind, outage in (("images", "refused"), ("documents", "hanging")):
        endpoint.fails_at(b"PUT ", outage)
        response = teacher.post(
            f"/admin/{kind}/multiple/add/",
            {"title": "Trip", "collection": 1, "files[]": upload_form_data(kind)},
        )
        assert endpoint.mode == outage
        assert response.status_code == 200, (kind, response.status_code)
        answer = response.json()
        assert answer["success"] is False
        assert media_storage.STORE_DOWN_MESSAGE in answer["error_message"]
        endpoint.up()
        time.sleep(DOWN_SECONDS)  # the breaker lets this process try S3 again
    assert not ChallengeImage.objects.filter(title="Trip").exists()
    assert not ChallengeDocument.objects.filter(title="Trip").exists()
    assert stored_keys(direct) == keys_before

    # Back: the uploader stores the file, once.
    response = teacher.post(
        "/admin/images/multiple/add/", {"collection": 1, "files[]": upload_form_data("images")}
    )
    assert response.json()["success"] is True, response.json()
    trip = ChallengeImage.objects.get(pk=response.json()["image_id"])
    assert originals(stored_keys(direct) - keys_before) == {trip.file.name}  # stored once


def new_document(title, text=b"Count the birds in the garden."):
    document = ChallengeDocument(title=title)
    document.file = ContentFile(text, name=f"{title}.txt")
    document.save()
    return document


@pytest.mark.parametrize("outage", ["refused", "hanging"])
def test_a_document_read_that_fails_after_the_open_answers_in_words(library, s3, outage):
    """S3 answers the open (its HEAD) and then fails on the body: the reader gets a 503 in
    words, never a traceback or a half-read file; once S3 is back the file is served whole."""
    endpoint, _direct = s3
    document = new_document("birds")
    reader = Client(raise_request_exception=False)
    reader.force_login(library.superuser)
    url = f"/documents/{document.pk}/{document.filename}"
    endpoint.fails_at(b"GET ", outage)

    response = reader.get(url)
    assert endpoint.mode == outage  # the open was answered, the read was tried and failed
    assert response.status_code == 503
    assert b"the file store is not answering" in response.content
    assert "no-store" in response["Cache-Control"]

    endpoint.up()
    time.sleep(DOWN_SECONDS)  # the breaker lets this process try S3 again
    response = reader.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Count the birds in the garden."


EDIT_URLS = {"images": "/admin/images/{}/", "documents": "/admin/documents/edit/{}/"}


def edit_form_data(kind, title, file):
    data = {"title": title, "file": file, "collection": 1, "credit": "Mrs K."}
    if kind == "images":
        data.update({"focal_point_x": "", "focal_point_y": "", "focal_point_width": "",
                     "focal_point_height": ""})  # fmt: skip
    return data


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_an_edit_whose_old_file_cannot_be_deleted_keeps_the_edit(library, s3, kind, caplog):
    """S3 stores the replacement, then refuses to delete the old file: the edit stands (never a
    500 that rolled it back and left the new file stored for nothing), the old object is left
    for a cleanup and named in the log."""
    endpoint, direct = s3
    item = new_image("lamp", (10, 200, 10)) if kind == "images" else new_document("lamp")
    old_name = item.file.name
    teacher = Client(raise_request_exception=False)
    teacher.force_login(library.superuser)
    replacement = (
        png("lamp-2.png", (250, 250, 0))
        if kind == "images"
        else (ContentFile(b"A brighter lamp.", "lamp-2.txt"))
    )
    endpoint.fails_at(b"DELETE ", "refused")

    response = teacher.post(
        EDIT_URLS[kind].format(item.pk), edit_form_data(kind, "Lamp", replacement)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert endpoint.mode == "refused"  # the delete was tried, and failed
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = type(item).objects.values("title", "file").get(pk=item.pk)  # no read of the file
    assert saved["title"] == "Lamp" and saved["file"] != old_name
    endpoint.up()
    assert {old_name, saved["file"]} <= stored_keys(direct)  # the new file in use, the old left
    assert f"{old_name} is no longer used but was left there for a cleanup" in caplog.text


def test_an_export_that_meets_s3_failing_stops_with_a_message(library, s3, tmp_path):
    """The operator's command and the admin's download both stop in words, write nothing, and
    work again once S3 answers."""
    endpoint, _direct = s3
    make_challenge(
        library.school_a1, "Kite flying on S3", hero_image=new_image("kite", (90, 90, 250)),
        hero_image_alt="A kite",
    )  # fmt: skip
    output = tmp_path / "alder.zip"
    command = ["export_challenges", str(output), "--trust", "alder", "--no-progress"]
    endpoint.fails_at(b"GET ", "refused")  # the files' HEADs answer, their bodies do not

    with pytest.raises(CommandError) as refused:
        call_command(*command, stdout=io.StringIO())
    assert endpoint.mode == "refused"
    assert media_storage.EXPORT_STORE_DOWN_MESSAGE in str(refused.value)
    assert "Traceback" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []  # neither the package nor its partial copy

    admin = Client(raise_request_exception=False)
    admin.force_login(library.superuser)
    response = admin.get(f"/admin/challenges/export/{library.trust_a.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == "/admin/challenges/export/"
    assert media_storage.EXPORT_STORE_DOWN_MESSAGE in html.unescape(response.content.decode())

    endpoint.up()
    time.sleep(DOWN_SECONDS)  # the breaker lets this process try S3 again
    call_command(*command, stdout=io.StringIO())
    assert output.exists()
