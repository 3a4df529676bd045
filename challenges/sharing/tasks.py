"""Background task for upstream updates (django-tasks): enqueue it daily from cron."""

from django_tasks import task

from .upstream import pending_updates


@task()
def check_upstream_task():
    """The periodic form of `manage.py check_upstream`: how many adaptations have an update."""
    return len(pending_updates())
