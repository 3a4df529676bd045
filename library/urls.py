from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from challenges.admin_views import (
    ChallengeCreateView,
    ChallengeEditView,
    page_types_usage_for_superusers,
)
from challenges.channels.api import api_router
from library.health import healthz

urlpatterns = [
    # Wagtail's page-types report names each type's last edited page, drafts of any school included.
    path("admin/reports/page-types-usage/", page_types_usage_for_superusers),
    path("admin/reports/page-types-usage/results/", page_types_usage_for_superusers),
    # Wagtail's page create and edit views, where a submit that fails only the submission rules
    # still saves the draft (challenges/admin_views.py).
    path(
        "admin/pages/add/challenges/learningchallengepage/<int:parent_page_id>/",
        ChallengeCreateView.as_view(),
        {"content_type_app_name": "challenges", "content_type_model_name": "learningchallengepage"},
    ),
    path("admin/pages/<int:page_id>/edit/", ChallengeEditView.as_view()),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap),
    path("healthz", healthz, name="healthz"),
    path("search/", include("search.urls")),
    path("", include("search.listing_urls")),
    path("", include("challenges.channels.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
