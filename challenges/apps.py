from django.apps import AppConfig
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move


class ChallengesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "challenges"
    verbose_name = "Learning challenges"

    def ready(self):
        from . import signal_handlers as handlers
        from .models import LearningChallengePage

        page_published.connect(handlers.challenge_published, sender=LearningChallengePage)
        post_page_move.connect(handlers.rederive_ownership_after_move)
        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(handlers.public_content_changed, sender=LearningChallengePage)
        post_page_move.connect(handlers.public_content_changed)
