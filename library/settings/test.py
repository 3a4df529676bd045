import os
import tempfile
import uuid
from pathlib import Path

from library.settings.base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A fresh folder per run: uploads never land in the repo, and parallel runs never share files.
# A server process a test starts names its own folder (MEDIA_ROOT) so its commands share it.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or tempfile.mkdtemp(prefix="lcl-media-test-"))
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["*"]
# Only the search suites talk to Elasticsearch, each on its own alias (tests/search/conftest.py);
# every other test indexes into the database implementation.
ELASTICSEARCH_URL = ""
# Only the front-cache suite purges: tests/ops/test_front_cache.py turns it on in its process,
# and a task worker it starts (TEST_FRONT_CACHE=1) keeps the VARNISH_URL one from base.
if os.environ.get("TEST_FRONT_CACHE") != "1":
    WAGTAILFRONTENDCACHE = {}
# Static files straight from the apps' folders (no collectstatic outside production).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Embed views are flushed explicitly in tests, never as a side effect of an earlier test.
EMBED_VIEWS_FLUSH_SECONDS = 0
# With REDIS_URL the suite runs on Redis, under a prefix of its own (concurrent runs never meet);
# processes a test starts get the same prefix through CACHE_KEY_PREFIX.
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = (  # noqa: F405
        os.environ.get("CACHE_KEY_PREFIX") or f"test-{uuid.uuid4().hex[:12]}"
    )
# On SQLite, a test database in a file (not shared-cache memory), so the live server's threads
# share it; the write-ahead log and immediate transactions come from base.py.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.mkdtemp(prefix="lcl-db-test-")) / "test.sqlite3")
    }
