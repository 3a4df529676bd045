from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move


class ChallengesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "challenges"
    verbose_name = "Learning challenges"

    def ready(self):
        from wagtail.models import Page

        from . import signal_handlers as handlers
        from .models import ChallengeImage, LearningChallengePage, Subject, Theme, YearGroup

        page_published.connect(handlers.challenge_published, sender=LearningChallengePage)
        post_page_move.connect(handlers.rederive_ownership_after_move)
        # Any page type: schools and trusts show on their challenges' pages and embeds.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(handlers.public_content_changed)
        post_delete.connect(handlers.public_content_changed, sender=Page)
        for model in (Subject, Theme, YearGroup):
            post_save.connect(handlers.public_content_changed, sender=model)
            post_delete.connect(handlers.public_content_changed, sender=model)
        # The front cache: current URLs before a delete or move, new ones after.
        for signal in (page_published, page_unpublished, pre_page_move, post_page_move):
            signal.connect(handlers.purge_front_cache_of_page)
        pre_delete.connect(handlers.purge_front_cache_of_page, sender=Page)
        post_save.connect(handlers.image_changed, sender=ChallengeImage)
        pre_delete.connect(handlers.image_changed, sender=ChallengeImage)
