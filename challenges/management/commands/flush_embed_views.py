"""Move embed view counts from the cache into the database (cron or the task worker)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from challenges.embed_stats.counter import flush_embed_views

PER_PROCESS_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


class Command(BaseCommand):
    help = (
        "Add the embed views counted in the cache to the database. Safe to run at any time, "
        "twice or concurrently; schedule it every few minutes with a shared cache."
    )

    def handle(self, *args, **options):
        alias = getattr(settings, "EMBED_VIEWS_CACHE", "default")
        backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
        if backend in PER_PROCESS_CACHES:
            self.stderr.write(
                f"The '{alias}' cache is {backend.rsplit('.', 1)[-1]}: each web process keeps "
                "its own counts, which this command cannot see (they are flushed by the web "
                "processes themselves). Configure a shared cache such as Redis or Memcached."
            )
        rows = flush_embed_views()
        if options["verbosity"]:
            self.stdout.write(f"Flushed embed views into {rows} row(s).")
