"""The search bench again without generating the library each time: `make bench` builds 10,000
challenges (minutes) in a test database it then drops; this keeps them in a database of its own.

    DATABASE_URL=postgres://.../lcl_bench [ELASTICSEARCH_URL=...] \
        .venv/bin/python -m tests.perf.rerun_search [--reindex]

The first run migrates that database and generates the library into it, and saves the
documents beside it (tests/perf/results/); later runs measure at once, as bench_search.py does
(`--reindex` rebuilds our indexes from the saved documents first, e.g. after changing how they
are built). The database name must end in "bench": it is written to freely.
"""

import os
import pickle
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "library.settings.test")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402
from elasticsearch import Elasticsearch  # noqa: E402

from challenges.models import LearningChallengePage  # noqa: E402
from search.backends import indexes  # noqa: E402
from tests.perf import bench_search as bench  # noqa: E402
from tests.perf.library import Timer, generate  # noqa: E402
from tests.perf.queries import query_mix  # noqa: E402
from tests.perf.report import RESULTS_DIR, Report  # noqa: E402

ALIAS = "bench-challenges-kept"


def library(timer, reindex):
    """(documents, Elasticsearch implementation or None, why not)."""
    saved = RESULTS_DIR / f"documents-{connection.settings_dict['NAME']}.pickle"
    if LearningChallengePage.objects.count() < bench.CHALLENGES or not saved.exists():
        documents = generate(bench.CHALLENGES, timer)
        RESULTS_DIR.mkdir(exist_ok=True)
        saved.write_bytes(pickle.dumps(documents))
        reindex = True
    else:
        documents = pickle.loads(saved.read_bytes())
    if bench.ELASTICSEARCH_URL and not Elasticsearch(bench.ELASTICSEARCH_URL).indices.exists_alias(
        name=ALIAS
    ):
        reindex = True  # never measure an empty index
    if reindex:
        if bench.ELASTICSEARCH_URL:
            bench.delete_elasticsearch_indices(ALIAS)
        elasticsearch, why_not = bench.build_indexes(documents, timer, ALIAS)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        return documents, elasticsearch, why_not
    if not bench.ELASTICSEARCH_URL:
        return documents, None, "ELASTICSEARCH_URL is not set"
    with bench.elasticsearch_settings(ALIAS):
        bench.elasticsearch_implementation.cache_clear()
        found = [index for index in indexes() if index.name == "elasticsearch"]
    return documents, found[0], ""


def main():
    name = connection.settings_dict["NAME"]
    if not str(name).endswith("bench"):
        sys.exit(f"The database name must end in 'bench' (it is written to freely): {name}")
    setup_test_environment()
    call_command("migrate", verbosity=0)
    timer = Timer()
    documents, elasticsearch, why_not = library(timer, "--reindex" in sys.argv)
    kept = bench.Bench(documents, timer, [], ALIAS, elasticsearch, why_not)
    with override_settings(ROOT_URLCONF="tests.perf.stock_search", ELASTICSEARCH_URL=""):
        report = Report(
            vendor=connection.vendor, database_version=bench.database_version(),
            challenges=len(documents), public=sum(d["audience"] == "public" for d in documents),
            generation=dict(timer.steps),
        )  # fmt: skip
        bench.measure(report, kept, query_mix(documents))
        bench.add_goals(report)
    print(report.text())


if __name__ == "__main__":
    main()
