"""Admin wiring for packages: the export download and the import screens, with menu items."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from challenges.interchange import admin_views
from challenges.interchange.importer import exportable_trusts, importable_schools


class ExportMenuItem(MenuItem):
    def is_shown(self, request):
        return exportable_trusts(request.user).exists()


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(importable_schools(request.user))


@hooks.register("register_admin_urls")
def register_interchange_admin_urls():
    return [
        path("challenges/export/", admin_views.export_index, name="interchange_export"),
        path(
            "challenges/export/<int:trust_id>/",
            admin_views.export_download,
            name="interchange_export_download",
        ),
        path("challenges/import/", admin_views.import_upload, name="interchange_import"),
        path(
            "challenges/import/confirm/",
            admin_views.import_confirm,
            name="interchange_import_confirm",
        ),
        path("challenges/import/partner/", admin_views.import_pull, name="interchange_pull"),
        path(
            "challenges/import/partner/check/",
            admin_views.import_pull_check,
            name="interchange_pull_check",
        ),
        path(
            "challenges/import/partner/confirm/",
            admin_views.import_pull_confirm,
            name="interchange_pull_confirm",
        ),
        path(
            "challenges/import/status/<str:job>/",
            admin_views.import_status,
            name="interchange_import_status",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_export_menu_item():
    return ExportMenuItem(
        "Export challenges", reverse("interchange_export"), icon_name="download", order=900
    )


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        "Import challenges", reverse("interchange_import"), icon_name="upload", order=901
    )


@hooks.register("register_admin_menu_item")
def register_pull_menu_item():
    return ImportMenuItem(
        "Pull from a partner", reverse("interchange_pull"), icon_name="download", order=902
    )
