"""Settings shared by every environment. Everything that varies is read from the environment."""

import os
from pathlib import Path

import dj_database_url
from botocore.config import Config

from library.routes import cors_urls_regex

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "home",
    "challenges",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: the trust admin's locale screens
    "wagtail.api.v2",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "rest_framework",
    "corsheaders",
    "csp",
    "django_tasks_db",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# Session, CSRF, auth and messages step aside on public channel routes, and anonymous responses
# shed their cookies (library/public_routes.py): shared caches may keep public responses.
MIDDLEWARE = [
    # Warm anonymous public responses from the shared cache, before any other middleware.
    "challenges.channels.render_cache.AnonymousRenderCacheMiddleware",
    "library.public_routes.AnonymousResponsesStayPublic",
    # Pages and search answer conditional GETs (ETag from the body, 304).
    "library.middleware.PageConditionalGetMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "library.middleware.PublicCacheControlMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "library.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "library.public_routes.SessionMiddleware",
    # The language comes from the path alone (/pl/..., English unprefixed), never from headers.
    "library.middleware.PathLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",  # by name: check --deploy looks for it
    "library.public_routes.AuthenticationMiddleware",
    "home.viewer.AdminViewerMiddleware",
    "library.public_routes.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "library.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "library.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
# SQLite, in every settings module: a write-ahead log (readers never block the writer), and
# transactions that take the write lock when they begin, waiting up to 20 s for it. Autosave and
# "Save draft" at the same moment then queue instead of failing with "database is locked".
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
# Families' languages: English (the original of every challenge) and the languages trusts meet
# most. A translation lives at /<code>/<trust>/<school>/<challenge>/; English keeps its
# unprefixed URLs. The first ten are ready to translate into (home 0012 made their locales); a
# trust admin adds any other of this list (People and partners, "Families' languages"). A
# language not listed here needs a line here first, and a gettext catalog (Django's own, or
# one in challenges/locale/): without one Django does not recognise its /<code>/ prefix.
LANGUAGES = [
    ("en-gb", "English"),
    ("pl", "Polski"),
    ("ur", "اردو"),
    ("ro", "Română"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("bn", "বাংলা"),
    ("ar", "العربية"),
    ("pt", "Português"),
    ("es", "Español"),
    ("so", "Soomaali"),
    ("uk", "Українська"),
    # Not ready until a trust admin adds them.
    ("tr", "Türkçe"),
    ("lt", "Lietuvių"),
    ("fa", "فارسی"),
    ("ta", "தமிழ்"),
    ("hi", "हिन्दी"),
    ("ne", "नेपाली"),
    ("fr", "Français"),
    ("it", "Italiano"),
    ("ru", "Русский"),
    ("sq", "Shqip"),
    ("bg", "Български"),
    ("hu", "Magyar"),
    ("lv", "Latviešu"),
    ("zh-hans", "简体中文"),
]
LANGUAGES_BIDI = ["ar", "ur", "he", "fa"]  # right to left: dir="rtl" wherever they are shown
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# "Translate this page" makes a draft: a translation goes live only through the trust's review
# (wagtail-localize would otherwise publish the English copy under /<code>/ at once).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

# Media are reached through /media/<name>, a view that checks who may see them
# (challenges/media/storage.py, challenges/media/serving.py); there is no blanket static route.
STORAGES = {
    "default": {"BACKEND": "challenges.media.storage.LocalMediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# S3 (or any S3-compatible store) when a bucket is configured; local files otherwise.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "challenges.media.storage.S3MediaStorage",  # private objects, signed per request
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "file_overwrite": False,
        },
    }
# S3 answers within these or counts as down for a few seconds (challenges/media/storage.py): a hung
# store must never hold a page or an upload for botocore's default minute and retries.
AWS_S3_CLIENT_CONFIG = Config(
    connect_timeout=float(os.environ.get("AWS_S3_CONNECT_TIMEOUT", "1")),
    read_timeout=float(os.environ.get("AWS_S3_READ_TIMEOUT", "1")),
    retries={"total_max_attempts": int(os.environ.get("AWS_S3_MAX_ATTEMPTS", "1"))},
)

# The shared cache: Redis when REDIS_URL is set (every web process and the worker agree on render
# caches, the publication stamp, embed counts and rate limits); local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
SHARED_CACHE = bool(REDIS_URL)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "library.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "lcl"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The front cache (Varnish, or any CDN that accepts PURGE): purged after every public change
# (challenges/channels/front_cache.py). Wagtail's frontend_cache app itself is not installed: its
# signal handlers purge before the transaction commits, and a request in between would re-cache
# the old page; ours purge after commit, and purge every URL that shows the change.
VARNISH_URL = os.environ.get("VARNISH_URL", "")
WAGTAILFRONTENDCACHE = (
    {"varnish": {"BACKEND": "library.front_cache.TimedHTTPBackend", "LOCATION": VARNISH_URL}}
    if VARNISH_URL
    else {}
)

# Background work (search indexing, front-cache purges, embed-count flushes, Wagtail's own tasks):
# TASKS_BACKEND=database queues it in the database for the worker (`manage.py db_worker`);
# "immediate" (the default outside production) runs it inline.
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("TASKS_BACKEND", "immediate")]}}
# /healthz logs a warning when the oldest queued task has waited longer (is a worker running?).
TASKS_BACKLOG_WARNING_SECONDS = int(os.environ.get("TASKS_BACKLOG_WARNING_SECONDS", "300"))

