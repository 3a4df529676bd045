"""A small circuit breaker: after a service fails, skip it for a few seconds and log once.

A refused service fails fast, but a hanging one costs a whole timeout on every call. After one
failure the caller answers without the service (a cache miss, the database's search, no new
thumbnail, an upload refused in words) until the interval ends; then the next call tries again.
"""

import logging
import threading
import time


class Breaker:
    def __init__(self, service, consequence, logger):
        self.service = service  # e.g. "Redis cache"
        self.consequence = consequence  # what happens meanwhile, for the log
        self.logger = logger if isinstance(logger, logging.Logger) else logging.getLogger(logger)
        self.reason = ""
        self._down_until = 0.0
        self._lock = threading.Lock()

    def is_down(self):
        """True while the service is skipped (after a recent failure)."""
        return time.monotonic() < self._down_until

    def trip(self, error, seconds):
        """Skips the service for `seconds`; logs only when it was not already down."""
        with self._lock:
            first = not self.is_down()
            self._down_until = time.monotonic() + seconds
            self.reason = f"{type(error).__name__}: {error}"
        if first:
            self.logger.error(
                "%s unreachable (%s); %s for %g s",
                self.service, self.reason, self.consequence, seconds,
            )  # fmt: skip
        return first
