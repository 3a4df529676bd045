"""`make bench`: embed throughput under concurrent load, as a ratio to a static file.

Public challenge and home pages for anonymous visitors are measured beside it (goal: a quarter).

Both are served by the same gunicorn (2 workers) on loopback in the same run, with production
settings: the embed page of a public challenge with a warm render cache, and
/static/embed/embed.css through WhiteNoise (collected, as in production). Load comes from `wrk`
(Debian package) when present, else from a small threaded Python client. The database is a
throwaway SQLite file with the demo library; the shared cache is Redis when REDIS_URL is set
(under a prefix of its own), else local memory. Bounded: 10 s per measurement.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.helpers import free_port

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "tests" / "perf" / "results"
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 16


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True, timeout=600,
    ).stdout  # fmt: skip


def wrk_rate(url):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "-H", "Referer: https://school.example/",
         url],
        capture_output=True, text=True, timeout=SECONDS + 30, check=True,
    ).stdout  # fmt: skip
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def python_rate(url):
    deadline = time.monotonic() + SECONDS

    def worker(_):
        count = 0
        while time.monotonic() < deadline:
            with urllib.request.urlopen(url, timeout=10) as response:
                response.read()
            count += 1
        return count

    with ThreadPoolExecutor(CONNECTIONS) as pool:
        total = sum(pool.map(worker, range(CONNECTIONS)))
    return total / SECONDS


def test_embed_throughput_against_a_static_file():
    workdir = Path(tempfile.mkdtemp(prefix="lcl-bench-embed-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "library.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-" + uuid.uuid4().hex,
        "DJANGO_ALLOWED_HOSTS": "*",
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # plain http on loopback
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DATABASE_CONN_MAX_AGE": "60",
        "CACHE_KEY_PREFIX": f"bench-{uuid.uuid4().hex[:8]}",
        "TASKS_BACKEND": "immediate",
        "ELASTICSEARCH_URL": "",
    }
    manage(env, "migrate", "-v0")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "-v0")
    uid, page_path = manage(
        env, "shell", "-c",
        "from challenges.models import LearningChallengePage;"
        "from challenges.visibility import anonymous;"
        "challenge = LearningChallengePage.objects.visible_to(anonymous()).first();"
        "print(challenge.uid, challenge.get_url_parts()[2])",
    ).split()[-2:]  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "library.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        embed = f"{base}/embed/challenges/{uid}/"
        static = f"{base}/static/embed/embed.css"
        pages = {"challenge page": f"{base}{page_path}", "home page": f"{base}/"}
        for _ in range(20):  # warm both workers' render caches and file lists
            for url in (embed, static, *pages.values()):
                urllib.request.urlopen(url).read()
        measure = wrk_rate if shutil.which("wrk") else python_rate
        embed_rate, static_rate = measure(embed), measure(static)
        page_rates = {name: measure(url) for name, url in pages.items()}
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)
    ratio = embed_rate / static_rate
    result = {
        "tool": "wrk" if shutil.which("wrk") else "python threads",
        "connections": CONNECTIONS, "seconds": SECONDS, "gunicorn_workers": 2,
        "settings": "library.settings.production, SQLite, "
        + ("Redis" if os.environ.get("REDIS_URL") else "local-memory cache"),
        "embed_requests_per_second": round(embed_rate, 1),
        "static_requests_per_second": round(static_rate, 1),
        "ratio": round(ratio, 3), "goal": ">= 0.5",
        "pages": {
            name: {"requests_per_second": round(rate, 1), "ratio": round(rate / static_rate, 3),
                   "goal": ">= 0.25"}
            for name, rate in page_rates.items()
        },
    }  # fmt: skip
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "embed.json").write_text(json.dumps(result, indent=2))
    print(
        f"\nEmbed throughput: {result['embed_requests_per_second']} req/s, static file "
        f"{result['static_requests_per_second']} req/s, ratio {result['ratio']} (goal >= 0.5)"
    )
    for name, page in result["pages"].items():
        print(f"{name}: {page['requests_per_second']} req/s, ratio {page['ratio']} (goal >= 0.25)")
    assert embed_rate > 0 and static_rate > 0


if __name__ == "__main__":
    pytest.main([__file__, "-s"])
