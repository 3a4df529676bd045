"""Background tasks (django-tasks): enqueue them from the task worker's scheduler or cron."""

from django_tasks import task
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache


@task()
def flush_embed_views_task():
    """Move embed view counts from the cache into the database; returns the rows touched."""
    from .usage import flush_embed_views

    return flush_embed_views()


@task()
def purge_front_cache(urls):
    """Purge these URLs from the front cache (Varnish or a CDN); returns how many were sent."""
    purge_urls_from_cache(urls)
    return len(urls)
