"""`make bench` collects every benchmark (tests/perf/bench_*.py) and nothing else: a helper module
named like a benchmark once stopped the whole command at collection."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_make_bench_collects_each_benchmark_without_errors():
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/perf", "--collect-only", "-q",
         "-p", "no:cacheprovider", "-o", "python_files=bench_*.py"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert collected.returncode == 0, collected.stdout + collected.stderr
    benches = sorted(path.stem for path in (REPO / "tests" / "perf").glob("bench_*.py"))
    files = sorted({line.split("::")[0] for line in collected.stdout.splitlines() if "::" in line})
    assert files == [f"tests/perf/{name}.py" for name in benches]
