"""`make bench`: faceted search latency over a generated library of 10,000 challenges.

One run measures, on the same data and the same fixed query mix (tests/perf/queries.py):
  - our database implementation, `DatabaseSearch().search(query, anonymous)`, facets included;
  - our Elasticsearch implementation, when ELASTICSEARCH_URL is set (on an alias of its own,
    deleted afterwards), through `search.backends.indexes()` / `get_search()`;
  - Wagtail's stock search, `Page.objects.live().search(q)`, first page of 20 results;
and the same through HTTP with Django's test Client: our /search/?format=json, and Wagtail's
stock search view (tests/perf/stock_search.py). The implementations take turns on each query
(stock, database, Elasticsearch, in a rotating order), so load on the machine falls on all of
them alike; the shared cache is emptied before every call, so nothing is answered from the render
cache. Each query runs three times per implementation and counts its median. Passes repeat until
two in a row agree within 0.1 on every ratio. Ratios compare like with like: direct calls with
the stock queryset, HTTP with the stock view.

Runs on the test database pytest-django creates (PostgreSQL when DATABASE_URL says so, SQLite
otherwise), never on a development database. BENCH_CHALLENGES changes the library size.
Not collected by `make test` (the file name does not start with test_).
"""

import logging
import os
import statistics
import time
import uuid
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from elasticsearch import Elasticsearch
from wagtail.models import Page

from search.backends import elasticsearch_implementation, indexes
from search.backends.database import DatabaseSearch
from tests.perf.library import Timer, check_library, generate
from tests.perf.queries import WARMUP, as_params, query_mix
from tests.perf.report import Report, Row
from tests.perf.stock_search import PER_PAGE, stock_queryset

# The database settings name before pytest-django points the connection at its test database.
CONFIGURED_DATABASE = connection.settings_dict["NAME"]
CHALLENGES = int(os.environ.get("BENCH_CHALLENGES", "10000"))
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
DATABASE_P95_GOAL_MS = 50  # on PostgreSQL
ELASTICSEARCH_P95_GOAL_MS = 30
RATIO_AGREEMENT = 0.1  # passes repeat until two in a row agree this closely on every ratio
MAX_PASSES = 6
REPEATS = 3  # calls per query and implementation in a pass; the median counts


@dataclass
class Bench:
    documents: list
    timer: Timer
    problems: list
    elasticsearch_alias: str
    elasticsearch: object  # the implementation, or None
    elasticsearch_skipped: str  # why it is None


def elasticsearch_settings(alias):
    return override_settings(ELASTICSEARCH_URL=ELASTICSEARCH_URL, ELASTICSEARCH_INDEX=alias)


def build_indexes(documents, timer, alias):
    """Every configured index (`search.backends.indexes()`) rebuilt from the same documents.
    Returns the Elasticsearch implementation, or None and why not."""
    if not ELASTICSEARCH_URL:
        with timer.step("database index"):
            DatabaseSearch().rebuild(iter(documents), len(documents))
        return None, "ELASTICSEARCH_URL is not set"
    elasticsearch, why_not = None, ""
    with elasticsearch_settings(alias):
        elasticsearch_implementation.cache_clear()
        try:
            implementations = indexes()
        except Exception as error:  # e.g. search/backends/elasticsearch.py not written yet
            implementations, why_not = [DatabaseSearch()], f"cannot load it: {error!r}"
        for implementation in implementations:
            with timer.step(f"{implementation.name} index"):
                try:
                    implementation.rebuild(iter(documents), len(documents))
                except Exception as error:
                    if implementation.name == "database":
                        raise
                    why_not = f"rebuild failed: {error!r}"
                    continue
            if implementation.name != "database":
                elasticsearch = implementation
    return elasticsearch, why_not


def delete_elasticsearch_indices(alias):
    """Every index of this run, by name (the server refuses wildcard deletes)."""

    client = Elasticsearch(ELASTICSEARCH_URL, request_timeout=30)
    names = list(client.indices.get(index=f"{alias}*", expand_wildcards="all"))
    if names:
        client.indices.delete(index=",".join(names))


