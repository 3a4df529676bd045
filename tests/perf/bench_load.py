"""`make bench`: a load run as in production, straight to gunicorn and again through Varnish.

The demo library in a throwaway PostgreSQL database, gunicorn (2 workers) with production
settings and Redis as the shared cache, Varnish with the repository's VCL in front (the one
.ci/run starts, whose backend port gunicorn takes). Load from `wrk` (Debian package) with a Lua
mix of public requests: challenge pages, home, school and trust pages, embeds, widget and
list queries, searches. 50 connections for BENCH_LOAD_SECONDS (60) per run, on loopback.
Reported: errors, p50, p95, throughput and, through Varnish, the hit ratio; then, straight to
gunicorn, the throughput of the embed, a challenge page and the home page as a ratio to a static
file (BENCH_SECONDS, 10, each). Needs DATABASE_URL (PostgreSQL), REDIS_URL, VARNISH_URL and
VARNISH_BACKEND_PORT; skipped with the reason otherwise.
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
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "tests" / "perf" / "results"
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
RATIO_SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CLIENTS = 50

LUA = r"""
local paths = {PATHS}
local host = "{HOST}"
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  hits = 0
  misses = 0
  bad = 0
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter], {
    ["Host"] = host,
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0",
    ["Referer"] = "https://www.school.example/home-learning/",
  })
end

function response(status, headers, body)
  if status >= 400 then bad = bad + 1 end
  local cache = headers["X-Cache"]
  if cache == "hit" then hits = hits + 1 elseif cache == "miss" then misses = misses + 1 end
end

function done(summary, latency, requests)
  local h, m, b = 0, 0, 0
  for _, thread in ipairs(threads) do
    h = h + thread:get("hits")
    m = m + thread:get("misses")
    b = b + thread:get("bad")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT {\"requests\": %d, \"seconds\": %.3f, \"p50_ms\": %.2f, \"p95_ms\": %.2f, " ..
    "\"p99_ms\": %.2f, \"max_ms\": %.2f, \"socket_errors\": %d, \"http_errors\": %d, " ..
    "\"hits\": %d, \"misses\": %d}\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status + b, h, m))
end
"""


def needs():
    missing = [
        name for name in ("REDIS_URL", "VARNISH_URL", "VARNISH_BACKEND_PORT")
        if not os.environ.get(name)
    ]  # fmt: skip
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        missing.append("DATABASE_URL (PostgreSQL)")
    if not shutil.which("wrk"):
        missing.append("wrk")
    return missing


@pytest.fixture(scope="module")
def stack():
    if missing := needs():
        pytest.skip(f"load run skipped: needs {', '.join(missing)}")
    admin_url = urlsplit(os.environ["DATABASE_URL"])._replace(path="/postgres").geturl()
    name = f"lcl_bench_{uuid.uuid4().hex[:8]}"
    host = f"bench-{uuid.uuid4().hex[:8]}.test"  # its own host: nothing cached before answers
    database_url = urlsplit(admin_url)._replace(path=f"/{name}").geturl()  # thrown away after
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "library.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-" + uuid.uuid4().hex,
        "DJANGO_ALLOWED_HOSTS": "*",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "CACHE_KEY_PREFIX": f"bench-{uuid.uuid4().hex[:8]}",
        "TASKS_BACKEND": "immediate",
        "ELASTICSEARCH_URL": "",
    }
    server = None
    try:
        manage(env, "migrate", "-v0")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--noinput", "-v0")
        output = manage(env, "shell", "-c", SITE_AND_PATHS.replace("{HOST}", host))
        paths = json.loads(output.strip().splitlines()[-1])
        port = os.environ["VARNISH_BACKEND_PORT"]
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "library.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}",
             "--log-level", "warning"],
            cwd=ROOT, env=env, start_new_session=True,
        )  # fmt: skip
        direct = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{direct}/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        yield {
            "direct": direct, "varnish": os.environ["VARNISH_URL"], "host": host, "env": env,
            **paths,
        }  # fmt: skip
    finally:
        if server is not None:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


SITE_AND_PATHS = """
import json
from wagtail.models import Site
from challenges.models import LearningChallengePage
from challenges.visibility import anonymous
from home.models import SchoolPage, TrustPage
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = "{HOST}", 80
site.save()
public = list(LearningChallengePage.objects.visible_to(anonymous()).order_by("pk")[:12])
print(json.dumps({
    "pages": [challenge.url for challenge in public],
    "page_ids": [challenge.pk for challenge in public],
    "embeds": [f"/embed/challenges/{challenge.uid}/" for challenge in public],
    "schools": [school.url for school in SchoolPage.objects.live()[:4]],
    "trusts": [trust.url for trust in TrustPage.objects.live()[:3]],
}))
"""


def manage(env, *args):
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, f"manage.py {args[0]} failed:\n{done.stderr[-3000:]}"
    return done.stdout


def mix(stack):
    """The public workload: a family opening the school's link, and school websites."""
    searches = ["/search/?q=bug", "/search/?q=water", "/search/?subject=science",
                "/search/?q=kindness&format=json"]  # fmt: skip
    widgets = ["/embed/challenges.json?limit=6", "/embed/challenges.json?subject=science",
               "/embed/list/?limit=6"]  # fmt: skip
    return (stack["pages"] * 3 + stack["embeds"] * 3 + ["/"] * 4 + stack["schools"]
            + stack["trusts"] + widgets * 2 + searches)  # fmt: skip


def wrk(base, host, paths, seconds, connections=CLIENTS):
    script = Path(tempfile.mkstemp(prefix="lcl-bench-", suffix=".lua")[1])
    lua_paths = "{" + ", ".join(json.dumps(path) for path in paths) + "}"
    script.write_text(LUA.replace("{PATHS}", lua_paths).replace("{HOST}", host))
    try:
        output = subprocess.run(
            ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
             "-s", str(script), base],
            capture_output=True, text=True, timeout=seconds + 60, check=True,
        ).stdout  # fmt: skip
    finally:
        script.unlink()
    result = json.loads(re.search(r"^RESULT (.*)$", output, re.M).group(1))
    result["requests_per_second"] = round(result["requests"] / result["seconds"], 1)
    result["errors"] = result["socket_errors"] + result["http_errors"]
    cached = result["hits"] + result["misses"]
    result["hit_ratio"] = round(result["hits"] / cached, 4) if cached else None
    return result


