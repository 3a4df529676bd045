"""The database implementation's index: one document per live challenge, plus its facet values.

Written only when a challenge is published, unpublished, moved or deleted (never on draft
saves), so drafts never reach it.
"""

from django.db import models
from wagtail.search import index

from challenges.models import LearningChallengePage
from challenges.visibility import EVERYTHING


class SearchDocumentQuerySet(models.QuerySet):
    def for_keys(self, keys):
        """The documents of these audience keys (challenges.visibility.viewer_keys); EVERYTHING,
        a superuser's keys, filters nothing."""
        return self if keys is EVERYTHING else self.filter(audience__in=sorted(keys))


class SearchDocument(index.Indexed, models.Model):
    page = models.OneToOneField(
        LearningChallengePage, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    uid = models.CharField(max_length=36, unique=True)
    audience = models.CharField(max_length=40, db_index=True)
    title = models.CharField(max_length=255)
    title_terms = models.TextField()
    text_terms = models.TextField()
    snippet_source = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, db_index=True)
    adapted_count = models.PositiveIntegerField(default=0)
    card = models.JSONField(default=dict)
    indexed_at = models.DateTimeField(auto_now=True)

    objects = SearchDocumentQuerySet.as_manager()

    # Relevance comes from Wagtail's database backend over the stemmed words.
    search_fields = [
        index.SearchField("title_terms", boost=4),
        index.SearchField("text_terms"),
    ]

    class Meta:
        # Every search starts from the documents a viewer may see: an index-only scan.
        indexes = [models.Index(fields=["audience", "page"], name="search_doc_audience_page")]

    def __str__(self):
        return self.title


class SearchFacet(models.Model):
    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100)

    class Meta:
        indexes = [models.Index(fields=["facet", "value", "document"])]
        constraints = [
            models.UniqueConstraint(fields=["document", "facet", "value"], name="one_facet_value")
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class IndexLog(models.Model):
    """When each implementation was last rebuilt (for `search_index status`)."""

    implementation = models.CharField(max_length=20, unique=True)
    rebuilt_at = models.DateTimeField()
    documents = models.PositiveIntegerField()
    target = models.CharField(max_length=100, blank=True)

    def __str__(self):
        return f"{self.implementation} rebuilt {self.rebuilt_at:%Y-%m-%d %H:%M}"


class PendingIndexWork(models.Model):
    """A challenge whose index entry in one implementation may be stale because a write failed
    (Elasticsearch unreachable). Kept until replayed: the entry is rebuilt from the database
    (indexed if live, removed otherwise), so the order of the missed writes does not matter."""

    implementation = models.CharField(max_length=20)
    page_id = models.BigIntegerField()
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["implementation", "page_id"], name="one_pending_entry_per_page"
            )
        ]

    def __str__(self):
        return f"{self.implementation}: challenge {self.page_id} since {self.recorded_at}"
