"""Two real instances, activity by activity: Oak's library (a second server on loopback) has a
weekly project; this instance pulls it, following the original, into four schools. Oak changes
Monday's activity. Beech changed Wednesday's: both survive with no question. The three others
changed Monday's too: each is asked once, and "take the original's", "keep mine" and "keep both"
each do what they say. The original is credited to Oak's school and trust throughout."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from challenges.models import LearningChallengePage
from challenges.sharing.upstream import compare, pending_updates
from tests.interchange.partner_instance import SEED, Partner

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WEEK = """
make_challenge(acorn, "Oak week under the sea", "public", activities=[
    ("activity", {"title": f"{day}: Maths", "age_band": "ks1", "needs_screen": False,
                  "body": f"<p>On {day}, count the fish.</p>"})
    for day in ("Monday", "Tuesday", "Wednesday")
])
"""
CHANGE_MONDAY = """
from challenges.models import LearningChallengePage
page = LearningChallengePage.objects.get(title="Oak week under the sea")
draft = page.get_latest_revision_as_object()
raw = draft.activities.get_prep_value()
raw[0]["value"]["body"] = "<p>On Monday, count the crabs in twos.</p>"
draft.activities = raw
draft.save_revision().publish()
print(LearningChallengePage.objects.get(pk=page.pk).version)
"""
THEIRS = "<p>On Monday, count the crabs in twos.</p>"


@pytest.fixture
def partner(tmp_path, settings):
    partner = Partner(tmp_path, rate_limit=100)
    partner.migrate()
    partner.manage("shell", "-c", SEED.format(port=partner.port) + WEEK)
    partner.token = partner.new_token()
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [f"127.0.0.1:{partner.port}"]
    try:
        partner.start()
        yield partner
    finally:
        partner.stop()


def follow_into(partner, school):
    cache.clear()
    call_command("import_challenges", partner.url, "--token", partner.token, "--into",
                 school.slug, "--follow", stdout=io.StringIO())  # fmt: skip
    return LearningChallengePage.objects.child_of(school).get(title="Oak week under the sea")


def edit_activity(page, position, body):
    draft = LearningChallengePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    raw = draft.activities.get_prep_value()
    raw[position]["value"]["body"] = body
    draft.activities = raw
    draft.save_revision()


def bodies(page):
    draft = LearningChallengePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return [str(block.value["body"]) for block in draft.activities]


def test_both_sides_edits_survive_and_a_clash_asks_once(partner, library, client):
    schools = {
        "no clash": (library.school_b1, library.editor_b1),
        "theirs": (library.school_c1, library.editor_c1),
        "ours": (library.school_a2, library.editor_a2),
        "both": (library.school_a1, library.editor_a1),
    }
    copies = {name: follow_into(partner, school) for name, (school, _) in schools.items()}
    ids = [block.id for block in copies["no clash"].activities]
    assert all([b.id for b in copy.activities] == ids for copy in copies.values())

    edit_activity(copies["no clash"], 2, "<p>On Wednesday, count the fish at Beech pond.</p>")
    for name in ("theirs", "ours", "both"):
        edit_activity(copies[name], 0, f"<p>On Monday, count the shells ({name}).</p>")
    version = int(partner.manage("shell", "-c", CHANGE_MONDAY).splitlines()[-1])
    cache.clear()
    call_command("check_upstream", "--partner", partner.url, "--token", partner.token,
                 stdout=io.StringIO(), stderr=io.StringIO())  # fmt: skip

    # No clash: one row per changed activity, nothing to choose; both edits are in the draft.
    copy, (_, editor) = copies["no clash"], schools["no clash"]
    client.force_login(editor)
    listing = client.get(reverse("challenges_upstream_index")).text
    assert "Oak week under the sea (Acorn Primary, Oak Trust)" in listing
    screen = client.get(reverse("challenges_upstream", args=[copy.pk])).text
    assert "by Acorn Primary, Oak Trust" in screen and "Birch Trust" not in screen
    assert screen.count("<tr data-activity=") == 2 and 'type="radio"' not in screen
    assert "['" not in screen and "&lt;p&gt;" not in screen
    client.post(reverse("challenges_upstream", args=[copy.pk]))
    assert bodies(copy) == [THEIRS, "<p>On Tuesday, count the fish.</p>",
                            "<p>On Wednesday, count the fish at Beech pond.</p>"]  # fmt: skip
    copy = LearningChallengePage.objects.get(pk=copy.pk)
    assert copy.adapted_from["version"] == version and not copy.live

    # A clash: asked once, for Monday only; each answer does what it says.
    expected = {
        "theirs": [THEIRS],
        "ours": ["<p>On Monday, count the shells (ours).</p>"],
        "both": ["<p>On Monday, count the shells (both).</p>", THEIRS],
    }
    for answer, monday in expected.items():
        copy, (_, editor) = copies[answer], schools[answer]
        client.force_login(editor)
        update = compare(LearningChallengePage.objects.get(pk=copy.pk))
        assert [m.id for m in update.activities if m.state == "both"] == [ids[0]]
        screen = client.get(reverse("challenges_upstream", args=[copy.pk])).text
        assert screen.count("Both changed: choose") == 1
        client.post(reverse("challenges_upstream", args=[copy.pk]), {f"activity-{ids[0]}": answer})
        assert bodies(copy) == [*monday, "<p>On Tuesday, count the fish.</p>",
                                "<p>On Wednesday, count the fish.</p>"]  # fmt: skip
        assert copy.pk not in [a.pk for a, _ in pending_updates(editor)]
        assert not LearningChallengePage.objects.get(pk=copy.pk).live
