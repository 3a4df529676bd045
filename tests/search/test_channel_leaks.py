"""The widget, list, feed and API leak tests on every search implementation (Elasticsearch
included): nothing non-public or draft reaches them, whatever the session."""

import pytest
from django.test import Client

from tests.embed.test_leaks_and_xss import CANARIES, routes


@pytest.mark.parametrize("cookies", ["anonymous", "teacher"])
def test_no_channel_reveals_non_public_or_draft_challenges(implementation, db, request, cookies):
    library = request.getfixturevalue("library")  # published once the implementation is set
    client = Client()
    if cookies == "teacher":
        client.force_login(library.editor_a1)
    for url in routes(library):
        response = client.get(url)
        body = response.content.decode().lower()
        for canary in CANARIES:
            assert canary not in body, (implementation, url, canary)
        assert response.status_code in (200, 404), url
    cards = client.get("/embed/challenges.json").json()["results"]
    assert {card["title"] for card in cards} == {library.public.title}
