"""Pulling more than one page, and more than a few challenges, from a partner's library: a
teacher of Birch searches Oak's library (a second server on loopback whose list pages hold two
challenges), checks every matching challenge across its pages, and, above the background
threshold, watches the import on the status screen. One second server for the module."""

import re

import pytest
from django.urls import reverse

from challenges.interchange.tasks import get_status
from challenges.models import LearningChallengePage
from home.models import PartnerLibrary
from tests.interchange.partner_instance import MORE_PUBLIC, Partner

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# "public" matches three of the four shared challenges, over two pages of two.
PUBLIC = ["Oak public rain gauge", "Oak public sun dial", "Oak public weather vane"]


@pytest.fixture(scope="module")
def partner(tmp_path_factory):
    partner = Partner(tmp_path_factory.mktemp("partner"), rate_limit=200)
    partner.env["INTERCHANGE_PARTNER_PAGE_SIZE"] = "2"
    partner.seed()
    partner.manage("shell", "-c", MORE_PUBLIC)
    try:
        partner.start()
        yield partner
    finally:
        partner.stop()


@pytest.fixture
def oak(partner, library, settings):
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]
    settings.INTERCHANGE_BACKGROUND_IMPORT_AT = 2
    saved = PartnerLibrary(trust=library.trust_b, label="Oak Trust", base_url=partner.url + "/")
    saved.set_token(partner.new_token())
    saved.save()
    return saved


def listed(response):
    return re.findall(r'<label for="pick-[^"]+">([^<]+)</label>', response.text)


def hidden(response):
    """The confirmation form's hidden fields, as the browser would post them."""
    form = re.search(
        r'<form action="[^"]*/confirm/" method="POST">(.*?)</form>', response.text, re.S
    )
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form[1]))


def imported():
    return LearningChallengePage.objects.filter(adapted_from__isnull=False).order_by("title")


def press_check_all(client, oak, school, **search):
    """Search, then press "Check all N matching challenges": (the results, the answer)."""
    found = client.get(reverse("interchange_pull"), {"library": oak.pk, **search})
    form = re.search(r'<form action="[^"]*/check/" method="POST">(.*?)</form>', found.text, re.S)
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form[1]))
    data.update(all="1", school=school.pk)
    return found, client.post(reverse("interchange_pull_check"), data)


def check_all(client, oak, school, **search):
    """Above the threshold the dry run is a task: the browser is sent to the status screen,
    which shows its summary."""
    found, checked = press_check_all(client, oak, school, **search)
    assert checked.status_code == 302 and "/challenges/import/status/" in checked.url
    return found, client.get(checked.url)


def test_all_matching_challenges_on_every_page_import_in_the_background(client, library, oak):
    client.force_login(library.editor_b1)
    found, summary = check_all(client, oak, library.school_b1, q="public")
    # The results show the partner's first page and offer the rest.
    assert len(listed(found)) == 2 and "More results" in found.text
    assert "Check all 3 matching challenges" in found.text
    # The dry run (a task: three is over the threshold of two) names all three, from both pages,
    # and writes nothing.
    assert summary.status_code == 200 and "What this import will do" in summary.text
    assert summary.text.count("Will be created as a draft") == 3
    for title in PUBLIC:
        assert title in summary.text
    assert "leaf rubbing" not in summary.text  # shared, but not matching
    assert not imported().exists()

    # A task imports them too; the status screen follows it.
    done = client.post(reverse("interchange_pull_confirm"), hidden(summary))
    assert done.status_code == 302 and "/challenges/import/status/" in done.url
    status = client.get(done.url)
    assert "Finished: 3 created, 0 updated, 0 kept for review" in status.text
    assert "Importing in the background" in status.text
    drafts = re.findall(r'<li><a href="[^"]+">([^<]+)</a> \(new draft\)</li>', status.text)
    assert sorted(drafts) == PUBLIC
    pages = list(imported())
    assert [page.title for page in pages] == PUBLIC
    assert all(not page.live and page.get_parent().pk == library.school_b1.pk for page in pages)
    assert all(page.adapted_from["source"] == oak.base_url for page in pages)
    # The status screen is the starter's alone.
    client.force_login(library.moderator_b)
    assert client.get(done.url).status_code == 404


