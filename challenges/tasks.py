"""Background tasks (django-tasks): enqueue them from the task worker's scheduler or cron."""

from django_tasks import task


@task()
def flush_embed_views_task():
    """Move embed view counts from the cache into the database; returns the rows touched."""
    from .usage import flush_embed_views

    return flush_embed_views()
