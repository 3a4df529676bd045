from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Discovery"

    def ready(self):
        from . import indexing  # noqa: F401  (connects publishing signals)
