"""The shared cache (Redis) that degrades to "no cache" instead of failing requests.

Render caches, the publication stamp, embed counts and rate limits live in Redis so that every
web process agrees. When Redis is refused or hangs, a page must get slower, never fail: each
operation gives up after a short socket timeout, the failure is logged, and for
`DOWN_SECONDS` afterwards the process does not try again (each call answers as a miss at once),
so a hanging Redis costs one timeout per process per interval, not one per call.
"""

import threading

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from library.outages import Breaker

OUTAGES = (RedisConnectionError, RedisTimeoutError, OSError)
DOWN_SECONDS = 5.0
TIMEOUT_SECONDS = 0.25
MISSED_DELETES_KEPT = 10_000  # beyond that, what was not deleted expires with its timeout

# Django makes one cache object per thread: the outage state (the breaker and the deletes that
# could not be made) is one per Redis location and key prefix for the whole process, so one
# failure is enough.
_outage_state = {}
_outage_state_lock = threading.Lock()


class OutageState:
    def __init__(self):
        self.breaker = Breaker("Redis cache", "serving without it", "library.cache")
        self.missed_deletes = set()  # (key, version) a delete could not reach; made on return


def outage_state(location):
    with _outage_state_lock:
        return _outage_state.setdefault(location, OutageState())


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client, keeping one redis-py client per connection pool: building a client costs
    more than a cache read on loopback (its response-callback table), and clients are
    thread-safe."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's RedisCache; while Redis is unreachable, reads miss and writes are dropped.

    `incr`/`decr` of an unreachable key raise ValueError, as for a missing key, which callers
    (embed counts) already handle.
    """

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", TIMEOUT_SECONDS)
        options.setdefault("socket_timeout", TIMEOUT_SECONDS)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        location = server if isinstance(server, str) else ",".join(server)
        self._outage = outage_state((location, self.key_prefix))

    def ping(self):
        """Ask Redis directly (for /healthz): raises when it is refused or hangs."""
        self._cache.get_client(None).ping()
        return "redis"

    def is_down(self):
        """True while this process treats Redis as unreachable (after a recent failure)."""
        return self._outage.breaker.is_down()

    def _guard(self, operation, fallback, *args, **kwargs):
        if self.is_down():
            return fallback()
        try:
            if self._outage.missed_deletes:
                self._replay_missed_deletes()
            return operation(*args, **kwargs)
        except OUTAGES as error:
            self._outage.breaker.trip(error, DOWN_SECONDS)
            return fallback()

    def _replay_missed_deletes(self):
        """A delete that could not reach Redis (a publication stamp dropped on publish) is made
        once Redis answers again, so no process keeps reading what it should have forgotten."""
        with _outage_state_lock:
            missed, self._outage.missed_deletes = self._outage.missed_deletes, set()
        try:
            for key, version in missed:
                super().delete(key, version=version)
        except OUTAGES:
            self._outage.missed_deletes |= missed
            raise

    def get(self, key, default=None, version=None):
        return self._guard(super().get, lambda: default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard(super().get_many, dict, keys, version)

    def has_key(self, key, version=None):
        return self._guard(super().has_key, lambda: False, key, version)

    def set(self, *args, **kwargs):
        return self._guard(super().set, lambda: None, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self._guard(super().add, lambda: False, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guard(super().touch, lambda: False, *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._guard(super().set_many, list, *args, **kwargs)

    def delete(self, key, version=None):
        def missed():
            self._remember_missed([key], version)
            return False

        return self._guard(super().delete, missed, key, version)

    def delete_many(self, keys, version=None):
        keys = list(keys)
        return self._guard(
            super().delete_many, lambda: self._remember_missed(keys, version), keys, version
        )

    def _remember_missed(self, keys, version):
        if len(self._outage.missed_deletes) < MISSED_DELETES_KEPT:
            self._outage.missed_deletes.update((key, version) for key in keys)

    def clear(self):
        """Delete this cache's own keys only: Django's clear() is a FLUSHDB, which would wipe every
        other process's and deployment's keys on a shared Redis."""
        return self._guard(self._delete_own_keys, lambda: False)

    def _delete_own_keys(self):
        client = self._cache.get_client(None, write=True)
        batch = []
        # Django names every key "<prefix>:<version>:<key>" (default_key_func).
        for key in client.scan_iter(match=f"{self.key_prefix}:*", count=1000):
            batch.append(key)
            if len(batch) == 500:
                client.delete(*batch)
                batch = []
        if batch:
            client.delete(*batch)
        return True

    def incr(self, key, delta=1, version=None):
        def unreachable():
            raise ValueError(f"Key '{key}' not found (the cache is unreachable)")

        return self._guard(super().incr, unreachable, key, delta, version)
