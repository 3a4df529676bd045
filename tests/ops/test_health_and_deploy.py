"""Running it: /healthz and a clean `check --deploy` with production settings."""

import os
import subprocess
import sys

from django.core.management import call_command
from django.test import Client
from wagtail.models import Site


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


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "library.settings.production",
        "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "library.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",  # not migrated: no Site yet
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def _deploy_check(database_url, *extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "library.settings.production",
        "DJANGO_SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "library.example.org",
        "DATABASE_URL": database_url,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *extra],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip


def test_check_deploy_warns_while_the_site_is_still_localhost(tmp_path):
    database_url = f"sqlite:///{tmp_path / 'deploy.sqlite3'}"
    assert _deploy_check(database_url, "migrate", "--noinput").returncode == 0
    result = _deploy_check(database_url, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 1
    assert "home.W001" in result.stderr + result.stdout
    assert "'localhost'" in result.stderr + result.stdout

    set_site = (
        "from wagtail.models import Site; "
        "Site.objects.update(hostname='library.example.org', port=443)"
    )
    assert _deploy_check(database_url, "shell", "-c", set_site).returncode == 0
    result = _deploy_check(database_url, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_set_site_names_the_root_of_absolute_urls(db):
    call_command("set_site", "127.0.0.1", "8000")
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"
