from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Trusts and schools"

    def ready(self):
        from wagtail.models import TaskState
        from wagtail.signals import task_submitted

        from home import checks  # noqa: F401  (registers the deploy checks)
        from home import signal_handlers as handlers
        from home.models import Partnership, SchoolPage, TrustPage
        from home.review_emails import (
            note_a_newly_named_second_reviewer,
            second_reviewer_submission_notifier,
            tell_a_newly_named_second_reviewer,
        )
        from home.viewer import hide_draft_titles_from_readers

        hide_draft_titles_from_readers()
        task_submitted.connect(second_reviewer_submission_notifier, sender=TaskState)
        pre_save.connect(note_a_newly_named_second_reviewer, sender=TrustPage)
        post_save.connect(tell_a_newly_named_second_reviewer, sender=TrustPage)
        post_save.connect(handlers.trust_created, sender=TrustPage)
        post_save.connect(handlers.school_created, sender=SchoolPage)

        post_save.connect(handlers.partnership_saved_or_deleted, sender=Partnership)
        post_delete.connect(handlers.partnership_saved_or_deleted, sender=Partnership)