def test_at_or_under_the_threshold_a_pull_stays_on_the_page(client, library, oak):
    client.force_login(library.editor_b1)
    found = client.get(reverse("interchange_pull"), {"library": oak.pk})
    uids = re.findall(r'<label for="pick-([^"]+)">', found.text)
    assert len(uids) == 2  # the first of the partner's pages
    choice = {"library": oak.pk, "uid": uids, "school": library.school_b1.pk}
    done = client.post(reverse("interchange_pull_confirm"), choice)
    assert done.status_code == 200 and "Imported as drafts" in done.text
    assert imported().count() == 2


def test_a_background_pull_refused_says_why_and_writes_nothing(client, library, oak, partner):
    client.force_login(library.editor_b1)
    _found, summary = check_all(client, oak, library.school_b1)
    assert summary.text.count("Will be created as a draft") == 4
    # Between the dry run and the confirmation, Oak revokes the token.
    newest = partner.manage("partner_token", "list").splitlines()[0].split("\t", 1)[0]
    partner.manage("partner_token", "revoke", newest)
    done = client.post(reverse("interchange_pull_confirm"), hidden(summary))
    status = client.get(done.url)
    assert "refused the token" in status.text and "Finished" not in status.text
    assert not imported().exists()


UIDS = """
from challenges.interchange.tasks import get_status
from challenges.models import LearningChallengePage
for title in {titles!r}:
    print(LearningChallengePage.objects.get(title=title).uid)
"""


@pytest.fixture(scope="module")
def strict_partner(tmp_path_factory):
    """A partner answering each token at most twice every two seconds."""
    partner = Partner(tmp_path_factory.mktemp("strict"), rate_limit=2)
    partner.env.update(INTERCHANGE_PARTNER_PAGE_SIZE="2", PARTNER_TOKEN_RATE_WINDOW="2")
    partner.seed()
    partner.manage("shell", "-c", MORE_PUBLIC)
    try:
        partner.start()
        yield partner
    finally:
        partner.stop()


@pytest.fixture
def strict_oak(strict_partner, library, settings):
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{strict_partner.port}"]
    settings.INTERCHANGE_BACKGROUND_IMPORT_AT = 2
    saved = PartnerLibrary(trust=library.trust_b, label="Oak", base_url=strict_partner.url + "/")
    saved.set_token(strict_partner.new_token())
    saved.save()
    return saved


def test_a_background_pull_waits_out_the_partners_rate_limit(
    client, library, strict_partner, strict_oak
):
    uids = strict_partner.manage("shell", "-c", UIDS.format(titles=PUBLIC)).split()
    client.force_login(library.editor_b1)
    # Two list pages and three documents: five requests where two per two seconds are answered.
    choice = {"library": strict_oak.pk, "uids": ",".join(uids), "school": library.school_b1.pk}
    done = client.post(reverse("interchange_pull_confirm"), choice)
    status = client.get(done.url)
    assert "Finished: 3 created" in status.text, status.text
    assert [page.title for page in imported()] == PUBLIC
    # While reading (and waiting) the task told the status screen how many it had read.
    assert get_status(done.url.rstrip("/").rsplit("/", 1)[1])["read"] == 3


def test_a_large_dry_run_waits_out_the_partners_rate_limit_too(client, library, strict_oak):
    client.force_login(library.editor_b1)
    # A first list page, then the task's two list pages and three documents: more requests than
    # the partner answers at once, and no "slow down" for the teacher.
    _found, summary = check_all(client, strict_oak, library.school_b1, q="public")
    assert "slow down" not in summary.text.lower()
    assert summary.text.count("Will be created as a draft") == 3
    assert not imported().exists()
    # Confirming imports exactly what the dry run listed.
    done = client.post(reverse("interchange_pull_confirm"), hidden(summary))
    assert "Finished: 3 created" in client.get(done.url).text
    assert [page.title for page in imported()] == PUBLIC


def test_another_teacher_cannot_open_a_dry_run(client, library, oak):
    client.force_login(library.editor_b1)
    _found, checked = press_check_all(client, oak, library.school_b1)
    client.force_login(library.moderator_b)
    assert client.get(checked.url).status_code == 404
