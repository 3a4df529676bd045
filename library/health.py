"""/healthz: the state of the database, search and storage as JSON (200 all up, 503 otherwise)."""

import logging

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from elasticsearch import Elasticsearch

logger = logging.getLogger("library")


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return connection.vendor


def _search():
    if not settings.ELASTICSEARCH_URL:
        return "database"

    client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=2, max_retries=0)
    return f"elasticsearch {client.cluster.health()['status']}"


def _storage():
    default_storage.exists("healthz-probe")  # a real round trip on S3
    return type(default_storage).__name__


@require_safe
@never_cache
def healthz(request):
    checks, healthy = {}, True
    for name, probe in (("database", _database), ("search", _search), ("storage", _storage)):
        try:
            checks[name] = {"ok": True, "detail": probe()}
        except Exception as error:  # noqa: BLE001 (any failure is "down", reported by name)
            logger.warning("healthz: %s is down: %s", name, error)
            checks[name] = {"ok": False, "detail": type(error).__name__}
            healthy = False
    return JsonResponse({"ok": healthy, "checks": checks}, status=200 if healthy else 503)
