"""Images and documents on S3 (any S3-compatible store through an endpoint URL).

The suite starts its own S3-compatible server (moto) on loopback, so it runs everywhere.
"""

from io import BytesIO

import boto3
import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django.test import Client
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage

from challenges.models import ChallengeDocument, ChallengeImage
from tests.factories import make_challenge

BUCKET = "lcl-test-media"


@pytest.fixture(scope="module")
def s3_server():

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_storage(s3_server, settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client("s3", endpoint_url=s3_server, region_name="eu-west-2")
    if BUCKET not in {bucket["Name"] for bucket in client.list_buckets()["Buckets"]}:
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
        )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "challenges.media.storage.S3MediaStorage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_server,
                "region_name": "eu-west-2",
                "file_overwrite": False,
            },
        },
    }
    storages._storages.clear()  # settings changed: build the storage again
    yield client
    storages._storages.clear()


def keys(client):
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_images_and_renditions_are_stored_on_s3(db, s3_storage):

    buffer = BytesIO()
    PILImage.new("RGB", (320, 200), (200, 80, 40)).save(buffer, "PNG")
    image = ChallengeImage(title="Bug hotel", credit="Photo: Ash Primary")
    image.file = ImageFile(buffer, name="bug-hotel.png")
    image.save()
    rendition = image.get_rendition("fill-160x100")
    stored = keys(s3_storage)
    assert image.file.name in stored
    assert rendition.file.name in stored
    # Linked through our own view, never by a signed URL that could be cached or indexed.
    assert rendition.url == f"/media/{rendition.file.name}"
    body = s3_storage.get_object(Bucket=BUCKET, Key=image.file.name)["Body"].read()
    assert PILImage.open(BytesIO(body)).size == (320, 200)  # the stored file itself


def test_public_images_redirect_to_a_signed_url_made_per_request(library, s3_storage):
    buffer = BytesIO()
    PILImage.new("RGB", (320, 200), (200, 80, 40)).save(buffer, "PNG")
    image = ChallengeImage(title="Bug hotel", credit="Photo: Ash Primary")
    image.file = ImageFile(buffer, name="bug-hotel.png")
    image.save()
    hidden = ChallengeImage(title="Hidden", credit="Photo: Ash Primary")
    hidden.file = ImageFile(BytesIO(buffer.getvalue()), name="hidden.png")
    hidden.save()
    make_challenge(library.school_a1, "Bug hotel on S3", hero_image=image)
    make_challenge(library.school_a1, "School canarys S3", "school", hero_image=hidden)

    rendition = image.get_rendition("fill-160x100")
    first = Client().get(rendition.url)
    second = Client().get(rendition.url)
    assert first.status_code == second.status_code == 302
    signed = first["Location"]
    assert signed.startswith("http://127.0.0.1:") and "Signature=" in signed
    assert "Expires=" in signed or "X-Amz-Expires=300" in signed
    assert "public" not in first["Cache-Control"]  # no shared cache keeps a signed URL
    fetched = requests.get(signed, timeout=10)
    assert fetched.status_code == 200
    assert PILImage.open(BytesIO(fetched.content)).size == (160, 100)
    assert Client().get(hidden.get_rendition("fill-160x100").url).status_code == 404


def test_documents_are_stored_on_s3(db, s3_storage):

    document = ChallengeDocument(title="Worksheet", credit="Mrs K.")
    document.file.save("worksheet.txt", ContentFile(b"Count the legs."), save=True)
    assert document.file.name in keys(s3_storage)
    stored = s3_storage.get_object(Bucket=BUCKET, Key=document.file.name)["Body"].read()
    assert stored == b"Count the legs."
