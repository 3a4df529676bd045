"""The admin pull screen against a real second instance: a teacher of Birch searches the partner
library its trust admin saved (Oak's, on another server, read with the token Oak gave), ticks
challenges, sees the dry run, and imports them as drafts; the periodic check asks the same saved
library. One second server for the whole module; each test its own token."""

import html
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from challenges.models import LearningChallengePage
from home.models import PartnerLibrary, Role
from home.roles import role_group
from tests.factories import SchoolPageFactory, make_challenge, make_user
from tests.helpers import free_port
from tests.interchange.partner_instance import REPUBLISH, Partner

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHARED = ["Oak partners leaf rubbing", "Oak public rain gauge"]
CANARIES = ("canaryt", "canarys", "canaryd", "canaryp", "canarye")


@pytest.fixture(scope="module")
def partner(tmp_path_factory):
    partner = Partner(tmp_path_factory.mktemp("partner"), rate_limit=40)
    partner.seed()
    try:
        partner.start()
        yield partner
    finally:
        partner.stop()


@pytest.fixture
def oak(partner, library, settings):
    """Oak's library as Birch's trust admin saved it, with a token of its own."""
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]
    saved = PartnerLibrary(trust=library.trust_b, label="Oak Trust", base_url=partner.url + "/")
    saved.set_token(partner.new_token())
    saved.save()
    return saved


def search(client, library, **params):
    return client.get(reverse("interchange_pull"), {"library": library.pk, **params})


def listed(response):
    return re.findall(r'<label for="pick-[^"]+">([^<]+)</label>', response.text)


def uid_of(response, title):
    return re.search(rf'<label for="pick-([^"]+)">{re.escape(title)}</label>', response.text)[1]


def row_cells(response, uid):
    """One result row as a person reads it: the text of each cell."""
    row = re.search(rf'<tr data-uid="{uid}">(.*?)</tr>', response.text, re.S)[1]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split()) for cell in cells]


def imported():
    return LearningChallengePage.objects.filter(adapted_from__isnull=False).order_by("title")


def test_search_finds_only_the_issuing_trusts_shared_challenges(client, library, oak):
    client.force_login(library.editor_b1)
    response = search(client, oak)
    assert response.status_code == 200
    assert sorted(listed(response)) == SHARED
    assert "Oak Trust" in response.text  # the partner's trust, as the partner names it
    for canary in CANARIES:
        assert canary not in response.text
    # The partner's own search: words, and filters that match nothing.
    assert listed(search(client, oak, q="rain")) == ["Oak public rain gauge"]
    assert listed(search(client, oak, key_stage="KS5")) == []
    # The school list offers only Birch's schools where the teacher may add pages.
    assert f'<option value="{library.school_b1.pk}">Beech Primary' in response.text
    assert "Ash Primary" not in response.text and "Cherry Primary" not in response.text


def test_dry_run_writes_nothing_then_confirm_lands_drafts(client, library, oak):
    client.force_login(library.editor_b1)
    found = search(client, oak)
    gauge = uid_of(found, "Oak public rain gauge")
    leaves = uid_of(found, "Oak partners leaf rubbing")
    choice = {
        "library": oak.pk, "uid": [gauge, leaves], "follow": [gauge],
        "school": library.school_b1.pk,
    }  # fmt: skip
    summary = client.post(reverse("interchange_pull_check"), choice)
    assert summary.status_code == 200
    assert summary.text.count("Will be created as a draft") == 2
    assert "Follows the original" in summary.text and "Snapshot" in summary.text
    assert not imported().exists()

    done = client.post(reverse("interchange_pull_confirm"), choice)
    assert done.status_code == 200 and "Imported as drafts" in done.text
    pages = {page.title: page for page in imported()}
    assert sorted(pages) == SHARED
    assert all(not page.live and page.get_parent().pk == library.school_b1.pk
               for page in pages.values())  # fmt: skip
    assert pages["Oak public rain gauge"].adapted_from["mode"] == "follow"
    assert pages["Oak partners leaf rubbing"].adapted_from["mode"] == "snapshot"
    assert pages["Oak public rain gauge"].adapted_from["source"] == oak.base_url
    # The same pull again makes no duplicate: the summary says it is already here.
    again = client.post(reverse("interchange_pull_check"), choice)
    assert again.text.count("Already imported: nothing to do") == 2
    assert imported().count() == 2


def test_a_revoked_token_is_explained_in_words(client, library, oak, partner):
    listed_tokens = partner.manage("partner_token", "list")
    newest = listed_tokens.splitlines()[0].split("\t", 1)[0]
    partner.manage("partner_token", "revoke", newest)
    client.force_login(library.editor_b1)
    response = search(client, oak)
    assert response.status_code == 200
    assert "refused the token" in response.text and "Ask their trust admin" in response.text
    choice = {"library": oak.pk, "uid": ["9c4f3f7e-2a56-4e55-9d5e-0a3f8f1b2c3d"],
              "school": library.school_b1.pk}  # fmt: skip
    summary = client.post(reverse("interchange_pull_check"), choice)
    assert summary.status_code == 200 and "refused the token" in summary.text
    assert "Import as drafts" not in summary.text
    assert not imported().exists()


