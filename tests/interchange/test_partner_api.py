"""Partner tokens and the interchange list: shown once, stored hashed, scoped to the issuing
trust's public and partner challenges, revocable at once, rate-limited, never in a URL."""

import hashlib
import io
import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage

from challenges.models import ChallengeImage, LearningChallengePage
from home.models import Partnership, PartnerToken, Role
from home.roles import role_group
from tests.factories import make_challenge, make_user

LIST = "/api/interchange/v1/challenges/"


@pytest.fixture
def pull(library):
    cache.clear()  # rate-limit windows must not carry over from another test
    library.birch_public = make_challenge(library.school_b1, "Birch canaryb public", "public")
    library.cedar_public = make_challenge(library.school_c1, "Cedar canaryc public", "public")
    out = io.StringIO()
    call_command("partner_token", "create", "--trust", "alder", "--partner", "birch", stdout=out,
                 stderr=io.StringIO())  # fmt: skip
    library.secret = out.getvalue().strip()
    library.token = PartnerToken.objects.get()
    return library


def get(client, secret, path=LIST, **params):
    return client.get(path, params, HTTP_AUTHORIZATION=f"Bearer {secret}")


def titles(response):
    return {row["title"] for row in response.json()["results"]}


def test_token_is_printed_once_and_stored_hashed(pull):
    assert pull.secret.startswith(PartnerToken.PREFIX) and len(pull.secret) > 40
    row = PartnerToken.objects.filter(pk=pull.token.pk).values().get()
    assert pull.secret not in str(row)
    assert row["digest"] == PartnerToken.digest_of(pull.secret)


def test_token_sees_issuing_trusts_public_and_partner_challenges_only(client, pull):
    response = get(client, pull.secret)
    assert response.status_code == 200
    assert titles(response) == {"Public bug hotel", "Partners canaryp pond dipping"}
    row = response.json()["results"][0]
    assert set(row) >= {"uid", "version", "title", "updated"}
    assert response["Cache-Control"] == "private, no-store"
    assert not response.cookies


def test_each_listed_challenge_carries_what_a_partner_chooses_by(client, pull, library):
    """Summary, year groups and licence: the pull screen shows them beside each result."""
    response = get(client, pull.secret, q="pond dipping")
    (row,) = response.json()["results"]
    pond = library.partners
    assert row["summary"] == pond.summary
    assert row["year_groups"] == pond.year_group_codes and row["year_groups"]
    assert row["licence"] == pond.licence_spdx == "CC-BY-4.0"


def test_the_list_costs_the_same_queries_for_ten_challenges_as_for_two(client, pull, library):
    def queries_for_the_list():
        cache.clear()  # the rate limit's counter stays out of the count
        with CaptureQueriesContext(connection) as queries:
            response = get(client, pull.secret)
        return len(response.json()["results"]), len(queries)

    two = queries_for_the_list()
    for n in range(8):
        make_challenge(library.school_a1, f"Public extra {n}", "public")
    ten = queries_for_the_list()
    assert (two[0], ten[0]) == (2, 10) and ten[1] == two[1]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"q": "pond dipping"}, {"Partners canaryp pond dipping"}),
        ({"q": "canaryt"}, set()),  # trust-only content never shows through search either
        ({"q": "canaryb"}, set()),  # nor another trust's public challenge
        ({"subject": "science"}, {"Public bug hotel", "Partners canaryp pond dipping"}),
        ({"trust": "cedar"}, set()),  # asking for another trust gives nothing of it
    ],
)
def test_search_parameters_go_through_the_filter_form(client, pull, params, expected):
    response = get(client, pull.secret, **params)
    assert response.status_code == 200
    assert titles(response) == expected


def test_bad_filter_value_is_a_clear_400(client, pull):
    response = get(client, pull.secret, key_stage="KS9")
    assert response.status_code == 400
    assert "key_stage" in response.json()["fields"]
    response = get(client, pull.secret, since="last tuesday")
    assert response.status_code == 400 and "since" in response.json()["error"]


