"""Embed views: how often each challenge is viewed on each school website, per UTC day.

What is counted, and what is not
--------------------------------
- One view is one GET of the embed page (200 or 304: the iframe was shown). HEAD requests and
  browser prefetch/prerender requests (`Sec-Purpose`/`Purpose: prefetch`) are not views.
- The embedding site is the host of the `Referer` header and nothing else: lowercased, without
  scheme, port, path, query or credentials (IDN hosts in their ASCII form). No IP address, user
  agent, cookie or identifier is stored: the data are (challenge, site, day, views).
- A missing or unusable `Referer` (a school site with `Referrer-Policy: no-referrer`, the embed
  URL opened directly, a garbage header) is counted under the explicit site UNKNOWN_SITE,
  "(direct or unknown)", so a challenge's total stays right and the report says why a site is
  missing. A `Referer` on this library itself (the host the request came to, the host of
  `WAGTAILADMIN_BASE_URL`, and `EMBED_VIEWS_IGNORED_HOSTS`) is not counted: those are our own
  previews, not a school website.
- Bots are ignored where recognisable: an empty User-Agent, or one matching BOT_PATTERN
  (override with the `EMBED_VIEWS_BOT_PATTERN` setting). The default pattern deliberately does not
  match "HeadlessChrome": our own browser tests, and some real assistive set-ups, use it.

Never a database write per request, nor a cache round trip
----------------------------------------------------------
A view is counted in this process's memory (a lock and a dict increment). The process pushes its
counts to Django's cache (`EMBED_VIEWS_CACHE`, default "default") at most once every
EMBED_VIEWS_BUFFER_SECONDS (default 1; 0 counts each view in the cache at once): from the request
that finds the interval over, and from a background thread so that an idle process's last views
arrive too (and at exit). `pending_embed_views()` and `flush_embed_views()` push this process's
counts first. A push that cannot reach the cache keeps its counts for the next one, so views
during a cache outage are counted when it is back; a process killed outright loses at most one
interval of views. A pushed amount goes into the cache in two or three operations per key:

- the count key for (day, challenge, site) is created with `cache.add(key, 0)` and bumped with
  `cache.incr(key)`. Both are atomic on LocMemCache (one process, a lock), Redis and Memcached,
  so concurrent processes never lose an increment;
- the first view of a (day, challenge, site) is the only one whose `add` succeeds, and only it
  registers the key: `cache.incr` on the day's sequence number gives it a slot of its own, which it
  fills with `cache.set`. No read-modify-write of a shared set anywhere, so there is no lost-update
  race between processes and no lock on the hot path. A slot not yet filled when a flush reads the
  day is simply picked up by the next flush.

Flushing
--------
`flush_embed_views()` moves the counts into `EmbedView` rows. Only one flush runs at a time
per cache (`cache.add` of a lock with a timeout); another caller returns 0 at once. For each
registered key it reads the count and takes exactly that amount away with `cache.decr`, so views
counted meanwhile stay for the next flush; it then adds the amounts to the rows in one transaction
(`UPDATE ... views = views + n`, or INSERT, retried as UPDATE if a row appeared meanwhile). If
the database write fails, the amounts go back into the cache. A second flush finds nothing and
writes nothing. Views of a challenge deleted since are dropped.

It runs from cron or the task worker (`manage.py flush_embed_views`, `flush_embed_views_task`),
and opportunistically: the request that pushes flushes when `cache.add(gate, 1,
EMBED_VIEWS_FLUSH_SECONDS)` succeeds, i.e. at most once every EMBED_VIEWS_FLUSH_SECONDS (default
60; 0 or None turns it off) per cache: per process with LocMemCache, per cluster with a shared
cache.

With LocMemCache each web process keeps its own counts, so only its opportunistic flush can see
them (the management command, a separate process, cannot), and a restart loses at most one flush
interval. Production should use a shared cache (Redis or Memcached). Cache keys live
KEEP_DAYS days: counts not flushed within that time (or evicted under memory pressure) are lost;
these are usage statistics, not accounts.
"""

import atexit
import hashlib
import ipaddress
import logging
import os
import re
import threading
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import IntegrityError, transaction
from django.db.models import F

from challenges.models import EmbedView, LearningChallengePage

logger = logging.getLogger(__name__)

UNKNOWN_SITE = "(direct or unknown)"

