from django.apps import AppConfig
from django.db.models.signals import post_save


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Trusts and schools"

    def ready(self):
        from . import signal_handlers as handlers
        from .models import SchoolPage, TrustPage

        post_save.connect(handlers.trust_created, sender=TrustPage)
        post_save.connect(handlers.school_created, sender=SchoolPage)
