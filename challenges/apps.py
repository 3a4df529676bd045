from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move


class ChallengesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "challenges"
    verbose_name = "Learning challenges"

    def ready(self):
        from wagtail.models import Page

        from challenges import signal_handlers as handlers
        from challenges.channels.panels import EmbedSnippetsPanel
        from challenges.models import (
            ChallengeDocument,
            ChallengeImage,
            ChallengeTag,
            LearningChallengePage,
            Subject,
            Theme,
            YearGroup,
        )
        from home.models import SchoolPage, TrustPage, partnership_changed

        # The editor's "Embed on your website" panel is a channel's: the model names no channel.
        LearningChallengePage.sharing_panels.append(
            EmbedSnippetsPanel(heading="Embed on your website")
        )
        page_published.connect(handlers.challenge_published, sender=LearningChallengePage)
        page_unpublished.connect(
            handlers.translations_follow_unpublish, sender=LearningChallengePage
        )
        post_page_move.connect(handlers.rederive_ownership_after_move)
        # Any page type: schools and trusts show on their challenges' pages and embeds.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(handlers.public_content_changed)
        post_delete.connect(handlers.public_content_changed, sender=Page)
        # Their names label cards, filters and facet counts (a tag's too).
        for model in (Subject, Theme, YearGroup, ChallengeTag.tag_model()):
            post_save.connect(handlers.public_content_changed, sender=model)
            post_delete.connect(handlers.public_content_changed, sender=model)
        # The front cache: current URLs before a delete or move, new ones after.
        for signal in (page_published, page_unpublished, pre_page_move, post_page_move):
            signal.connect(handlers.purge_front_cache_of_page)
        pre_delete.connect(handlers.purge_front_cache_of_page, sender=Page)
        for term in (Subject, Theme, ChallengeTag.tag_model()):
            post_save.connect(handlers.purge_front_cache_of_term, sender=term)
            pre_delete.connect(handlers.purge_front_cache_of_term, sender=term)
            # And the search text of those challenges: collected before a delete, sent after.
            pre_delete.connect(handlers.remember_labelled, sender=term)
            post_save.connect(handlers.term_relabelled, sender=term)
            post_delete.connect(handlers.term_relabelled, sender=term)
        pre_delete.connect(handlers.image_deleted, sender=ChallengeImage)
        # Partner content follows the partnership's state: cached channels must not answer
        # from before the change.
        partnership_changed.connect(handlers.public_content_changed)
        # What challenges show of their files and organisations reaches search cards too.
        for media_model in (ChallengeImage, ChallengeDocument):
            pre_save.connect(handlers.remember_shown_media, sender=media_model)
            post_save.connect(handlers.media_changed, sender=media_model)
            post_delete.connect(handlers.media_deleted, sender=media_model)
        for organisation in (SchoolPage, TrustPage):
            page_published.connect(handlers.organisation_published, sender=organisation)
