"""Background tasks (django-tasks): enqueue them from the task worker's scheduler or cron."""

from django_tasks import task

from .sharing.upstream import pending_updates


@task()
def flush_embed_views_task():
    """Move embed view counts from the cache into the database; returns the rows touched."""
    from .usage import flush_embed_views

    return flush_embed_views()


@task()
def check_upstream_task():
    """The periodic form of `manage.py check_upstream`: how many adaptations have an update."""
    return len(pending_updates())
