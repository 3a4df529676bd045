"""Two real instances: a second server process on loopback, with its own SQLite database and
media folder, seeded through its own manage.py; this instance (the test database) pulls from it
over HTTP with a partner token. Scope, revocation and rate limit are the partner's, seen here as
a teacher sees them: in the command's words."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from challenges.models import LearningChallengePage
from challenges.sharing.upstream import diff
from tests.helpers import publish
from tests.interchange.partner_instance import REPUBLISH, SEED, TRANSLATE, TRANSLATED, Partner

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def partner(tmp_path, settings):
    partner = Partner(tmp_path, rate_limit=40)
    partner.migrate()
    partner.manage("shell", "-c", SEED.format(port=partner.port))
    partner.token = partner.manage("partner_token", "create", "--trust", "oak", "--partner", "pine")
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]
    try:
        partner.start()
        yield partner
    finally:
        partner.stop()


def pull(partner, *args):
    cache.clear()
    out = io.StringIO()
    call_command("import_challenges", partner.url, "--token", partner.token, "--into", "beech",
                 *args, stdout=out)  # fmt: skip
    return out.getvalue()


def imported():
    return LearningChallengePage.objects.filter(adapted_from__isnull=False).order_by("title")


def test_pull_from_another_instance(partner, library, client):
    # Scope: only the issuing trust's public and partner challenges travel.
    out = pull(partner, "--follow")
    assert [page.title for page in imported()] == [
        "Oak partners leaf rubbing", "Oak public rain gauge",
    ]  # fmt: skip
    for canary in ("canaryt", "canarys", "canaryd", "canaryp", "canarye"):
        assert canary not in out
    gauge = imported().get(title="Oak public rain gauge")
    assert gauge.adapted_from["source"] == partner.url + "/"
    assert not gauge.live and gauge.get_parent().slug == "beech"

    # Upstream: we edit our copy; the partner improves the original and republishes it.
    draft = gauge.get_latest_revision_as_object()
    draft.summary = "Our own words for Beech families."
    draft.save_revision()
    version = int(partner.manage("shell", "-c", REPUBLISH).splitlines()[-1])
    assert version > gauge.adapted_from["version"]
    cache.clear()
    out, err = io.StringIO(), io.StringIO()
    call_command("check_upstream", "--partner", partner.url, "--token", partner.token,
                 stdout=out, stderr=err)  # fmt: skip
    assert f"“Oak public rain gauge” (Beech Primary): original v{version - 1} → v{version}" in (
        out.getvalue()
    )
    assert "Safety notes" in out.getvalue() and "Summary" not in out.getvalue()
    gauge = LearningChallengePage.objects.get(pk=gauge.pk)
    states = {change.name: change.state for change in diff(gauge)}
    assert states["safety_notes"] == "theirs" and states["summary"] == "ours"
    # The adapter sees it in the admin, with the diff, and pulls into a new draft there.
    client.force_login(library.editor_b1)
    assert "Oak public rain gauge" in client.get(reverse("challenges_upstream_index")).text
    shown = client.get(reverse("challenges_upstream", args=[gauge.pk])).text
    assert "Safety notes" in shown and "empty it after storms" in shown
    assert client.post(reverse("challenges_upstream", args=[gauge.pk])).status_code == 302
    pulled = LearningChallengePage.objects.get(pk=gauge.pk).get_latest_revision_as_object()
    assert pulled.safety_notes == (
        "<p>Keep the gauge away from the road and empty it after storms.</p>"
    )
    assert pulled.summary == "Our own words for Beech families."
    assert not LearningChallengePage.objects.get(pk=gauge.pk).live
    assert LearningChallengePage.objects.get(pk=gauge.pk).adapted_from["version"] == version

    # Revocation on the partner: the next pull is refused, and nothing is written here.
    listed = partner.manage("partner_token", "list")
    token_id = listed.split("\t", 1)[0]
    partner.manage("partner_token", "revoke", token_id)
    with pytest.raises(CommandError, match="refused the token"):
        pull(partner, "--dry-run")
    assert imported().count() == 2


def test_translations_travel_to_another_instance(partner, library, client):
    """The partner's published translations arrive with its challenge, as draft translations of
    our copy; once our school publishes them, families here read them."""
    partner.manage("shell", "-c", TRANSLATE.format(**TRANSLATED))
    out = pull(partner)
    assert "canarys" not in out
    gauge = imported().get(title="Oak public rain gauge")
    translations = {
        page.locale.language_code: page
        for page in LearningChallengePage.objects.translations_of(gauge)
    }
    assert set(translations) == {"pl", "ur"}  # the school-only one's stayed at home
    polish = translations["pl"].get_latest_revision_as_object()
    assert polish.title == TRANSLATED["polish"]
    assert TRANSLATED["polish_safety"] in polish.safety_notes
    assert translations["ur"].get_latest_revision_as_object().title == TRANSLATED["urdu"]
    assert not translations["pl"].live
    publish(gauge, visibility="public")
    polish = publish(translations["pl"])
    page = client.get(polish.url)
    assert page.status_code == 200 and TRANSLATED["polish"] in page.text
    assert "canarys" not in "".join(
        LearningChallengePage.objects.exclude(locale__language_code="en-gb").values_list(
            "title", flat=True
        )
    )


def test_rate_limit_of_the_other_instance(tmp_path, library, settings):
    partner = Partner(tmp_path, rate_limit=2)
    partner.migrate()
    partner.manage("shell", "-c", SEED.format(port=partner.port))
    partner.token = partner.manage("partner_token", "create", "--trust", "oak", "--partner", "pine")
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]
    try:
        partner.start()
        with pytest.raises(CommandError, match="slow down"):
            pull(partner)
    finally:
        partner.stop()
    assert not imported().exists()
