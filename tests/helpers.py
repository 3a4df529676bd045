"""One helper per job for every suite: generated images, publishing a change, a free port, and
a module's world kept in a transaction."""

import socket
from contextlib import contextmanager
from io import BytesIO

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage


def png_bytes(size=(64, 48), colour=(30, 120, 60)):
    """A small real PNG, generated (every test image is one of these unless it tests a format)."""
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def png_file(name="generated.png", size=(64, 48), colour=(30, 120, 60)):
    """png_bytes as a file to store or upload."""
    return ImageFile(BytesIO(png_bytes(size, colour)), name=name)


def publish(page, **changes):
    """Publish the page's latest revision with these fields changed, as an editor's publish
    does; returns the page as it is now stored."""
    draft = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    draft.save_revision().publish()
    return type(draft).objects.get(pk=page.pk)


def free_port():
    """A loopback port free at this moment, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def rolled_back_after_module(django_db_blocker):
    """For a module-scoped fixture: what it writes stays for the module's tests (each runs in a
    savepoint inside), then is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
