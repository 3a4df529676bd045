"""The files every website is asked for at its root: /robots.txt and /favicon.ico.

Browsers ask for /favicon.ico on every page whatever the HTML says, and crawlers read
/robots.txt first: both answer 200 (a 404 is a console error on every page).
"""

from functools import lru_cache

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from library.http import site_root

SITE_FILE_MAX_AGE = 86400
# Crawlers stay out of the admin and the per-visitor views; the sitemap lists public challenges.
ROBOTS_DISALLOW = ("/admin/", "/django-admin/", "/search/suggest/")


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {site_root(request)}/sitemap.xml")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=SITE_FILE_MAX_AGE)
    return response


@lru_cache(maxsize=1)
def _favicon_bytes():
    with open(finders.find("favicon.ico"), "rb") as file:
        return file.read()


@require_safe
def favicon_ico(request):
    response = HttpResponse(_favicon_bytes(), content_type="image/vnd.microsoft.icon")
    patch_cache_control(response, public=True, max_age=SITE_FILE_MAX_AGE)
    return response