# Case-insensitive, searched anywhere in the User-Agent. "(?<!cu)bot" spares Cubot phones.
# Not "headless": our browser tests run HeadlessChrome and must be counted like any visitor.
BOT_PATTERN = (
    r"(?<!cu)bot|crawl|spider|slurp|facebookexternalhit|embedly|preview"
    r"|python-|curl/|wget/|go-http-client|okhttp|java/|scrapy|httpclient"
)

DEFAULT_FLUSH_SECONDS = 60
DEFAULT_BUFFER_SECONDS = 1.0
KEEP_DAYS = 7  # cache keys live this long; a flush looks this many days back
FLUSH_LOCK_SECONDS = 300  # a crashed flush blocks the next one at most this long
PREFIX = "embedviews:v1"
GATE_KEY = f"{PREFIX}:flush-gate"
LOCK_KEY = f"{PREFIX}:flush-lock"
MAX_REFERER_LENGTH = 4096

_HOSTNAME = re.compile(
    r"^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?"
    r"(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$"
)


# Settings --------------------------------------------------------------------------------------


def _cache():
    return caches[getattr(settings, "EMBED_VIEWS_CACHE", "default")]


def _flush_seconds():
    return getattr(settings, "EMBED_VIEWS_FLUSH_SECONDS", DEFAULT_FLUSH_SECONDS)


def _buffer_seconds():
    return getattr(settings, "EMBED_VIEWS_BUFFER_SECONDS", DEFAULT_BUFFER_SECONDS)


@lru_cache(maxsize=4)
def _bot_regex(pattern):
    return re.compile(pattern, re.IGNORECASE)


def utc_today():
    return datetime.now(UTC).date()


# Who is viewing, from where ---------------------------------------------------------------------


def is_bot(user_agent):
    """True for an empty User-Agent or one that names itself a bot, crawler, previewer or script."""
    return _is_bot(user_agent, getattr(settings, "EMBED_VIEWS_BOT_PATTERN", BOT_PATTERN))


@lru_cache(maxsize=1024)  # a school's families send a handful of distinct User-Agents
def _is_bot(user_agent, pattern):
    user_agent = (user_agent or "").strip()
    if not user_agent:
        return True
    return bool(pattern) and bool(_bot_regex(pattern).search(user_agent))


def normalise_host(host):
    """A lowercase ASCII host name or IP address, or None when `host` is not one."""
    if not host:
        return None
    host = host.strip().lower().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        host.encode("ascii")
    except UnicodeEncodeError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if _HOSTNAME.match(host):
        return host
    if "%" in host:  # IPv6 zone ids are local to a machine: not a website
        return None
    try:
        return ipaddress.ip_address(host).compressed
    except ValueError:
        return None


@lru_cache(maxsize=1024)  # embeds are loaded from a few pages of a few school websites
def referring_host(referer):
    """The host of an http(s) Referer, or None when there is none or it cannot be read."""
    if not referer or len(referer) > MAX_REFERER_LENGTH:
        return None
    try:
        parts = urlsplit(referer.strip())
        hostname = parts.hostname  # lowercased; no port, credentials or IPv6 brackets
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https"):
        return None
    return normalise_host(hostname)


def _own_hosts(request):
    try:
        host = request.get_host()
    except DisallowedHost:
        host = ""
    return _own_hosts_of(
        host,
        tuple(getattr(settings, "EMBED_VIEWS_IGNORED_HOSTS", ())),
        getattr(settings, "WAGTAILADMIN_BASE_URL", ""),
    )


@lru_cache(maxsize=64)
def _own_hosts_of(host, ignored_hosts, base_url):
    hosts = {normalise_host(ignored) for ignored in ignored_hosts}
    try:
        hosts.add(normalise_host(urlsplit("//" + host).hostname))
    except ValueError:
        pass
    if base_url:
        try:
            hosts.add(normalise_host(urlsplit(base_url).hostname))
        except ValueError:
            pass
    hosts.discard(None)
    return frozenset(hosts)


def embedding_site(request):
    """The site to count this request under, or None when it is not a countable view."""
    if request.method != "GET":
        return None
    purpose = request.headers.get("Sec-Purpose", "") + request.headers.get("Purpose", "")
    if "prefetch" in purpose.lower():
        return None
    if is_bot(request.headers.get("User-Agent")):
        return None
    host = referring_host(request.headers.get("Referer"))
    if host is None:
        return UNKNOWN_SITE
    if host in _own_hosts(request):
        return None
    return host


# Counting in the cache --------------------------------------------------------------------------


