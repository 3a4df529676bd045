"""Our client reads a partner's list over real HTTP (a loopback server the settings allow), with
the token in the header, and says in words what went wrong when the partner refuses."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command

from challenges.interchange.client import PartnerClient, PartnerError
from home.models import PartnerToken

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def partner(live_server, library, settings):
    cache.clear()
    port = live_server.url.rsplit(":", 1)[1]
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"localhost:{port}", f"127.0.0.1:{port}"]
    out = io.StringIO()
    call_command("partner_token", "create", "--trust", "alder", "--partner", "birch",
                 stdout=out, stderr=io.StringIO())  # fmt: skip
    library.client = PartnerClient(live_server.url, out.getvalue().strip())
    return library


def test_list_and_search_over_http(partner):
    listing = partner.client.challenges()
    assert {row["title"] for row in listing["results"]} == {
        "Public bug hotel", "Partners canaryp pond dipping",
    }  # fmt: skip
    found = partner.client.challenges(q="pond dipping")
    assert [row["title"] for row in found["results"]] == ["Partners canaryp pond dipping"]


def test_revoked_token_is_explained(partner):
    PartnerToken.objects.get().revoke()
    with pytest.raises(PartnerError, match="refused the token"):
        partner.client.challenges()


def test_rate_limit_is_explained(partner, settings):
    settings.PARTNER_TOKEN_RATE_LIMIT = (1, 60)
    partner.client.challenges()
    with pytest.raises(PartnerError, match="slow down"):
        partner.client.challenges()


def test_a_partner_url_that_is_not_allowed_is_refused_before_any_request(partner, settings):
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = []
    with pytest.raises(PartnerError, match="https"):
        partner.client.challenges()
