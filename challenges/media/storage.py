"""Where media files live, and the one URL they are reached by.

Every image original, rendition and document is linked as `/media/<name>`: a view that serves
it only to those who may see it (challenges/media/serving.py). On S3 the objects are private;
that view answers with a signed URL made for this request and valid for minutes, so no signed
URL is ever stored in the search index, a rendered page or a cache that outlives it.

Every path that stores an original (admin forms, import, API, `FieldFile.save`) passes through
`_save` here, which refuses what media_checks refuses; models clean files earlier, with
the right dimensions and hash, and mark them checked.

S3 answers within the timeouts of AWS_S3_CLIENT_CONFIG (settings) or counts as down: then, for
STORE_DOWN_SECONDS, every call fails at once with StorageUnavailable (logged once), uploads are
refused in words before anything is written, and pages show images without new thumbnails.
An admin upload's file is stored while its form is validated (`store_now`, from
challenges/media/forms.py), so a store that fails on the write itself is a form error too.
"""

import logging

from botocore.exceptions import ConnectionError as S3ConnectionError
from botocore.exceptions import HTTPClientError as S3HTTPClientError
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.encoding import filepath_to_uri
from s3transfer.exceptions import RetriesExceededError
from storages.backends.s3 import S3File, S3Storage
from wagtail.images.models import SourceImageIOError

from challenges.media.checks import check_document_upload, check_image_upload
from library.outages import Breaker

logger = logging.getLogger("challenges")

SIGNED_URL_SECONDS = 300
CHECKED = "_media_checked"  # set on content that media_checks already cleaned
STORED_AS = "_media_stored_as"  # set on content store_now wrote: the name it was stored under
STORE_DOWN_SECONDS = 10.0
STORE_DOWN_MESSAGE = (
    "The file store is not answering just now, so this file has not been saved and nothing "
    "has changed. Please try again in a few minutes."
)
EXPORT_STORE_DOWN_MESSAGE = (
    "The file store is not answering just now, so the challenges’ files could not be read and "
    "nothing was exported. Please try again in a few minutes."
)
PROBE_NAME = "reachability-probe"  # never stored: asking for it is one cheap round trip


class StorageUnavailable(OSError):
    """The file store was refused or timed out. An OSError, so Wagtail's image tag shows its
    "missing image" placeholder instead of failing the page."""


def refusal(storage):
    """Why no file can be stored in `storage` right now, in a teacher's words; None if it can."""
    try:
        storage.exists(PROBE_NAME)
    except StorageUnavailable:
        return STORE_DOWN_MESSAGE
    return None


def checked(content):
    setattr(content, CHECKED, True)
    return content


def store_now(file):
    """Writes a new, checked file (a model's FieldFile) to its storage now, under the name its
    model's save would give it; that save then finds it stored and writes only the row.
    Raises StorageUnavailable when the file store is refused or times out."""
    content = file.file
    name = file.field.generate_filename(file.instance, file.name)
    stored = file.storage.save(name, content, max_length=file.field.max_length)
    setattr(content, STORED_AS, stored)
    return stored


def delete_or_leave(storage, name):
    """Deletes a file nothing uses any more; while the store fails it stays, named in the log
    for a cleanup (what used it has moved on already, and must not fail for this)."""
    try:
        storage.delete(name)
    except StorageUnavailable as error:
        logger.warning("File store: %s is no longer used but was left there for a cleanup "
                       "(deleting it failed: %s)", name, error)  # fmt: skip


class StoresOnce:
    """Content that store_now has written is not written again by the model's save."""

    def save(self, name, content, max_length=None):
        return getattr(content, STORED_AS, None) or super().save(name, content, max_length)


def _cleaned(name, content):
    if getattr(content, CHECKED, False):
        return content
    if name.startswith("original_images/"):
        return check_image_upload(content, name)
    if name.startswith("documents/"):
        return check_document_upload(content, name)
    return content  # renditions: made here from a checked original


def rendition_or_none(image, spec):
    """The rendition, or None when it is not made yet and the original cannot be read (the file
    store is down): the page, card or oEmbed goes without that image rather than failing."""
    try:
        return image.get_rendition(spec)
    except SourceImageIOError as error:
        logger.warning("No %s rendition of image %s for now: %s", spec, image.pk, error)
        return None


def media_url(name):
    return f"{settings.MEDIA_URL}{filepath_to_uri(name)}"


class LocalMediaStorage(StoresOnce, FileSystemStorage):
    def _save(self, name, content):
        return super()._save(name, _cleaned(name, content))

    def url(self, name):
        return media_url(name)


# What S3 failing looks like: refused, timed out, cut off (a download retried in vain too).
S3_DOWN_ERRORS = (S3ConnectionError, S3HTTPClientError, RetriesExceededError)


class GuardedS3File(S3File):
    """An S3 object opened for reading. Its body is fetched at the first read, which can fail
    after a successful open: that failure is StorageUnavailable too (never a half-read file)."""

    def _get_file(self):
        try:
            return self._storage._reachable(super()._get_file)
        except StorageUnavailable:
            self._file = None  # not left holding an empty copy a later read would return
            raise

    file = property(_get_file, S3File._set_file)  # S3File's property names its own getter


class S3MediaStorage(StoresOnce, S3Storage):
    """Private objects: no ACL, every direct URL signed and short-lived."""

    def __init__(self, **settings_overrides):
        settings_overrides.setdefault("default_acl", None)
        settings_overrides.setdefault("querystring_auth", True)
        settings_overrides.setdefault("querystring_expire", SIGNED_URL_SECONDS)
        super().__init__(**settings_overrides)
        self.breaker = Breaker(
            "File storage (S3)", "uploads refused and new thumbnails skipped", logger
        )

    def _reachable(self, operation, *args):
        if self.breaker.is_down():
            raise StorageUnavailable(f"not asked again yet after {self.breaker.reason}")
        try:
            return operation(*args)
        except S3_DOWN_ERRORS as error:
            self.breaker.trip(error, STORE_DOWN_SECONDS)
            raise StorageUnavailable(f"{type(error).__name__}: {error}") from error

    def _save(self, name, content):
        return self._reachable(super()._save, name, _cleaned(name, content))

    def _open(self, name, mode="rb"):
        file = self._reachable(super()._open, name, mode)
        file.__class__ = GuardedS3File  # S3Storage names its file class inline
        return file

    def exists(self, name):
        return self._reachable(super().exists, name)

    def delete(self, name):
        return self._reachable(super().delete, name)

    def size(self, name):
        return self._reachable(super().size, name)

    def url(self, name, parameters=None, expire=None, http_method=None):
        return media_url(name)

    def signed_url(self, name):
        """A direct URL to the private object, for one response only."""
        return super().url(name, expire=SIGNED_URL_SECONDS)
