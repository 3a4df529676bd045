"""Running it: /healthz and a clean `check --deploy` with production settings."""

import os
import subprocess
import sys

from django.test import Client


def test_healthz_reports_every_part(db):
    response = Client().get("/healthz")
    assert response.status_code == 200
    data = response.json()
    assert data["ok"] is True
    assert set(data["checks"]) == {"database", "search", "storage", "cache"}
    assert data["checks"]["search"]["detail"] == "database"


def test_healthz_answers_503_when_search_is_down(db, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:1"
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["search"]["ok"] is False
    assert response.json()["checks"]["database"]["ok"] is True


def test_check_deploy_is_clean_with_production_settings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "library.settings.production",
        "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "library.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
