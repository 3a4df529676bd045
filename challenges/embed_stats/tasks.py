"""Background tasks of embed views (django-tasks): enqueue them from a scheduler or cron."""

from django_tasks import task

from challenges.embed_stats.counter import flush_embed_views


@task()
def flush_embed_views_task():
    """Move embed view counts from the cache into the database; returns the rows touched."""
    return flush_embed_views()