@pytest.fixture(scope="session")
def bench(django_db_setup, django_db_blocker):
    """The generated library with every index built; Elasticsearch indices deleted at the end."""
    if connection.settings_dict["NAME"] == CONFIGURED_DATABASE:
        pytest.fail(f"Refusing to write into {CONFIGURED_DATABASE}: no test database was set up")
    timer = Timer()
    alias = f"bench-challenges-{uuid.uuid4().hex[:10]}"
    print(f"\nGenerating {CHALLENGES:,} challenges on {connection.vendor}...", flush=True)
    try:
        with django_db_blocker.unblock():
            documents = generate(CHALLENGES, timer)
            elasticsearch, skipped = build_indexes(documents, timer, alias)
            if connection.vendor == "postgresql":
                # As autovacuum leaves tables soon after a bulk load: statistics, and visibility
                # maps (without them index-only scans read the table too).
                with timer.step("vacuum analyze"), connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")
            with timer.step("sample checks"):
                problems = check_library()
        yield Bench(documents, timer, problems, alias, elasticsearch, skipped)
    finally:
        if ELASTICSEARCH_URL:
            try:
                delete_elasticsearch_indices(alias)
            except Exception as error:
                print(f"Could not delete the Elasticsearch indices {alias}*: {error!r}")


