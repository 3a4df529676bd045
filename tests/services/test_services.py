"""The real services CI provides are the ones the suite talks to."""

import os

import pytest
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
