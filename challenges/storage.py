"""Where media files live, and the one URL they are reached by.

Every image original, rendition and document is linked as `/media/<name>`: a view that serves
it only to those who may see it (challenges/media_serving.py). On S3 the objects are private;
that view answers with a signed URL made for this request and valid for minutes, so no signed
URL is ever stored in the search index, a rendered page or a cache that outlives it.

Every path that stores an original (admin forms, import, API, `FieldFile.save`) passes through
`_save` here, which refuses what media_checks refuses; models clean files earlier, with
the right dimensions and hash, and mark them checked.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage

from .media_checks import check_document_upload, check_image_upload

SIGNED_URL_SECONDS = 300
CHECKED = "_media_checked"  # set on content that media_checks already cleaned


def checked(content):
    setattr(content, CHECKED, True)
    return content


def _cleaned(name, content):
    if getattr(content, CHECKED, False):
        return content
    if name.startswith("original_images/"):
        return check_image_upload(content, name)
    if name.startswith("documents/"):
        return check_document_upload(content, name)
    return content  # renditions: made here from a checked original


def media_url(name):
    return f"{settings.MEDIA_URL}{filepath_to_uri(name)}"


class LocalMediaStorage(FileSystemStorage):
    def _save(self, name, content):
        return super()._save(name, _cleaned(name, content))

    def url(self, name):
        return media_url(name)


class S3MediaStorage(S3Storage):
    """Private objects: no ACL, every direct URL signed and short-lived."""

    def __init__(self, **settings_overrides):
        settings_overrides.setdefault("default_acl", None)
        settings_overrides.setdefault("querystring_auth", True)
        settings_overrides.setdefault("querystring_expire", SIGNED_URL_SECONDS)
        super().__init__(**settings_overrides)

    def _save(self, name, content):
        return super()._save(name, _cleaned(name, content))

    def url(self, name, parameters=None, expire=None, http_method=None):
        return media_url(name)

    def signed_url(self, name):
        """A direct URL to the private object, for one response only."""
        return super().url(name, expire=SIGNED_URL_SECONDS)
