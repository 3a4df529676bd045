"""Reading interchange documents safely: size, depth, format version, then the JSON Schema.

The schema (schema/v1.json) is the one description of the format; this module adds what a
schema cannot say (bytes and nesting limits, which major versions this library reads) and turns
every refusal into a sentence a teacher can act on.
"""

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

from challenges.interchange.serialise import FORMAT, FORMAT_MAJOR, FORMAT_MINOR, PACKAGE_FORMAT

MAJOR_DIGITS = 6  # a longer major version is no version this library will ever read

SCHEMA_PATH = Path(__file__).parent / "schema" / "v1.json"
MAX_DEPTH = 16  # the format itself nests 5 deep
MAX_JSON_BYTES = 1024 * 1024


class InterchangeError(Exception):
    """A refusal, worded for the teacher who chose the file."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class DocumentRefused(InterchangeError):
    """One document cannot be read."""


@lru_cache(maxsize=1)
def schema():
    return json.loads(SCHEMA_PATH.read_text())


@lru_cache(maxsize=1)
def schema_bytes():
    return SCHEMA_PATH.read_bytes()


@lru_cache(maxsize=2)
def _validator(definition):
    root = schema()
    target = {"$ref": f"#/$defs/{definition}", "$defs": root["$defs"]}
    return Draft202012Validator(target, format_checker=FormatChecker())


def _depth(value):
    """Nesting depth, counted without recursion (a hostile document cannot exhaust the stack)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def parse_json_bytes(data, what, max_bytes=MAX_JSON_BYTES):
    if len(data) > max_bytes:
        raise DocumentRefused(f"{what} is larger than the {max_bytes // 1024:,} KB allowed.")
    try:
        value = json.loads(data.decode("utf-8"))
    except RecursionError:
        raise DocumentRefused(f"{what} is nested too deeply to be a challenge.") from None
    except (UnicodeDecodeError, ValueError) as error:
        raise DocumentRefused(f"{what} is not valid JSON text ({error}).") from None
    if _depth(value) > MAX_DEPTH:
        raise DocumentRefused(f"{what} is nested too deeply to be a challenge.")
    return value


def _check_format(document, expected, what):
    if not isinstance(document, dict):
        raise DocumentRefused(f"{what} is not a JSON object.")
    if document.get("format") != expected:
        raise DocumentRefused(f"{what} is not a learning challenge {_kind(expected)}.")
    version = document.get("format_version")
    major = str(version).split(".", 1)[0] if version is not None else ""
    # ASCII digits only ("²" is a digit to str.isdigit but not to int), and short enough to read.
    if not (major.isascii() and major.isdigit()):
        raise DocumentRefused(f"{what} does not say which version of the format it uses.")
    if len(major) > MAJOR_DIGITS or int(major) != FORMAT_MAJOR:
        major = major if len(major) <= MAJOR_DIGITS else f"{major[:MAJOR_DIGITS]}…"
        raise DocumentRefused(
            f"{what} uses version {major} of the learning challenge format; this library reads "
            f"version {FORMAT_MAJOR}. Ask the sender for a version {FORMAT_MAJOR} export."
        )
    minor = str(version).split(".", 1)[1] if "." in str(version) else "0"
    return int(minor) if minor.isdigit() else 0


def _kind(expected):
    return "package manifest" if expected == PACKAGE_FORMAT else "document"


def _path(error):
    parts = []
    for part in error.absolute_path:
        parts.append(f"[{part + 1}]" if isinstance(part, int) else f".{part}")
    return "".join(parts).lstrip(".") or "the document"


def _schema_message(error, what):
    where = _path(error)
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"{what}: “{where}” has fields this format does not have: {', '.join(extra)}."
    if error.validator == "required":
        return f"{what}: “{where}” is missing a required field ({error.message.split(' ')[0]})."
    if error.validator == "enum":
        return f"{what}: “{where}” has a value this format does not allow ({error.instance!r})."
    if error.validator == "maxLength":
        return f"{what}: “{where}” is longer than the format allows."
    if error.validator == "oneOf":
        return f"{what}: “{where}” is neither empty nor a valid value."
    return f"{what}: “{where}” is not valid ({error.message[:200]})."


def _without_unknown_fields(document, definition):
    """A newer minor version may add fields: a reader of this version ignores them (dropped
    where the schema says the object has no such field), and checks the rest as usual."""
    for _ in range(MAX_DEPTH):
        errors = list(_validator(definition).iter_errors(document))
        extra = []
        while errors:  # the errors inside a oneOf (e.g. an image or null) are in its context
            error = errors.pop()
            errors.extend(error.context or ())
            if error.validator == "additionalProperties" and isinstance(error.instance, dict):
                known = set(error.schema.get("properties", {}))
                extra.append((error.instance, set(error.instance) - known))
        if not extra:
            break
        for instance, names in extra:
            for name in names:
                instance.pop(name, None)
    # The document's own level is open (schema 1.x), so a newer field there is dropped by name.
    known = set(schema()["$defs"][definition].get("properties", {}))
    for name in set(document) - known if known else ():
        document.pop(name, None)
    return document


def _check(document, definition, what, minor=FORMAT_MINOR):
    if minor > FORMAT_MINOR:
        document = _without_unknown_fields(document, definition)
    errors = sorted(_validator(definition).iter_errors(document), key=lambda e: e.path)
    if errors:
        raise DocumentRefused(_schema_message(errors[0], what))
    return document


def check_challenge(document, what="The challenge document"):
    """A challenge document that matches schema v1, or DocumentRefused saying why not."""
    minor = _check_format(document, FORMAT, what)
    _check(document, "challenge", what, minor)
    low, high = document["duration_min_minutes"], document["duration_max_minutes"]
    if low is not None and high is not None and high < low:
        raise DocumentRefused(f"{what}: the longest time is shorter than the shortest time.")
    return document


def check_manifest(manifest, what="The package's manifest.json"):
    minor = _check_format(manifest, PACKAGE_FORMAT, what)
    return _check(manifest, "manifest", what, minor)
