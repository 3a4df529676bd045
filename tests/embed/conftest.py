import pytest
from django.test import Client

from tests.factories import make_challenge


@pytest.fixture
def teacher_client(library):
    """A browser carrying a logged-in teacher's cookies (school A1: sees every level there)."""
    client = Client()
    client.force_login(library.editor_a1)
    return client


@pytest.fixture
def science(library):
    """A second public challenge, science in KS1, in another trust."""
    return make_challenge(
        library.school_b1, "Kitchen science: rainbow milk", year_codes=["1", "2"],
        subjects=["science"], summary="Colours swirl in milk.",
    )  # fmt: skip
