"""The admin's dashboard says, in plain words, which service is not answering and what that
means for the people using it. Read from what this process has just seen (the breakers, the
recorded index work and the task queue): nothing is asked of a service that may be hanging."""

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from wagtail import hooks
from wagtail.admin.ui.components import Component

from library.health import task_backlog
from search.backends import elasticsearch_implementation
from search.models import PendingIndexWork


def service_notices():
    notices = []
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    waiting = PendingIndexWork.objects.count()
    if url and elasticsearch_implementation(url).is_unreachable():
        notices.append(
            "Search is answering from the library's own database for now: results may be "
            "ordered a little differently until the search service is back."
        )
    if waiting:
        notices.append(
            f"{waiting} change(s) to challenges are waiting to reach search; they are kept "
            "and will be added once it answers."
        )
    breaker = getattr(default_storage, "breaker", None)
    if breaker is not None and breaker.is_down():
        notices.append(
            "The file store is not answering: uploading images and documents is refused for "
            "now, and nothing else is lost. Please try again in a few minutes."
        )
    if getattr(cache, "is_down", lambda: False)():
        notices.append("The shared cache is not answering: pages are slower, nothing is lost.")
    backlog = task_backlog()
    if backlog["late"]:
        notices.append(
            f"{backlog['queued']} background task(s) have waited {backlog['oldest_seconds']} s "
            "(search updates, view counts): ask your IT provider whether the task worker runs."
        )
    return notices


class ServiceNoticesPanel(Component):
    name = "service_notices"
    order = 0
    template_name = "search/admin/service_notices_panel.html"

    def __init__(self, notices):
        self.notices = notices

    def get_context_data(self, parent_context=None):
        return {"notices": self.notices}


@hooks.register("construct_homepage_panels")
def add_service_notices(request, panels):
    notices = service_notices()
    if notices:
        panels.insert(0, ServiceNoticesPanel(notices))
