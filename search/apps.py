from django.apps import AppConfig
from django.db.models.signals import post_delete
from wagtail.signals import page_unpublished


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Discovery"

    def ready(self):
        from challenges.models import LearningChallengePage
        from challenges.signals import ownership_rederived

        from . import signal_handlers as handlers

        ownership_rederived.connect(handlers.ownership_rederived, sender=LearningChallengePage)
        page_unpublished.connect(handlers.challenge_unpublished, sender=LearningChallengePage)
        post_delete.connect(handlers.challenge_deleted, sender=LearningChallengePage)
