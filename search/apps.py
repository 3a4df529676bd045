from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Discovery"

    def ready(self):
        from challenges.interchange import partner_api

        from . import indexing  # noqa: F401  (connects publishing signals)
        from .backends import get_search

        # Partners search a library through the same implementation as its own visitors.
        partner_api.use_search(lambda query, viewer: get_search().search(query, viewer))
