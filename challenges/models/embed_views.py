"""Embed views per challenge, website and day, as flushed from the cache by `embed_stats`."""

from django.db import models

from challenges.models.page import LearningChallengePage


class EmbedView(models.Model):
    """Views of a challenge embedded on one website (the referring host only) on one UTC day.

    No personal data: challenge, site, day and a count. Counted in the cache and added here by
    `challenges.embed_stats.counter.flush_embed_views`, never written per request.
    """

    challenge = models.ForeignKey(
        LearningChallengePage, on_delete=models.CASCADE, related_name="embed_views"
    )
    site = models.CharField(max_length=253)
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "site", "day"], name="one_embed_view_row_per_site_per_day"
            )
        ]
        indexes = [models.Index(fields=["day"], name="embed_view_day")]

    def __str__(self):
        return f"{self.challenge_id} on {self.site} on {self.day:%Y-%m-%d}: {self.views}"