def _day_key(day):
    return f"{PREFIX}:{day:%Y%m%d}"


def _count_key(day, challenge_id, site):
    # Hashed: a 253-character host must not push the key past Memcached's 250-byte limit.
    digest = hashlib.sha256(site.encode()).hexdigest()[:24]
    return f"{_day_key(day)}:c:{challenge_id}:{digest}"


def _register(cache, day, key, challenge_id, site):
    """Give a new count key a slot of its own in the day's registry (add + incr: race-free)."""
    ttl = KEEP_DAYS * 86400
    sequence_key = f"{_day_key(day)}:n"
    for _attempt in range(2):
        cache.add(sequence_key, 0, ttl)
        try:
            slot = cache.incr(sequence_key)
        except ValueError:  # evicted between add and incr
            continue
        cache.set(f"{_day_key(day)}:slot:{slot}", (key, challenge_id, site), ttl)
        return


def _count(cache, day, challenge_id, site, views):
    """Add `views` to the (day, challenge, site) count in the cache; False when it could not."""
    ttl = KEEP_DAYS * 86400
    key = _count_key(day, challenge_id, site)
    try:
        cache.incr(key, views)  # every push but the first of the day for this pair ends here
        return True
    except ValueError:
        pass
    for _attempt in range(2):
        if cache.add(key, 0, ttl):  # only the first push of the day for this pair gets here
            _register(cache, day, key, challenge_id, site)
        try:
            cache.incr(key, views)
            return True
        except ValueError:  # expired or evicted between add and incr (or unreachable)
            continue
    return False


class _Buffer:
    """This process's views not yet in the cache: {(day, challenge id, site): views}."""

    def __init__(self):
        self.lock = threading.Lock()  # guards the counts
        self.pushing = threading.Lock()  # one push at a time: when push() returns, all is out
        self.counts = Counter()
        self.next_push = 0.0  # monotonic; the first view pushes at once
        self.pusher = None

    def add(self, day, challenge_id, site):
        with self.lock:
            self.counts[(day, challenge_id, site)] += 1
        if self.pusher is None:
            self._start_pusher()

    def due(self):
        return time.monotonic() >= self.next_push

    def push(self):
        """Move the counts into the cache; what cannot get there stays for the next push."""
        with self.pushing:
            self.next_push = time.monotonic() + (_buffer_seconds() or 0)
            with self.lock:
                taken, self.counts = self.counts, Counter()
            if not taken:
                return
            failed = Counter()
            try:
                cache = _cache()
                for (day, challenge_id, site), views in taken.items():
                    if not _count(cache, day, challenge_id, site, views):
                        failed[(day, challenge_id, site)] = views
            except Exception:
                logger.exception("Could not push embed views to the cache; kept for the next push")
                failed = taken
            if failed:
                with self.lock:
                    self.counts.update(failed)

    def discard(self):
        with self.pushing, self.lock:
            self.counts = Counter()
            self.next_push = 0.0

    def _start_pusher(self):
        with self.lock:
            if self.pusher is not None:
                return
            self.pusher = threading.Thread(
                target=self._push_periodically, name="embed-views-pusher", daemon=True
            )
        self.pusher.start()

    def _push_periodically(self):  # an idle process's last views reach the cache too
        while True:
            time.sleep(_buffer_seconds() or DEFAULT_BUFFER_SECONDS)
            if self.counts:
                self.push()

    def after_fork(self):  # a child starts empty, and with no thread
        self.lock, self.pushing = threading.Lock(), threading.Lock()
        self.counts, self.next_push, self.pusher = Counter(), 0.0, None


_buffer = _Buffer()
os.register_at_fork(after_in_child=_buffer.after_fork)
atexit.register(lambda: _buffer.push())


def push_buffered_views():
    """Move this process's counted views into the cache now (flushes and reports call it)."""
    _buffer.push()


def discard_buffered_views():
    """Forget this process's views not yet pushed (tests: one test's views never reach another)."""
    _buffer.discard()


def record_embed_view(request, challenge):
    """Count one view of `challenge` (a page or its id) embedded on the referring site.

    Call it from the embed view for every served embed (200 or 304). It never raises and never
    writes to the database, except for the periodic flush it may trigger (at most once every
    EMBED_VIEWS_FLUSH_SECONDS). Returns True when the view was counted.
    """
    try:
        site = embedding_site(request)
        if site is None:
            return False
        challenge_id = int(getattr(challenge, "pk", challenge))
        if _buffer_seconds():
            _buffer.add(utc_today(), challenge_id, site)
            if not _buffer.due():
                return True  # the common case: no cache round trip at all
            _buffer.push()
        else:
            _count(_cache(), utc_today(), challenge_id, site, 1)
    except Exception:  # counting must never break a school's website
        logger.exception("Could not count an embed view")
        return False
    _maybe_flush()
    return True