class FallbackCounter(logging.Handler):
    """Counts answers WithFallback gave from the database instead of Elasticsearch."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += "answering from the database" in record.getMessage()


def database_version():
    if connection.vendor == "postgresql":
        major, minor = divmod(connection.pg_version, 10000)
        return f"{major}.{minor}"
    if connection.vendor == "sqlite":
        return connection.Database.sqlite_version
    return ""


def interleaved(runs, items, warmup, repeats=REPEATS):
    """Milliseconds of each run on each item, the runs taking turns on every item (in an order
    that rotates from item to item and round to round) so the machine's load falls on all of
    them alike. Each item is run `repeats` times and counts its median: one garbage collection
    or scheduler pause in one call then moves no percentile.

    `runs` is {name: (settings context factory, callable)}; each call is made inside its own
    settings (entered before the clock starts) and after the shared cache is emptied, so no
    answer comes from the render cache (or a front cache: the test client has none)."""
    names = list(runs)

    def call(name, item):
        settings_for, run = runs[name]
        with settings_for():
            cache.clear()
            started = time.perf_counter()
            output = run(item)
            return (time.perf_counter() - started) * 1000, output

    for item in items[:warmup]:
        for name in names:
            call(name, item)
    samples = {name: [] for name in names}
    outputs = {name: [] for name in names}
    for index, item in enumerate(items):
        rounds = {name: [] for name in names}
        for round_ in range(repeats):
            turn = (index + round_) % len(names)
            for name in names[turn:] + names[:turn]:
                elapsed, output = call(name, item)
                rounds[name].append(elapsed)
        for name in names:
            samples[name].append(statistics.median(rounds[name]))
            outputs[name].append(output)
    return samples, outputs


def measure(report, bench, queries):
    """One pass: direct calls, then HTTP, each interleaving stock, database and Elasticsearch."""
    anonymous = AnonymousUser()
    client = Client()
    database_only = lambda: override_settings(ELASTICSEARCH_URL="")  # noqa: E731
    on_elasticsearch = lambda: elasticsearch_settings(bench.elasticsearch_alias)  # noqa: E731

    def direct(implementation):
        return lambda query: implementation.search(query, anonymous).total

    def http(query):
        response = client.get("/search/", as_params(query))
        assert response.status_code == 200, (query, response.status_code)
        return response.json()["total"]

    def stock_direct(query):
        return len(list(stock_queryset(query.q)[:PER_PAGE]))

    def stock_http(query):
        response = client.get("/stock-search/", {"query": query.q})
        assert response.status_code == 200, (query.q, response.status_code)

    with_elasticsearch = bench.elasticsearch is not None
    if not with_elasticsearch:
        report.skipped["elasticsearch"] = bench.elasticsearch_skipped
    totals = {}
    for path in ("direct", "http"):
        for workload in ("search", "browse"):
            runs = {
                "database": (database_only, direct(DatabaseSearch()) if path == "direct" else http)
            }
            if with_elasticsearch:
                runs["elasticsearch"] = (
                    on_elasticsearch,
                    direct(bench.elasticsearch) if path == "direct" else http,
                )
            if workload == "search":  # the stock search has no filters: search words only
                runs["stock"] = (database_only, stock_direct if path == "direct" else stock_http)
            samples, outputs = interleaved(runs, queries[workload], WARMUP)
            compared = ("stock queryset" if path == "direct" else "stock view") * (
                workload == "search"
            )
            for name in runs:
                report.rows.append(
                    Row(name, path, workload, samples[name], "" if name == "stock" else compared)
                )
            if path == "direct":
                totals[workload] = outputs["database"]
                if with_elasticsearch:
                    differ = sum(
                        a != b
                        for a, b in zip(outputs["elasticsearch"], outputs["database"], strict=True)
                    )
                    if differ:
                        report.notes.append(
                            f"{workload}: Elasticsearch and database totals differ on {differ}"
                            f" of {len(outputs['database'])} queries"
                        )
    report.notes += [describe_results(workload, totals[workload]) for workload in totals]


def ratios(report):
    """{(implementation, path): p95 / stock p95} for the search workload."""
    found = {}
    for row in report.rows:
        stock = report.stock_of(row)
        if row.workload == "search" and row.implementation != "stock" and stock:
            found[(row.implementation, row.path)] = row.p95 / stock.p95
    return found


def describe_results(workload, totals):
    ordered = sorted(totals)
    return (
        f"{workload} mix: {len(totals)} queries (+{WARMUP} warm-up); results per query "
        f"(anonymous, database): median {ordered[len(ordered) // 2]}, max {ordered[-1]}; "
        f"{sum(1 for total in totals if not total)} find nothing"
    )


def add_goals(report):
    def goal(text, row, limit=None):
        stock = report.stock_of(row) if limit is None else None
        if limit is not None:
            report.goals.append((text, f"p95 {row.p95:.1f} ms", row.p95 < limit))
        elif stock:
            ratio = row.p95 / stock.p95
            report.goals.append(
                (text, f"p95 {row.p95:.1f} ms vs {stock.p95:.1f} ms, ratio {ratio:.2f}",
                 ratio <= 1)
            )  # fmt: skip

    for implementation, limit in (
        ("database", DATABASE_P95_GOAL_MS if report.vendor == "postgresql" else None),
        ("elasticsearch", ELASTICSEARCH_P95_GOAL_MS),
    ):
        for workload in ("search", "browse"):
            row = report.row(implementation, "http", workload)
            if row and limit:
                goal(f"{implementation} {workload} via /search/ p95 under {limit} ms", row, limit)
        row = report.row(implementation, "http", "search")
        if row:
            goal(f"{implementation} via /search/ no slower than the stock view", row)


# The mark makes pytest-django create its test database (it creates none for a session that
# asks for no database access); transaction=True measures in autocommit, as pages are served.
@pytest.mark.django_db(transaction=True)
@override_settings(ROOT_URLCONF="tests.perf.stock_search", ELASTICSEARCH_URL="")
def test_search_latency(bench):
    public = Page.objects.live().filter(learningchallengepage__audience="public").count()
    report = Report(
        vendor=connection.vendor,
        database_version=database_version(),
        challenges=len(bench.documents),
        public=public,
        generation=dict(bench.timer.steps),
    )
    load_before = os.getloadavg()
    queries = query_mix(bench.documents)
    runs = []  # (rows, ratios) of each pass
    fallbacks = FallbackCounter()
    logging.getLogger("search").addHandler(fallbacks)
    notes = list(report.notes)
    while True:
        report.rows, report.notes = [], list(notes)
        measure(report, bench, queries)
        runs.append((list(report.rows), ratios(report)))
        print(f"pass {len(runs)}: " + ", ".join(
            f"{name} {path} {ratio:.2f}" for (name, path), ratio in sorted(runs[-1][1].items())
        ), flush=True)  # fmt: skip
        if len(runs) >= 2 and all(
            abs(runs[-1][1][key] - runs[-2][1].get(key, 99)) <= RATIO_AGREEMENT
            for key in runs[-1][1]
        ):
            break
        if len(runs) == MAX_PASSES:
            report.notes.append(
                f"ratios did not settle within {RATIO_AGREEMENT} in {MAX_PASSES} passes"
            )
            break
    logging.getLogger("search").removeHandler(fallbacks)
    if fallbacks.count:
        report.notes.append(f"{fallbacks.count} Elasticsearch answers fell back to the database")
    report.notes.append(
        f"{len(runs)} passes; ratios of the last two: "
        + "; ".join(
            f"{name} {path} {runs[-2][1].get((name, path), 0):.2f} then {ratio:.2f}"
            for (name, path), ratio in sorted(runs[-1][1].items())
        )
    )
    report.notes.append(
        "load average (1, 5, 15 min) before measuring: "
        + ", ".join(f"{x:.2f}" for x in load_before)
        + "; after: "
        + ", ".join(f"{x:.2f}" for x in os.getloadavg())
        + f" on {os.cpu_count()} CPUs (other processes share them)"
    )
    add_goals(report)
    print(report.text())
    print(f"Written to {report.write()}")
    assert not bench.problems, bench.problems
