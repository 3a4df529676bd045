"""Round trip across instances: export a trust here, import it into another instance (its own
database and media, the same tree, none of the challenges), publish there, export again.

The other instance runs as a separate process through manage.py, as a partner's server would.
"""

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from django.core.management import call_command

from tests.interchange.partner_instance import migrated_database

ROOT = Path(__file__).resolve().parents[2]
# Identity and provenance differ by design; `omitted_images` describes one export, not content.
NOT_CONTENT = {"uid", "version", "url", "adapted_from", "owner", "omitted_images"}

OTHER_INSTANCE = """
from django.core.management import call_command
from home.models import HomePage, SchoolPage, TrustPage
from challenges.models import LearningChallengePage

home = HomePage.objects.get()
trust = TrustPage(title="Alder Trust", slug="alder")
home.add_child(instance=trust)
trust.save_revision().publish()
school = SchoolPage(title="Ash Primary", slug="ash")
trust.add_child(instance=school)
school.save_revision().publish()
call_command("import_challenges", {package!r}, "--into", "ash")
for page in LearningChallengePage.objects.child_of(school):
    page.get_latest_revision().publish()
call_command("export_challenges", {again!r}, "--trust", "alder", "--no-progress")
"""


def read_package(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def run_other_instance(tmp_path, package, again):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'other-instance.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "library.settings.test",
        "ELASTICSEARCH_URL": "",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    migrated_database(tmp_path / "other-instance.sqlite3")
    script = OTHER_INSTANCE.format(package=str(package), again=str(again))
    result = subprocess.run(
        [*manage, "shell", "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_round_trip_keeps_every_content_field_and_asset_byte(rich_library, tmp_path):
    lib = rich_library
    first = tmp_path / "first.zip"
    again = tmp_path / "again.zip"
    call_command(
        "export_challenges", str(first), "--trust", "alder", "--no-progress", stdout=io.StringIO()
    )

    output = run_other_instance(tmp_path, first, again)
    assert "3 created" in output

    before, after = read_package(first), read_package(again)
    originals = {
        json.loads(data)["uid"]: json.loads(data)
        for name, data in before.items()
        if name.startswith("challenges/")
    }
    copies = [json.loads(data) for name, data in after.items() if name.startswith("challenges/")]
    assert len(copies) == len(originals) == 3
    for copy in copies:
        original = originals[copy["adapted_from"]["uid"]]  # the lineage names the original uid
        assert copy["uid"] != original["uid"]
        assert copy["adapted_from"]["version"] == original["version"]
        assert copy["adapted_from"]["url"] == original["url"]
        for name in set(original) - NOT_CONTENT:
            assert copy[name] == original[name], name
    # Every asset came back byte for byte, under the same sha256 name.
    assets = {name for name in before if name.startswith("assets/")}
    assert assets and assets == {name for name in after if name.startswith("assets/")}
    for name in assets:
        assert after[name] == before[name]
    rich_copy = next(copy for copy in copies if copy["adapted_from"]["uid"] == str(lib.rich.uid))
    assert rich_copy["omitted_images"] == []  # nothing showing pupils ever reached the other side
    assert rich_copy["activities"][1]["image"] is None
