import tempfile
from pathlib import Path

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A fresh folder per run: uploads never land in the repo, and parallel runs never share files.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lcl-media-test-"))
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
# Only the search suites talk to Elasticsearch, each on its own alias (tests/search/conftest.py);
# every other test indexes into the database implementation.
ELASTICSEARCH_URL = ""
# Static files straight from the apps' folders (no collectstatic outside production).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Embed views are flushed explicitly in tests, never as a side effect of an earlier test.
EMBED_VIEWS_FLUSH_SECONDS = 0
