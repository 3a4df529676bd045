"""Images and documents on S3 (any S3-compatible store through an endpoint URL).

The suite starts its own S3-compatible server (moto) on loopback, so it runs everywhere.
"""

from io import BytesIO

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage

from challenges.models import ChallengeDocument, ChallengeImage

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
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_server,
                "region_name": "eu-west-2",
                "file_overwrite": False,
                "default_acl": None,
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
    assert rendition.url.startswith("http://127.0.0.1:")  # served from the bucket


def test_documents_are_stored_on_s3(db, s3_storage):

    document = ChallengeDocument(title="Worksheet", credit="Mrs K.")
    document.file.save("worksheet.txt", ContentFile(b"Count the legs."), save=True)
    assert document.file.name in keys(s3_storage)
    assert document.file.read() == b"Count the legs."