def test_since_lists_only_newer_publications(client, pull):
    later = timezone.now() + timedelta(seconds=1)
    assert titles(get(client, pull.secret, since=later.isoformat())) == set()
    revision = pull.public.save_revision()
    revision.publish()
    before = (timezone.now() - timedelta(seconds=30)).isoformat()
    assert "Public bug hotel" in titles(get(client, pull.secret, since=before))


def test_no_token_wrong_token_or_wrong_scheme_is_401(client, pull):
    assert client.get(LIST).status_code == 401
    assert client.get(LIST)["WWW-Authenticate"].startswith("Bearer")
    assert get(client, pull.secret + "x").status_code == 401
    response = client.get(LIST, HTTP_AUTHORIZATION=f"Basic {pull.secret}")
    assert response.status_code == 401


@pytest.mark.parametrize("name", ["token", "access_token", "Token"])
def test_token_in_url_is_refused_even_with_a_good_header(client, pull, name):
    response = get(client, pull.secret, **{name: pull.secret})
    assert response.status_code == 400
    assert "never accepted in a URL" in response.json()["error"]


def test_session_gives_no_access(client, pull):
    client.force_login(pull.superuser)
    assert client.get(LIST).status_code == 401


def test_revoked_by_command_stops_on_the_next_request(client, pull):
    assert get(client, pull.secret).status_code == 200
    call_command("partner_token", "revoke", str(pull.token.pk), stdout=io.StringIO())
    assert get(client, pull.secret).status_code == 401


def test_ended_partnership_stops_the_token(client, pull):
    Partnership.between(pull.trust_a, pull.trust_b).end(None)
    assert get(client, pull.secret).status_code == 401


