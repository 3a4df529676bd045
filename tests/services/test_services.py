"""The real services CI provides are the ones the suite talks to."""

import os

import pytest
import redis
import requests
from django.db import connection
from elasticsearch import Elasticsearch


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_suite_runs_on_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("select version()")
        assert cursor.fetchone()[0].startswith("PostgreSQL")


@pytest.mark.elasticsearch
def test_elasticsearch_answers_from_python():

    client = Elasticsearch(os.environ["ELASTICSEARCH_URL"], request_timeout=10)
    # The integ-test distribution has no `GET /` (rest-root module), so ask the nodes instead.
    versions = {node["version"] for node in client.cat.nodes(format="json", h="version")}
    assert {version.split(".")[0] for version in versions} <= {"8", "9"} and versions
    assert client.cluster.health(wait_for_status="yellow", timeout="30s")["status"] in {
        "green",
        "yellow",
    }


@pytest.mark.redis
def test_redis_answers_from_python():
    client = redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=5)
    assert client.ping()
    assert client.info("server")["redis_version"].split(".")[0] >= "7"


@pytest.mark.varnish
def test_varnish_answers_with_the_repository_vcl():
    base = os.environ["VARNISH_URL"]
    health = requests.get(f"{base}/.well-known/lcl-varnish", timeout=5)
    assert health.status_code == 200
    assert health.headers.get("Server") == "Varnish"
