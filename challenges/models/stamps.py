"""When anything public last changed: the stamp every cached channel derives its ETag from."""

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.utils import timezone


class PublicationStamp(models.Model):
    """When anything public last changed (publish, unpublish, move, delete): one row.

    Cached channels (embeds, widget, feeds, oEmbed) and the render caches derive their ETag and
    keys from it. With a shared cache (Redis) it is read from there, so a warm page costs no
    query and every process sees a bump at once; the cached copy lives CACHE_SECONDS, so even a
    bump that could not reach the cache (Redis unreachable at that moment) shows within that.
    Without a shared cache each process reads the row.
    """

    CACHE_KEY = "publication-stamp:v1"
    CACHE_SECONDS = 60
    EPOCH = timezone.make_aware(timezone.datetime(2020, 1, 1))

    changed_at = models.DateTimeField()

    def __str__(self):
        return f"public content changed at {self.changed_at:%Y-%m-%d %H:%M:%S}"

    @classmethod
    def bump(cls):
        now = timezone.now()
        cls.objects.update_or_create(pk=1, defaults={"changed_at": now})
        if settings.SHARED_CACHE:
            # Dropped now, set after commit: no process may cache the new stamp (and render
            # under it) before the new content is visible to it.
            cache.delete(cls.CACHE_KEY)
            transaction.on_commit(lambda: cache.set(cls.CACHE_KEY, now, cls.CACHE_SECONDS))

    @classmethod
    def current(cls):
        return cls.current_with()[0]

    @classmethod
    def current_with(cls, *keys):
        """The stamp and {key: value} of the cache entries found under `keys`, read in one
        cache round trip with a shared cache (a warm public response costs exactly that)."""
        if not settings.SHARED_CACHE:
            return cls._from_database(), (cache.get_many(keys) if keys else {})
        found = cache.get_many([cls.CACHE_KEY, *keys])
        stamp = found.pop(cls.CACHE_KEY, None)
        if stamp is None:
            stamp = cls._from_database()
            cache.add(cls.CACHE_KEY, stamp, cls.CACHE_SECONDS)
        return stamp, found

    @classmethod
    def _from_database(cls):
        return cls.objects.filter(pk=1).values_list("changed_at", flat=True).first() or cls.EPOCH