def test_rate_limit_answers_429_with_retry_after(client, pull, settings):
    settings.PARTNER_TOKEN_RATE_LIMIT = (3, 60)
    statuses = [get(client, pull.secret).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    first_over_the_limit = get(client, pull.secret)
    assert first_over_the_limit.status_code == 429
    assert int(first_over_the_limit["Retry-After"]) > 0


def test_unknown_tokens_are_rate_limited_per_address(client, pull, settings):
    settings.PARTNER_TOKEN_RATE_LIMIT = (2, 60)
    statuses = [get(client, f"lclp_guess{n}").status_code for n in range(3)]
    assert statuses == [401, 401, 429]


def test_command_refuses_trusts_that_are_not_partners(pull):
    with pytest.raises(CommandError, match="not partners"):
        call_command("partner_token", "create", "--trust", "alder", "--partner", "cedar",
                     stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip
    with pytest.raises(CommandError, match="No trust has the slug"):
        call_command("partner_token", "create", "--trust", "alder", "--partner", "nowhere")


def test_trust_admin_creates_sees_once_and_revokes_on_their_screen(client, pull):
    admin_a = make_user("admin_a", role_group(pull.trust_a, Role.Kind.TRUST_ADMIN))
    client.force_login(admin_a)
    response = client.post(
        reverse("trust_admin_create_token", args=[pull.trust_a.pk]),
        {"partner": pull.trust_b.pk, "label": "Birch library"},
    )
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    token = PartnerToken.objects.get(label="Birch library")
    html = response.content.decode()
    secret = re.search(r'id="new-token" value="([^"]+)" readonly data-token', html)[1]
    assert PartnerToken.digest_of(secret) == token.digest
    # With it, the address the partner pastes beside it; each with a button to copy it.
    assert re.search(r'id="our-address" value="http://testserver/" readonly data-our-address', html)
    new_token = html.split("data-new-token>")[1].split("</section>")[0]
    assert new_token.count('data-action="w-clipboard#copy"') == 2
    screen = client.get(reverse("trust_admin", args=[pull.trust_a.pk])).content.decode()
    assert secret not in screen and token.hint in screen

    api = client.__class__()
    assert get(api, secret).status_code == 200
    client.post(reverse("trust_admin_revoke_token", args=[pull.trust_a.pk, token.pk]))
    assert get(api, secret).status_code == 401


def test_trust_admin_cannot_issue_for_a_non_partner_or_revoke_anothers(client, pull):
    admin_c = make_user("admin_c", role_group(pull.trust_c, Role.Kind.TRUST_ADMIN))
    client.force_login(admin_c)
    response = client.post(
        reverse("trust_admin_create_token", args=[pull.trust_c.pk]), {"partner": pull.trust_a.pk}
    )
    assert response.status_code == 400 and not PartnerToken.objects.filter(trust=pull.trust_c)
    response = client.post(
        reverse("trust_admin_revoke_token", args=[pull.trust_c.pk, pull.token.pk])
    )
    assert response.status_code == 404
    assert get(client.__class__(), pull.secret).status_code == 200


def test_detail_is_the_document_for_shared_challenges_only(client, pull):
    response = get(client, pull.secret, f"{LIST}{pull.partners.uid}/")
    assert response.status_code == 200
    document = response.json()
    assert document["uid"] == str(pull.partners.uid) and document["title"] == pull.partners.title
    for hidden in (pull.trust_only, pull.school_only, pull.draft, pull.birch_public):
        assert get(client, pull.secret, f"{LIST}{hidden.uid}/").status_code == 404
    assert client.get(f"{LIST}{pull.partners.uid}/").status_code == 401


def test_assets_are_served_only_when_a_shared_document_names_them(client, pull):
    def with_hero(page, colour, **image_fields):
        buffer = BytesIO()
        PILImage.new("RGB", (40, 30), colour).save(buffer, "PNG")
        image = ChallengeImage(title="Photo", credit="Photo: Ash Primary", **image_fields)
        image.file = ImageFile(buffer, name="photo.png")
        image.save()
        draft = LearningChallengePage.objects.get(pk=page.pk)
        draft.hero_image, draft.hero_image_alt = image, "A bug hotel"
        draft.save_revision().publish()
        return hashlib.sha256(buffer.getvalue()).hexdigest()

    shared = with_hero(pull.public, (10, 120, 60))
    response = get(client, pull.secret, f"/api/interchange/v1/assets/{shared}")
    assert response.status_code == 200
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == shared
    assert response["X-Content-Type-Options"] == "nosniff"
    pupils = with_hero(
        pull.partners, (200, 10, 10), shows_pupils=True, pupil_consent_confirmed=True
    )
    assert get(client, pull.secret, f"/api/interchange/v1/assets/{pupils}").status_code == 404
    hidden = with_hero(pull.trust_only, (10, 10, 200))
    assert get(client, pull.secret, f"/api/interchange/v1/assets/{hidden}").status_code == 404


def test_an_asset_is_found_without_reading_every_shared_challenge(client, pull):
    """The endpoint looks the sha256 up among stored files and reads only the challenges using
    that file: its cost does not grow with the trust's library (it re-serialised every shared
    challenge before)."""
    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), (30, 160, 90)).save(buffer, "PNG")
    image = ChallengeImage(title="Pond", credit="Photo: Alder Primary")
    image.file = ImageFile(buffer, name="pond.png")
    image.save()
    draft = LearningChallengePage.objects.get(pk=pull.public.pk)
    draft.hero_image, draft.hero_image_alt = image, "A pond"
    draft.save_revision().publish()
    path = f"/api/interchange/v1/assets/{image.sha256}"
    missing = "/api/interchange/v1/assets/" + "0" * 64

    def queries(url, status):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert get(client, pull.secret, url).status_code == status
        return len(captured)

    before = queries(path, 200), queries(missing, 404)
    for number in range(8):
        make_challenge(pull.school_a1, f"More alder challenge {number}", "public")
    assert (queries(path, 200), queries(missing, 404)) == before