def _maybe_flush():
    seconds = _flush_seconds()
    if not seconds:
        return
    try:
        if _cache().add(GATE_KEY, 1, seconds):
            flush_embed_views()
    except Exception:
        logger.exception("Flushing embed views failed; the counts stay in the cache")


def _registered(cache, today):
    """{count key: (challenge id, site, day)} for every key registered in the last KEEP_DAYS."""
    registered = {}
    for offset in range(KEEP_DAYS):
        day = today - timedelta(days=offset)
        last_slot = cache.get(f"{_day_key(day)}:n") or 0
        if not last_slot:
            continue
        slots = cache.get_many([f"{_day_key(day)}:slot:{n}" for n in range(1, last_slot + 1)])
        for key, challenge_id, site in slots.values():
            registered[key] = (challenge_id, site, day)
    return registered


def pending_embed_views():
    """{(challenge id, site, day): views} counted in the cache and not flushed yet (no DB query)."""
    push_buffered_views()
    cache = _cache()
    registered = _registered(cache, utc_today())
    counts = cache.get_many(list(registered))
    return {registered[key]: value for key, value in counts.items() if value and value > 0}


# Flushing to the database -----------------------------------------------------------------------


def _write_rows(totals):
    """Add each amount to its (challenge, site, day) row in one transaction; rows touched."""
    touched = 0
    with transaction.atomic():
        existing = set(
            LearningChallengePage.objects.filter(
                pk__in={challenge_id for challenge_id, _site, _day in totals}
            ).values_list("pk", flat=True)
        )
        for (challenge_id, site, day), views in sorted(totals.items()):
            if challenge_id not in existing:
                continue  # deleted since: its views go with it
            row = EmbedView.objects.filter(challenge_id=challenge_id, site=site, day=day)
            if not row.update(views=F("views") + views):
                try:
                    with transaction.atomic():  # a savepoint: another writer may insert first
                        EmbedView.objects.create(
                            challenge_id=challenge_id, site=site, day=day, views=views
                        )
                except IntegrityError:
                    row.update(views=F("views") + views)
            touched += 1
    return touched


def _give_back(cache, taken):
    for key, value in taken.items():
        try:
            cache.incr(key, value)
        except ValueError:
            cache.add(key, value, KEEP_DAYS * 86400)


def _forget_old_days(cache, registered, today):
    """Drop the registry of days before yesterday: no request can still count into them."""
    for offset in range(2, KEEP_DAYS):
        day = today - timedelta(days=offset)
        keys = [key for key, (_c, _s, key_day) in registered.items() if key_day == day]
        last_slot = cache.get(f"{_day_key(day)}:n") or 0
        if not keys and not last_slot:
            continue
        slots = [f"{_day_key(day)}:slot:{n}" for n in range(1, last_slot + 1)]
        cache.delete_many([*keys, *slots, f"{_day_key(day)}:n"])


def flush_embed_views():
    """Move the counts from the cache into EmbedView rows; returns how many rows it touched.

    Atomic, and safe to run twice or concurrently: a flush already running makes this one return
    0, and a second flush finds nothing left to add.
    """
    push_buffered_views()
    cache = _cache()
    token = uuid.uuid4().hex
    if not cache.add(LOCK_KEY, token, FLUSH_LOCK_SECONDS):
        return 0
    try:
        today = utc_today()
        registered = _registered(cache, today)
        counts = cache.get_many(list(registered)) if registered else {}
        taken, totals = {}, {}
        for key, value in counts.items():
            if not value or value <= 0:
                continue
            try:
                cache.decr(key, value)  # exactly what we read: views counted meanwhile stay
            except ValueError:
                pass  # expired just now: what we read is still ours to write
            taken[key] = value
            totals[registered[key]] = totals.get(registered[key], 0) + value
        touched = 0
        if totals:
            try:
                touched = _write_rows(totals)
            except Exception:
                _give_back(cache, taken)
                raise
        _forget_old_days(cache, registered, today)
        return touched
    finally:
        if cache.get(LOCK_KEY) == token:
            cache.delete(LOCK_KEY)
