"""Which implementation answers, chosen by settings: Elasticsearch when ELASTICSEARCH_URL is
set (falling back to the database when it is unreachable), the database otherwise."""

import logging
from functools import lru_cache

from django.conf import settings

from search.backends.base import SearchUnavailable
from search.backends.database import DatabaseSearch
from search.backends.elasticsearch import ElasticsearchSearch

__all__ = ["SearchUnavailable", "get_search", "indexes"]

logger = logging.getLogger("search")


class WithFallback:
    """Reads from the primary implementation, or from the database one if the primary fails."""

    def __init__(self, primary, fallback):
        self.primary, self.fallback = primary, fallback
        self.name = primary.name

    def _read(self, method, *args, **kwargs):
        try:
            return getattr(self.primary, method)(*args, **kwargs)
        except SearchUnavailable as error:
            logger.warning(
                "%s search unavailable (%s); answering from the database", self.primary.name, error
            )
            return getattr(self.fallback, method)(*args, **kwargs)

    def search(self, query, viewer):
        return self._read("search", query, viewer)

    def suggest(self, q, viewer, limit=8):
        return self._read("suggest", q, viewer, limit)

    def related(self, challenge, viewer, limit=4):
        return self._read("related", challenge, viewer, limit)


@lru_cache(maxsize=1)
def elasticsearch_implementation(url):
    return ElasticsearchSearch(url)


def database_implementation():
    return DatabaseSearch()


def get_search():
    """The implementation that answers searches for this configuration."""
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    if url:
        return WithFallback(elasticsearch_implementation(url), database_implementation())
    return database_implementation()


def indexes():
    """Every index to keep in step: the database one always (it is the fallback), plus
    Elasticsearch when configured."""
    url = getattr(settings, "ELASTICSEARCH_URL", "")
    return [database_implementation()] + ([elasticsearch_implementation(url)] if url else [])
