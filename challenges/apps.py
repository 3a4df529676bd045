from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.signals import page_published, page_unpublished, post_page_move


class ChallengesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "challenges"
    verbose_name = "Learning challenges"

    def ready(self):
        from home.models import SchoolPage, TrustPage

        from . import signal_handlers as handlers
        from .models import ChallengeDocument, ChallengeImage, LearningChallengePage

        page_published.connect(handlers.challenge_published, sender=LearningChallengePage)
        post_page_move.connect(handlers.rederive_ownership_after_move)
        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(handlers.public_content_changed, sender=LearningChallengePage)
        post_page_move.connect(handlers.public_content_changed)
        for media_model in (ChallengeImage, ChallengeDocument):
            pre_save.connect(handlers.remember_shown_media, sender=media_model)
            post_save.connect(handlers.media_changed, sender=media_model)
            post_delete.connect(handlers.media_deleted, sender=media_model)
        for organisation in (SchoolPage, TrustPage):
            page_published.connect(handlers.organisation_published, sender=organisation)
