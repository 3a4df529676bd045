"""The interchange JSON Schema read as another library would: described, resolvable, and open
to the fields of a newer minor version (only a new major version is refused)."""

import json

import pytest
from django.test import Client
from jsonschema import Draft202012Validator, ValidationError

from challenges.interchange.serialise import serialise_challenge
from challenges.interchange.validate import DocumentRefused, check_challenge, schema

SCHEMA_URL = "/schema/learning-challenge/v1.json"


def properties_of(node, path="#"):
    """Every (path, property schema) of the schema, however deep."""
    if isinstance(node, dict):
        for name, child in node.get("properties", {}).items():
            yield f"{path}/properties/{name}", child
        for key, child in node.items():
            yield from properties_of(child, f"{path}/{key}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from properties_of(child, f"{path}/{index}")


def test_every_property_has_a_description():
    found = list(properties_of(schema()))
    assert len(found) > 80
    undescribed = [path for path, child in found if not child.get("description", "").strip()]
    assert undescribed == []


def test_the_served_schema_names_the_address_it_is_served_at(library):
    served = json.loads(Client().get(SCHEMA_URL).content)
    assert served["$id"] == f"http://testserver{SCHEMA_URL}"
    Draft202012Validator.check_schema(served)
    assert Client().get(served["$id"].removeprefix("http://testserver")).status_code == 200


def test_the_served_schema_follows_the_site_address(library):
    library.home.get_site().__class__.objects.update(hostname="library.trust.example", port=443)
    served = json.loads(Client().get(SCHEMA_URL, HTTP_HOST="library.trust.example").content)
    assert served["$id"] == f"https://library.trust.example{SCHEMA_URL}"


@pytest.fixture
def document(library):
    return json.loads(json.dumps(serialise_challenge(library.public)[0]))


def validator():
    return Draft202012Validator(json.loads(Client().get(SCHEMA_URL).content))


def test_a_newer_minor_document_with_new_fields_validates_for_a_one_point_oh_reader(document):
    document.update(format_version="1.9", reading_age=7)
    document["owner"]["region"] = "North"
    validator().validate(document)  # another library reading our schema
    assert check_challenge(document)["title"] == "Public bug hotel"  # and our own reader


def test_a_new_major_version_is_refused_in_words(document):
    document.update(format_version="2.0")
    with pytest.raises(DocumentRefused, match="uses version 2 of the learning challenge format"):
        check_challenge(document)


def test_a_known_field_with_a_wrong_value_is_still_refused(document):
    document.update(format_version="1.9", kind="exam")
    with pytest.raises(ValidationError):
        validator().validate(document)
