"""Wagtail's own search index (the admin's search, drafts included) written once at the end of a
bulk write, instead of on every save.

An imported challenge is saved three times, and on SQLite each index write also recomputes an
average over every entry of the index, so 1,000 challenges spent most of their time there.
Inside `index_writes_deferred()` the saves of this thread only note what changed; one bulk pass
writes it as the block ends without an error (inside the caller's transaction, so a failed
import rolls the index back with everything else). Other threads index as usual.
"""

import logging
import threading
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.backends import get_search_backends_with_name
from modelsearch.signal_handlers import post_save_signal_handler

logger = logging.getLogger(__name__)

BULK_CHUNK = 500

_deferred = ContextVar("admin_search_deferred", default=None)
_install_lock = threading.Lock()
_installed = False


def _post_save(sender, instance, **kwargs):
    pending = _deferred.get()
    if pending is None or kwargs.get("raw", False):
        post_save_signal_handler(instance, sender=sender, **kwargs)
        return
    pending.setdefault(type(instance), set()).add(instance.pk)


def _install():
    """Put the deferring handler in place of Wagtail's, once (Wagtail connects its own in its
    app's ready(), after ours): connected before Wagtail's is disconnected, so no save is missed."""
    global _installed
    with _install_lock:
        if _installed:
            return
        for model in index.get_indexed_models():
            post_save.connect(_post_save, sender=model, dispatch_uid=f"admin-search-{model}")
            post_save.disconnect(post_save_signal_handler, sender=model)
        _installed = True


def _write(pending):
    """One bulk pass: each saved object, as Wagtail indexes it, into every auto-updated backend."""
    for model, pks in pending.items():
        ids = sorted(pks)
        for start in range(0, len(ids), BULK_CHUNK):
            by_model = {}
            for obj in model.get_indexed_objects().filter(pk__in=ids[start : start + BULK_CHUNK]):
                indexed = index.get_indexed_instance(obj, check_exists=False)
                if indexed is not None:
                    by_model.setdefault(type(indexed), []).append(indexed)
            for indexed_model, objects in by_model.items():
                for name, backend in get_search_backends_with_name(with_auto_update=True):
                    try:
                        backend.add_bulk(indexed_model, objects)
                    except Exception:
                        # As Wagtail does: a database index fails the transaction; an external
                        # one is logged and caught up by `update_index`.
                        logger.exception("Could not index %s in the '%s' backend", model, name)
                        if not backend.catch_indexing_errors:
                            raise


@contextmanager
def index_writes_deferred():
    """Saves inside the block are indexed once, together, when it ends without an error."""
    if _deferred.get() is not None:  # an outer block writes everything
        yield
        return
    _install()
    pending = {}
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    _write(pending)
