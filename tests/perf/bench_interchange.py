"""`make bench`: export and import of 1,000 challenges with images (time and peak memory).

Two instances, each its own SQLite database and media folder, each step its own process so that
its peak RSS (getrusage) is its own: the source library (1,000 public challenges, each with a
distinct 480×320 JPEG hero image) is exported by `export_challenges`; a fresh
instance with the same tree imports the package with `import_challenges`. Goals (DESIGN.md):
import under 60 s and under 300 MB peak RSS; export as fast.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "tests" / "perf" / "results"
COUNT = int(os.environ.get("BENCH_INTERCHANGE_COUNT", "1000"))

GENERATE = """
import io, random
from django.core.files.images import ImageFile
from PIL import Image
from challenges.models import ChallengeImage, LearningChallengePage
from tests.perf.library import create_challenges
pages = create_challenges({count})
rng = random.Random(7)
for number, page in enumerate(pages):
    picture = Image.effect_noise((480, 320), 40 + number % 60).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    image = ChallengeImage(title=f"Hero {{number}}", credit="Photo: bench", licence="CC-BY-4.0")
    image.file = ImageFile(buffer, name=f"hero-{{number}}.jpg")
    image.save()
    LearningChallengePage.objects.filter(pk=page.pk).update(
        hero_image=image, hero_image_alt=f"Picture {{number}}", visibility="public",
        audience="public", licence="CC-BY-4.0",
    )
print("VALUE:", LearningChallengePage.objects.filter(hero_image__isnull=False).count())
"""

MEASURE = """
import json, resource, time
from django.core.management import call_command
{prepare}
started = time.perf_counter()
for arguments in {commands}:
    call_command(*arguments)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
print("BENCH" + json.dumps({{"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime,
      "peak_rss_mb": usage.ru_maxrss / 1024}}))
"""

TREE = """
from home.models import HomePage, SchoolPage, TrustPage
home = HomePage.objects.get()
trust = TrustPage(title="Partner Trust", slug="partner")
home.add_child(instance=trust)
trust.save_revision().publish()
school = SchoolPage(title="Partner Primary", slug="partner-primary")
trust.add_child(instance=school)
school.save_revision().publish()
"""


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=1800,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def shell_value(env, code):
    """What `code` prints after "VALUE:" (the shell prints its own lines too)."""
    output = manage(env, "shell", "-c", code)
    return output.split("VALUE:", 1)[1].splitlines()[0].strip()


def instance(workdir, name):
    (workdir / f"{name}-media").mkdir()
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.perf.interchange_settings",
        "BENCH_MEDIA_ROOT": str(workdir / f"{name}-media"),
        "DATABASE_URL": f"sqlite:///{workdir / f'{name}.sqlite3'}",
        "ELASTICSEARCH_URL": "",
    }


def measured(env, commands, prepare=""):
    output = manage(env, "shell", "-c", MEASURE.format(commands=repr(commands), prepare=prepare))
    return json.loads(output.split("BENCH", 1)[1].splitlines()[0])


def test_export_and_import_of_1000_challenges_with_images():
    workdir = Path(tempfile.mkdtemp(prefix="lcl-bench-interchange-"))
    try:
        source, target = instance(workdir, "source"), instance(workdir, "target")
        for env in (source, target):
            manage(env, "migrate", "-v0")
        assert int(shell_value(source, GENERATE.format(count=COUNT))) >= COUNT
        # The library spans four trusts: one package per trust, all imported into one school.
        trusts = shell_value(
            source,
            "from home.models import TrustPage;print('VALUE:', "
            "' '.join(TrustPage.objects.values_list('slug', flat=True)))",
        ).split()
        packages = [workdir / f"{slug}.zip" for slug in trusts]
        exported = measured(source, [
            ("export_challenges", str(package), "--trust", slug, "--no-progress")
            for slug, package in zip(trusts, packages, strict=True)
        ])  # fmt: skip
        count = int(
            shell_value(
                source,
                "from challenges.models import LearningChallengePage as P;"
                "print('VALUE:', P.objects.live().count())",
            )
        )
        imported = measured(target, [
            ("import_challenges", str(package), "--into", "partner-primary")
            for package in packages
        ], prepare=TREE)  # fmt: skip
        drafts = int(
            shell_value(
                target,
                "from challenges.models import LearningChallengePage as P;"
                "print('VALUE:', P.objects.filter(live=False).count())",
            )
        )
        assert drafts == count
        size = sum(package.stat().st_size for package in packages)
        result = {
            "challenges": count,
            "packages": len(packages),
            "packages_mb": round(size / 1024**2, 1),
            "database": "SQLite",
            "export_seconds": round(exported["seconds"], 1),
            # CPU time of the whole process (start-up included): the figure that does not move
            # when other work shares the machine.
            "export_process_cpu_seconds": round(exported["cpu_seconds"], 1),
            "export_peak_rss_mb": round(exported["peak_rss_mb"]),
            "import_seconds": round(imported["seconds"], 1),
            "import_process_cpu_seconds": round(imported["cpu_seconds"], 1),
            "import_peak_rss_mb": round(imported["peak_rss_mb"]),
            "goal": "import < 60 s and < 300 MB peak RSS; export as fast",
        }
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "interchange.json").write_text(json.dumps(result, indent=2))
    print(f"\nInterchange: {json.dumps(result)}")
