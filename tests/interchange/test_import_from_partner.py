"""`manage.py import_challenges <partner URL> --token <token>`: the same dry run and atomic import
as a package, read over real HTTP from a loopback partner the settings allow; every refusal is
worded for a teacher and writes nothing."""

import io
import socket
import threading

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError

from challenges.models import ChallengeImage, LearningChallengePage
from home.models import PartnerToken
from tests.interchange.conftest import rich_challenge

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def partner(live_server, library, settings):
    cache.clear()
    port = live_server.url.rsplit(":", 1)[1]
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"localhost:{port}", f"127.0.0.1:{port}"]
    library.rich = rich_challenge(library.school_a1, "Bug hotel builders")
    out = io.StringIO()
    call_command("partner_token", "create", "--trust", "alder", "--partner", "birch",
                 stdout=out, stderr=io.StringIO())  # fmt: skip
    library.token = out.getvalue().strip()
    library.url = live_server.url
    return library


def pull(url, *args):
    out = io.StringIO()
    call_command("import_challenges", url, "--into", "beech", *args, stdout=out)
    return out.getvalue()


def imported():
    return LearningChallengePage.objects.filter(adapted_from__isnull=False).order_by("title")


def test_dry_run_lists_the_partners_shared_challenges_and_writes_nothing(partner):
    images_before = ChallengeImage.objects.count()
    out = pull(partner.url, "--token", partner.token, "--dry-run")
    assert "Bug hotel builders" in out and "Public bug hotel" in out
    assert "Partners canaryp pond dipping" in out
    assert "canaryt" not in out and "canarys" not in out and "canaryd" not in out
    assert "Dry run: nothing was imported." in out
    assert not imported().exists()
    assert ChallengeImage.objects.count() == images_before


def test_pull_lands_drafts_with_assets_and_follows_the_partner(partner, monkeypatch):
    monkeypatch.setenv("INTERCHANGE_PARTNER_TOKEN", partner.token)
    out = pull(partner.url + "/api/interchange/v1/challenges/", "--follow")
    assert "3 created" in out
    pages = list(imported())
    assert [p.title for p in pages] == [
        "Bug hotel builders", "Partners canaryp pond dipping", "Public bug hotel",
    ]  # fmt: skip
    assert all(not p.live and p.get_parent().slug == "beech" for p in pages)
    rich = pages[0]
    assert rich.adapted_from["uid"] == str(partner.rich.uid)
    assert rich.adapted_from["mode"] == "follow"
    assert rich.adapted_from["source"] == partner.url + "/"
    # The hero picture travelled byte for byte.
    with rich.hero_image.file.open("rb") as ours, partner.rich.hero_image.file.open("rb") as theirs:
        assert ours.read() == theirs.read()
    # Pulling again makes no duplicate.
    pull(partner.url)
    assert imported().count() == 3


def test_a_wrong_or_revoked_token_is_refused_in_words(partner):
    with pytest.raises(CommandError, match="refused the token"):
        pull(partner.url, "--token", "not-a-token")
    PartnerToken.objects.get().revoke()
    with pytest.raises(CommandError, match="refused the token"):
        pull(partner.url, "--token", partner.token)
    assert not imported().exists()


def test_rate_limit_is_refused_in_words_and_writes_nothing(partner, settings):
    settings.PARTNER_TOKEN_RATE_LIMIT = (2, 60)
    with pytest.raises(CommandError, match="slow down"):
        pull(partner.url, "--token", partner.token)
    assert not imported().exists()
    assert not ChallengeImage.objects.filter(collection__name__icontains="beech").exists()


def test_the_token_is_never_read_from_the_url(partner):
    with pytest.raises(CommandError, match="Never put the token in the address"):
        pull(f"{partner.url}/?token={partner.token}")
    with pytest.raises(CommandError, match="--token"):
        pull(partner.url)


def test_a_url_that_is_not_allowed_is_refused(partner, settings):
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = []
    with pytest.raises(CommandError, match="https"):
        pull(partner.url, "--token", partner.token)
    with pytest.raises(CommandError, match="loopback"):
        pull("https://127.0.0.1:9/", "--token", partner.token)


def test_a_partner_that_never_answers_is_a_timeout(library, settings):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    accepted = []
    thread = threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True)
    thread.start()
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{port}"]
    settings.INTERCHANGE_PARTNER_TIMEOUT = 1.0
    try:
        with pytest.raises(CommandError, match="took too long"):
            pull(f"http://127.0.0.1:{port}/", "--token", "anything")
    finally:
        for connection, _ in accepted:
            connection.close()
        listener.close()
