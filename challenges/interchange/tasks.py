"""Large imports in the background (django-tasks), with their progress kept in the cache.

The admin hands an import over when it holds more than INTERCHANGE_BACKGROUND_IMPORT_AT
challenges, from a package or pulled from a partner; the status screen reads the progress. With
the immediate backend (TASKS_BACKEND unset) the task runs inline, and the status screen shows it
finished.
"""

from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django_tasks import task

from challenges.interchange.client import PartnerError, PartnerSource, client_for
from challenges.interchange.importer import plan_import, run_import
from challenges.interchange.package import ZipPackage
from challenges.interchange.validate import InterchangeError
from home.models import PartnerLibrary, SchoolPage

STATUS_SECONDS = 24 * 3600
# A background pull waits out a partner's rate limit (each wait as its Retry-After asks) for up
# to this long in all: a pull of a thousand challenges is more requests than a minute allows.
PULL_PATIENCE_SECONDS = 30 * 60


def status_key(job):
    return f"interchange-import:{job}"


def set_status(job, **values):
    status = cache.get(status_key(job)) or {}
    status.update(values)
    cache.set(status_key(job), status, STATUS_SECONDS)
    return status


def get_status(job):
    return cache.get(status_key(job))


def _import_job(job, open_source, school_id, user_id, follow):
    """Import what `open_source()` yields into the school, recording progress under `job`."""
    school = SchoolPage.objects.get(pk=school_id)
    user = get_user_model().objects.filter(pk=user_id).first()
    done = {"count": 0}

    def progress(row):
        done["count"] += 1
        if done["count"] % 10 == 0:
            set_status(job, done=done["count"])

    set_status(job, state="running", done=0)
    try:
        with open_source() as source:
            result = run_import(source, school, user=user, follow=follow, progress=progress)
    except InterchangeError as refusal:
        set_status(job, state="refused", message=refusal.message)
        return 0
    set_status(
        job,
        state="done",
        done=done["count"],
        created=[page.pk for page in result.created],
        updated=[page.pk for page in result.updated],
        kept=[page.pk for page in result.kept],
    )
    return len(result.created) + len(result.updated)


@task()
def import_package_task(job, path, school_id, user_id, follow):
    """Import the package at `path` into the school, recording progress under `job`."""

    @contextmanager
    def package():
        try:
            with open(path, "rb") as handle:
                yield ZipPackage(handle)
        finally:
            Path(path).unlink(missing_ok=True)

    return _import_job(job, package, school_id, user_id, follow)


def _partner_source(job, library_id, uids, search=None):
    """A context manager opening the saved partner library's `uids` (or every challenge matching
    `search`), patient with its rate limit, telling the status under `job` how many it has read."""

    total = (get_status(job) or {}).get("total")

    def reading(count):
        # Every document is read before anything is written, and reading may wait on the
        # partner's rate limit: the status screen says how far it has got.
        if count % 10 == 0 or count == total:
            set_status(job, read=count)

    @contextmanager
    def partner():
        library = PartnerLibrary.objects.filter(pk=library_id).first()
        if library is None:
            raise PartnerError("Nothing was imported: the partner library was removed meanwhile.")
        client = client_for(library, PULL_PATIENCE_SECONDS)
        source = PartnerSource(client, uids=uids, on_read=reading, **(search or {}))
        try:
            yield source
        finally:
            source.close()

    return partner


@task()
def pull_task(job, library_id, uids, school_id, user_id, follow):
    """Pull the challenges `uids` from a saved partner library (its list read page by page
    through the partner client) into the school, recording progress under `job`."""
    return _import_job(job, _partner_source(job, library_id, uids), school_id, user_id, follow)


def checked_rows(plan, follow):
    """The dry run's rows as the summary shows them, small enough to keep in the cache."""
    return [
        {
            "uid": row.uid,
            "title": row.title,
            "version": row.version,
            "action": row.action,
            "label": row.label,
            "reason": row.reason,
            "follows": follow is True or row.uid in follow,
        }
        for row in plan.rows
    ]


@task()
def check_pull_task(job, library_id, uids, search, school_id, follow):
    """The dry run of a large pull: every document and asset read from the partner (waiting out
    its rate limit) and judged as an import would; the summary kept for the status screen.
    Nothing is written."""
    school = SchoolPage.objects.get(pk=school_id)
    set_status(job, state="running", read=0)
    try:
        with _partner_source(job, library_id, uids, search)() as source:
            plan = plan_import(source, school)
            found = source.challenge_uids()
    except InterchangeError as refusal:
        set_status(job, state="refused", message=refusal.message)
        return 0
    set_status(
        job,
        state="checked",
        uids=found,
        source_trust=plan.source_trust,
        rows=checked_rows(plan, follow if follow is True else set(follow)),
        refusal=plan.refusal_message() if plan.refused else "",
    )
    return len(found)
