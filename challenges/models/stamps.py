"""When anything public last changed: the stamp every cached channel derives its ETag from."""

from django.db import models
from django.utils import timezone


class PublicationStamp(models.Model):
    """When anything public last changed (publish, unpublish, move, delete): one row.

    Cached channels (embeds, widget, feeds, oEmbed) derive their ETag and Last-Modified from it,
    so every process sees the same value.
    """

    changed_at = models.DateTimeField()

    def __str__(self):
        return f"public content changed at {self.changed_at:%Y-%m-%d %H:%M:%S}"

    @classmethod
    def bump(cls):
        cls.objects.update_or_create(pk=1, defaults={"changed_at": timezone.now()})

    @classmethod
    def current(cls):
        stamp = cls.objects.filter(pk=1).values_list("changed_at", flat=True).first()
        return stamp or timezone.make_aware(timezone.datetime(2020, 1, 1))
