"""/healthz: the state of the database, search, storage and cache as JSON (200 all up, 503
otherwise), and the task queue's backlog.

A stopped worker is not "down" (the work waits in the database and runs when a worker starts),
so the backlog is reported beside the checks, never as a 503; the log warns once it is old.
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult
from elasticsearch import Elasticsearch

logger = logging.getLogger("library")


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return connection.vendor


def _search():
    if not settings.ELASTICSEARCH_URL:
        return "database"

    client = Elasticsearch(
        settings.ELASTICSEARCH_URL, request_timeout=settings.ELASTICSEARCH_TIMEOUT, max_retries=0
    )
    return f"elasticsearch {client.cluster.health()['status']}"


def _storage():
    default_storage.exists("healthz-probe")  # a real round trip on S3
    return type(default_storage).__name__


def _cache():
    cache = caches["default"]
    ping = getattr(cache, "ping", None)  # the shared Redis cache answers a real round trip
    return ping() if ping else type(cache).__name__


def task_backlog():
    """Tasks waiting for a worker: how many, for how long the oldest has waited, and whether
    that is longer than TASKS_BACKLOG_WARNING_SECONDS."""
    if settings.TASKS["default"]["BACKEND"] != settings.TASK_BACKENDS["database"]:
        return {"queued": 0, "oldest_seconds": 0, "late": False, "detail": "tasks run inline"}
    waiting = DBTaskResult.objects.ready()
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    age = round((timezone.now() - oldest).total_seconds()) if oldest else 0
    late = oldest is not None and age >= settings.TASKS_BACKLOG_WARNING_SECONDS
    return {"queued": waiting.count(), "oldest_seconds": age, "late": late, "detail": "database"}


@require_safe
@never_cache
def healthz(request):
    checks, healthy = {}, True
    probes = {"database": _database, "search": _search, "storage": _storage, "cache": _cache}
    for name, probe in probes.items():
        try:
            checks[name] = {"ok": True, "detail": probe()}
        except Exception as error:  # noqa: BLE001 (any failure is "down", reported by name)
            logger.warning("healthz: %s is down: %s", name, error)
            checks[name] = {"ok": False, "detail": type(error).__name__}
            healthy = False
    try:
        tasks = task_backlog()
    except Exception as error:  # noqa: BLE001 (the database check above says why)
        tasks = {"detail": type(error).__name__}
    if tasks.get("late"):
        logger.warning(
            "healthz: %d task(s) queued, the oldest for %d s: is a task worker running?",
            tasks["queued"], tasks["oldest_seconds"],
        )  # fmt: skip
    return JsonResponse(
        {"ok": healthy, "checks": checks, "tasks": tasks}, status=200 if healthy else 503
    )
