from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from challenges.admin_scope.privacy import admin_overrides
from challenges.admin_scope.views import page_types_usage_for_superusers
from challenges.channels.api import api_router
from challenges.interchange.views import schema
from challenges.media.serving import serve_document, serve_media
from library.health import healthz
from library.site_files import favicon_ico, robots_txt

urlpatterns = [
    # Wagtail's page-types report names each type's last edited page, drafts of any school included.
    path("admin/reports/page-types-usage/", page_types_usage_for_superusers),
    path("admin/reports/page-types-usage/results/", page_types_usage_for_superusers),
    # Same paths and names as Wagtail's, answering only with what the user may see.
    *[path(f"admin/{route}", view) for route, view in admin_overrides],
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Media only through views that check who may see them: no blanket /media/ route.
    path(
        "documents/<int:document_id>/<str:document_filename>",
        serve_document,
        name="wagtaildocs_serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("media/<path:name>", serve_media, name="serve_media"),
    path("api/v2/", api_router.urls),
    path("api/interchange/v1/", include("challenges.interchange.urls")),
    path("sitemap.xml", sitemap),
    path("schema/learning-challenge/v1.json", schema, name="interchange_schema"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon_ico, name="favicon_ico"),
    path("healthz", healthz, name="healthz"),
    path("search/", include("search.urls")),
    path("", include("search.listings.urls")),
    path("", include("challenges.channels.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# The site tree's pages: English at their own paths, a translation under its language's prefix
# (/pl/<trust>/<school>/<challenge>/), as Wagtail's localisation expects.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