def warm(base, host, paths):
    for path in paths:
        request = urllib.request.Request(
            base + path, headers={"Host": host, "User-Agent": "Mozilla/5.0 Firefox/130.0"}
        )
        for _ in range(2):
            urllib.request.urlopen(request, timeout=30).read()


def test_load_run_and_ratios(stack):
    paths = mix(stack)
    host = stack["host"]
    warm(stack["direct"], host, sorted(set(paths)))
    static = "/static/embed/embed.css"
    ratios = {
        name: wrk(stack["direct"], host, [path], RATIO_SECONDS, connections=16)
        for name, path in [
            ("static file", static),
            ("embed", stack["embeds"][0]),
            ("challenge page", stack["pages"][0]),
            ("home page", "/"),
        ]
    }
    direct = wrk(stack["direct"], host, paths, LOAD_SECONDS)
    warm(stack["varnish"], host, sorted(set(paths)))
    # A publish while everything is cached: the purge shows through Varnish within a second.
    purge_seconds = publish_and_time_purge(stack)
    through_varnish = wrk(stack["varnish"], host, paths, LOAD_SECONDS)

    static_rate = ratios["static file"]["requests_per_second"]
    result = {
        "clients": CLIENTS, "seconds": LOAD_SECONDS, "gunicorn_workers": 2,
        "settings": "library.settings.production, PostgreSQL, Redis",
        "mix": {"distinct paths": len(set(paths)), "requests per cycle": len(paths)},
        "direct": direct, "through_varnish": through_varnish,
        "purge": purge_seconds,
        "ratios_to_static_file": {
            name: {"requests_per_second": run["requests_per_second"],
                   "ratio": round(run["requests_per_second"] / static_rate, 3),
                   "p95_ms": run["p95_ms"], "errors": run["errors"]}
            for name, run in ratios.items()
        },
    }  # fmt: skip
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(result, indent=2))
    print("\nLoad run, 50 clients:")
    for name, run in (("gunicorn", direct), ("through Varnish", through_varnish)):
        print(
            f"  {name:16} {run['requests_per_second']:8.1f} req/s  p50 {run['p50_ms']:.1f} ms  "
            f"p95 {run['p95_ms']:.1f} ms  errors {run['errors']}  hit ratio {run['hit_ratio']}"
        )
    for name, run in result["ratios_to_static_file"].items():
        print(f"  {name:16} {run['requests_per_second']:8.1f} req/s  ratio {run['ratio']}")
    print(
        f"  a publish took {purge_seconds['publish_seconds']} s (purges included); the new "
        f"title was served through Varnish {purge_seconds['visible_after_seconds']} s after"
    )
    assert direct["requests"] > 0 and through_varnish["requests"] > 0


PUBLISH = """
import time
from challenges.models import LearningChallengePage
page = LearningChallengePage.objects.get(pk={PK}).get_latest_revision_as_object()
page.title = "{TITLE}"
started = time.time()
page.save_revision().publish()
print(started, time.time())
"""


def publish_and_time_purge(stack):
    """Seconds a publish takes (its purges included), and from its end until Varnish serves the
    new title (None: not within 10 s)."""
    path = stack["pages"][0]
    headers = {"Host": stack["host"], "User-Agent": "Mozilla/5.0 Firefox/130.0"}
    title = f"Retitled {uuid.uuid4().hex[:6]}"
    code = PUBLISH.replace("{PK}", str(stack["page_ids"][0])).replace("{TITLE}", title)
    started, published = map(float, manage(stack["env"], "shell", "-c", code).split()[-2:])
    visible = None
    while time.time() - published < 10:
        request = urllib.request.Request(stack["varnish"] + path, headers=headers)
        if title in urllib.request.urlopen(request, timeout=10).read().decode():
            visible = round(max(0.0, time.time() - published), 3)
            break
        time.sleep(0.02)
    return {"publish_seconds": round(published - started, 3), "visible_after_seconds": visible}
