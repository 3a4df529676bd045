"""Background task for upstream updates (django-tasks): enqueue it daily from cron."""

from django_tasks import task

from challenges.sharing.notify import tell_followers
from challenges.sharing.partner_updates import ask_partner_libraries
from challenges.sharing.upstream import pending_updates


@task()
def check_upstream_task():
    """The periodic form of `manage.py check_upstream`: asks the saved partner libraries, then
    tells the followers (by email) and says how many adaptations have an update."""
    ask_partner_libraries()
    tell_followers()
    return len(pending_updates())
