from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Trusts and schools"

    def ready(self):
        from . import checks, signals  # noqa: F401