# Wagtail's page editor posts one field per block; complex challenges exceed Django's default.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Django's login_required and Wagtail's own redirects both go to the admin's sign-in form.
LOGIN_URL = "wagtailadmin_login"

WAGTAIL_SITE_NAME = "Learning Challenge Library"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = True
WAGTAILIMAGES_IMAGE_MODEL = "challenges.ChallengeImage"
WAGTAILDOCS_DOCUMENT_MODEL = "challenges.ChallengeDocument"
# Their admin forms store the file as validation ends: a failing store is a form error.
WAGTAILIMAGES_IMAGE_FORM_BASE = "challenges.media.forms.ChallengeImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "challenges.media.forms.ChallengeDocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # every document downloads as an attachment
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "home.workflows.publish_approved"
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# No WAGTAILAPI_BASE_URL: the API's URLs start with the Site that serves the request, as every
# other channel's do (library/http.py site_root).
# Wagtail's default avatar, served by us: no staff email hash sent to a third party, and nothing
# for the admin's CSP to block.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILAPI_LIMIT_MAX = 50

# The admin's own search stays on Wagtail's database backend. Discovery (search/) uses it too,
# over words it has stemmed itself: the "simple" configuration keeps PostgreSQL from stemming
# them again, so SQLite and PostgreSQL match the same words.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}

# Discovery on Elasticsearch when set; the database implementation otherwise (and as fallback).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "challenges")
# Seconds a search or index request may take: a hung cluster costs a public page one timeout,
# then the database answers for a while (search/backends/elasticsearch.py), within 2 s.
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "1"))
# Index writes force a refresh, slower under load; one that times out is recorded and replayed.
ELASTICSEARCH_WRITE_TIMEOUT = float(os.environ.get("ELASTICSEARCH_WRITE_TIMEOUT", "3"))

# Partner tokens: at most this many requests per window (seconds), counted in the shared cache.
PARTNER_TOKEN_RATE_LIMIT = (
    int(os.environ.get("PARTNER_TOKEN_RATE_LIMIT", "120")),
    int(os.environ.get("PARTNER_TOKEN_RATE_WINDOW", "60")),
)
# Partner instances that may be fetched over plain http (tests and local set-ups only).
INTERCHANGE_HTTP_ALLOWED_HOSTS = env_list("INTERCHANGE_HTTP_ALLOWED_HOSTS", "")
# Fernet keys for the partner tokens this library sends (comma-separated: the first encrypts,
# every one decrypts, so a key can be rotated). Unset: a key derived from SECRET_KEY.
PARTNER_LIBRARY_TOKEN_KEYS = env_list("PARTNER_LIBRARY_TOKEN_KEYS", "")
# Seconds a whole pull request to a partner may take (redirects included).
INTERCHANGE_PARTNER_TIMEOUT = float(os.environ.get("INTERCHANGE_PARTNER_TIMEOUT", "10"))
# Challenges in one page of the partner list this library answers (a pull walks every page).
INTERCHANGE_PARTNER_PAGE_SIZE = int(os.environ.get("INTERCHANGE_PARTNER_PAGE_SIZE", "100"))

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "library@localhost")

# Framing: only embed routes may be framed by other origins (library/middleware.py); every other
# route refuses (X-Frame-Options DENY and CSP frame-ancestors 'none').
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# CORS only where other websites' scripts read us (library/routes.py: embeds, widget JSON,
# oEmbed, public API, feeds).
CORS_URLS_REGEX = cors_urls_regex()
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "library": {"handlers": ["console"], "level": "INFO"},
        "challenges": {"handlers": ["console"], "level": "INFO"},
        "search": {"handlers": ["console"], "level": "INFO"},
        "elastic_transport": {"handlers": ["console"], "level": "WARNING"},
    },
}
