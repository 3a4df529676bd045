from django.apps import AppConfig
from django.db.models.signals import post_delete
from wagtail.signals import page_unpublished


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Discovery"

    def ready(self):
        from challenges.filters import offer_search
        from challenges.models import LearningChallengePage
        from challenges.signals import challenges_changed, labels_changed, ownership_rederived
        from search import signal_handlers as handlers
        from search.backends import get_search

        ownership_rederived.connect(handlers.ownership_rederived, sender=LearningChallengePage)
        challenges_changed.connect(handlers.challenges_changed, sender=LearningChallengePage)
        labels_changed.connect(handlers.labels_changed, sender=LearningChallengePage)
        page_unpublished.connect(handlers.challenge_unpublished, sender=LearningChallengePage)
        post_delete.connect(handlers.challenge_deleted, sender=LearningChallengePage)
        # Partners search a library through the same implementation as its own visitors.
        offer_search(lambda query, viewer: get_search().search(query, viewer))