def test_the_periodic_check_asks_the_saved_library(client, library, oak, partner):
    client.force_login(library.editor_b1)
    gauge = uid_of(search(client, oak), "Oak public rain gauge")
    client.post(reverse("interchange_pull_confirm"), {
        "library": oak.pk, "uid": [gauge], "follow_all": "1", "school": library.school_b1.pk,
    })  # fmt: skip
    copy = imported().get()
    version = int(partner.manage("shell", "-c", REPUBLISH).splitlines()[-1])
    assert version > copy.adapted_from["version"]

    err = io.StringIO()
    call_command("check_upstream", stdout=io.StringIO(), stderr=err)  # no --partner, no --token
    assert "Oak Trust (Birch Trust): 1 newer version(s) arrived." in err.getvalue()
    copy = LearningChallengePage.objects.get(pk=copy.pk)
    assert copy.adapted_from["version"] == version and not copy.live
    assert "empty it after storms" in copy.get_latest_revision_as_object().safety_notes
    oak.refresh_from_db()
    assert oak.last_checked_at is not None and oak.last_problem == ""


def test_each_result_says_what_it_is_and_whether_it_is_already_here(client, library, oak, partner):
    client.force_login(library.editor_b1)
    gauge = uid_of(search(client, oak), "Oak public rain gauge")
    _tick, challenge, years, licence, version, here, _follow = row_cells(
        search(client, oak, q="rain"), gauge
    )
    summary = "Oak public rain gauge: a challenge for the whole family."
    assert challenge == f"Oak public rain gauge {summary}"
    assert (years, licence, here) == ("Year 3, Year 4", "Creative Commons Attribution 4.0", "No")
    number = re.fullmatch(r"(\d+), \d{1,2} [A-Z][a-z]{2} \d{4}", version)[1]  # and the day

    # Copies that are not this library's: the same uid from another source, here a local
    # challenge, and another school's copy the teacher may not add to, are not "already here".
    elsewhere = make_challenge(library.school_b1, "Elsewhere's gauge", "trust")
    elsewhere.adapted_from = {"uid": gauge, "source": "https://elsewhere.example/", "version": 1}
    elsewhere.save()
    other_school = SchoolPageFactory(parent=library.trust_b, title="Birch Other Primary")
    theirs = make_challenge(other_school, "Other school's gauge", "trust")
    theirs.adapted_from = {"uid": gauge, "source": oak.base_url, "version": 1}
    theirs.save()
    assert row_cells(search(client, oak, q="rain"), gauge)[5] == "No"

    # Pulled into Beech Primary: the row says so, and that the copy is a draft.
    client.post(reverse("interchange_pull_confirm"), {
        "library": oak.pk, "uid": [gauge], "follow": [gauge], "school": library.school_b1.pk,
    })  # fmt: skip
    here = row_cells(search(client, oak, q="rain"), gauge)[5]
    assert here == f"Yes, in Beech Primary (version {number}, a draft)"  # not the other school's

    # The original changes at Oak: the row says the copy here is older.
    newer = int(partner.manage("shell", "-c", REPUBLISH).splitlines()[-1])
    here = row_cells(search(client, oak, q="rain"), gauge)[5]
    assert here == f"Yes, in Beech Primary (version {number}, a draft): version {newer} is newer"


@pytest.fixture
def birch_admin(library):
    return make_user("admin_b", role_group(library.trust_b, Role.Kind.TRUST_ADMIN))


def save_library(client, library, **data):
    """The trust admin's "Save partner library", then the screen it leads back to."""
    url = reverse("trust_admin_add_library", args=[library.trust_b.pk])
    return client.post(url, {"label": "Oak Trust", **data}, follow=True)


def test_saving_a_library_tries_it_and_says_how_many_challenges_it_shares(
    client, library, partner, birch_admin, settings
):
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]
    client.force_login(birch_admin)
    screen = save_library(client, library, base_url=partner.url, token=partner.new_token())
    assert "Oak Trust saved." in screen.text
    assert "It answers: 2 challenges shared with Birch Trust." in screen.text
    assert PartnerLibrary.objects.get().last_problem == ""


@pytest.mark.parametrize(
    "address, token, words",
    [
        ("{url}", "lclp_" + "x" * 40, "The partner refused the token"),
        ("{url}/not-a-library/", None, "answers, but there is no partner library there"),
        ("http://127.0.0.1:{closed}/", None, "could not be reached (nothing answers at that"),
    ],
)
def test_a_library_that_does_not_answer_is_saved_and_says_why(
    client, library, partner, birch_admin, settings, address, token, words
):
    closed = free_port()
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}", f"127.0.0.1:{closed}"]
    client.force_login(birch_admin)
    address = address.format(url=partner.url, closed=closed)
    screen = save_library(client, library, base_url=address, token=token or partner.new_token())
    assert screen.status_code == 200
    said = html.unescape(screen.text)
    # Kept (the token cannot be shown again to paste later), and the problem said in words now
    # and kept beside the library on the screen until it answers.
    assert "Oak Trust saved." in said and "But it does not answer yet." in said and words in said
    assert "Errno" not in said
    saved = PartnerLibrary.objects.get()
    assert words in saved.last_problem
    row = re.search(r'<tr data-library="Oak Trust">(.*?)</tr>', screen.text, re.S)[1]
    assert words in html.unescape(row)

    # Put right (the right address and token): it answers, and the problem is gone.
    edit = reverse("trust_admin_edit_library", args=[library.trust_b.pk, saved.pk])
    fixed = client.post(
        edit, {"label": "Oak Trust", "base_url": partner.url, "token": partner.new_token()},
        follow=True,
    )  # fmt: skip
    assert "It answers: 2 challenges shared with Birch Trust." in fixed.text
    assert PartnerLibrary.objects.get().last_problem == ""
