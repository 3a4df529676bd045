"""Every settings module opens SQLite the same way: a write-ahead log, immediate transactions and
a busy timeout, so concurrent saves queue instead of failing with "database is locked"."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
READ_OPTIONS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "db = settings.DATABASES['default']; print(json.dumps([db['ENGINE'], db.get('OPTIONS', {})]))"
)


@pytest.mark.parametrize(
    "module", ["library.settings.dev", "library.settings.production", "library.settings.test"]
)
def test_every_settings_module_opens_sqlite_with_wal_and_immediate_transactions(module, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": module,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SECRET_KEY": "settings-check",
    }
    result = subprocess.run(
        [sys.executable, "-c", READ_OPTIONS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    engine, options = json.loads(result.stdout.strip().splitlines()[-1])
    assert engine == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5


@pytest.mark.django_db
def test_the_open_sqlite_connection_really_uses_the_write_ahead_log():
    if connection.vendor != "sqlite":
        pytest.skip("runs on SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0].lower() == "wal"
