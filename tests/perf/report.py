"""Timing, percentiles and the printed table / JSON file of `make bench`."""

import json
import platform
import statistics
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

RESULTS_DIR = Path(__file__).parent / "results"


def timed(run, items, warmup):
    """Milliseconds of `run(item)` for each item, after `warmup` untimed calls; and its outputs."""
    for item in items[:warmup]:
        run(item)
    samples, outputs = [], []
    for item in items:
        started = time.perf_counter()
        output = run(item)
        samples.append((time.perf_counter() - started) * 1000)
        outputs.append(output)
    return samples, outputs


def percentile(samples, p):
    """The p-th percentile (1 to 99), interpolated as numpy's default does."""
    return statistics.quantiles(samples, n=100, method="inclusive")[p - 1]


@dataclass
class Row:
    implementation: str
    path: str  # "direct" (the Python call) or "http" (the view through Django's test Client)
    workload: str
    samples: list = field(repr=False)
    compared_to: str = ""  # the stock row this one is a ratio of
    note: str = ""

    @property
    def n(self):
        return len(self.samples)

    @property
    def p50(self):
        return percentile(self.samples, 50)

    @property
    def p95(self):
        return percentile(self.samples, 95)

    def as_json(self, stock):
        data = {key: value for key, value in asdict(self).items() if key != "samples"}
        data.update(n=self.n, p50_ms=round(self.p50, 2), p95_ms=round(self.p95, 2))
        data["mean_ms"] = round(statistics.fmean(self.samples), 2)
        data["max_ms"] = round(max(self.samples), 2)
        if stock:
            data["ratio_p50"] = round(self.p50 / stock.p50, 2)
            data["ratio_p95"] = round(self.p95 / stock.p95, 2)
        return data


@dataclass
class Report:
    vendor: str
    database_version: str
    challenges: int
    public: int
    generation: dict  # step -> seconds
    rows: list = field(default_factory=list)
    skipped: dict = field(default_factory=dict)  # implementation -> why it was not measured
    notes: list = field(default_factory=list)
    goals: list = field(default_factory=list)  # (goal, figure, met)

    def row(self, implementation, path, workload):
        for row in self.rows:
            if (row.implementation, row.path, row.workload) == (implementation, path, workload):
                return row
        return None

    def stock_of(self, row):
        return self.row("stock", row.path, row.workload) if row.compared_to else None

    def table(self):
        header = (
            f"{'implementation':<15}{'path':<8}{'workload':<10}{'vendor':<12}{'N':>5}"
            f"{'p50 ms':>9}{'p95 ms':>9}{'ratio p50':>11}{'ratio p95':>11}  compared to"
        )
        lines = [header, "-" * len(header)]
        for row in self.rows:
            stock = self.stock_of(row)
            ratios = (
                f"{row.p50 / stock.p50:>11.2f}{row.p95 / stock.p95:>11.2f}  {row.compared_to}"
                if stock
                else f"{'-':>11}{'-':>11}"
            )
            lines.append(
                f"{row.implementation:<15}{row.path:<8}{row.workload:<10}{self.vendor:<12}"
                f"{row.n:>5}{row.p50:>9.1f}{row.p95:>9.1f}{ratios}"
                + (f"  ({row.note})" if row.note else "")
            )
        return "\n".join(lines)

    def text(self):
        steps = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.generation.items())
        out = [
            "",
            f"make bench: search over {self.challenges:,} challenges ({self.public:,} public) "
            f"on {self.vendor} {self.database_version}",
            f"Generation and indexing: {sum(self.generation.values()):.1f} s ({steps})",
            "",
            self.table(),
        ]
        out += [f"Not measured: {name}: {why}" for name, why in self.skipped.items()]
        if self.goals:
            out += ["", "Goals (DESIGN.md, Performance):"]
            out += [
                f"  [{'met' if met else 'NOT MET'}] {goal}: {figure}"
                for goal, figure, met in self.goals
            ]
        out += [f"Note: {note}" for note in self.notes]
        return "\n".join(out)

    def as_json(self):
        return {
            "vendor": self.vendor,
            "database_version": self.database_version,
            "challenges": self.challenges,
            "public_challenges": self.public,
            "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "machine": f"{platform.machine()}, {platform.node()}",
            "generation_seconds": {k: round(v, 2) for k, v in self.generation.items()},
            "rows": [row.as_json(self.stock_of(row)) for row in self.rows],
            "skipped": self.skipped,
            "goals": [{"goal": g, "figure": f, "met": m} for g, f, m in self.goals],
            "notes": self.notes,
        }

    def write(self):
        RESULTS_DIR.mkdir(exist_ok=True)
        target = RESULTS_DIR / f"search-{self.vendor}.json"
        target.write_text(json.dumps(self.as_json(), indent=2) + "\n")
        return target
