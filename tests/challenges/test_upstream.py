"""Upstream updates: a followed original improves; the adapter sees a field-by-field diff and
pulls into a new draft that keeps their own edits. Nothing changes without a person."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from challenges.models import LearningChallengePage
from challenges.sharing.upstream import diff, pending_updates
from home.models import Partnership
from tests.helpers import publish as publish_change


def adapt(client, user, original, school, mode="follow"):
    client.force_login(user)
    client.post(reverse("challenges_adapt", args=[original.pk]), {"into": school.pk, "mode": mode})
    return LearningChallengePage.objects.get(adapted_from__uid=str(original.uid), school=school)


def edit_draft(page, **fields):
    draft = page.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(draft, name, value)
    draft.save_revision()


@pytest.fixture
def followed(client, library):
    copy = adapt(client, library.editor_b1, library.partners, library.school_b1)
    edit_draft(copy, summary="Our own summary for Beech families.", title="Beech pond dipping")
    original = publish_change(
        library.partners,
        summary="A clearer summary from Alder.",
        title="Pond dipping, improved",
        safety_notes="<p>Stay two steps back from the water's edge.</p>",
    )
    library.copy = LearningChallengePage.objects.get(pk=copy.pk)
    library.original = original
    return library


def test_check_upstream_lists_the_adaptation_and_changed_fields(followed):
    out = io.StringIO()
    call_command("check_upstream", stdout=out, stderr=io.StringIO())
    line = out.getvalue()
    assert "Beech Primary" in line and f"→ v{followed.original.version}" in line
    assert "Safety notes" in line and "Summary (both changed)" in line


def test_snapshot_adaptations_are_not_followed(client, library):
    copy = adapt(client, library.editor_b1, library.public, library.school_b1, mode="snapshot")
    publish_change(library.public, summary="Changed upstream.")
    assert copy.pk not in [a.pk for a, _ in pending_updates()]


def test_diff_has_then_now_and_ours(followed):
    changes = {c.name: c for c in diff(followed.copy)}
    assert changes["safety_notes"].state == "theirs"
    assert changes["summary"].state == "both"
    assert (
        changes["summary"].then
        == "Partners canaryp pond dipping: a challenge for the whole family."
    )
    assert changes["summary"].now == "A clearer summary from Alder."
    assert changes["summary"].ours == "Our own summary for Beech families."
    assert changes["activities"].state == "same"


def test_pull_takes_untouched_fields_and_keeps_the_adapters_edits(client, followed):
    copy = followed.copy
    client.force_login(followed.editor_b1)
    page = client.get(reverse("challenges_upstream", args=[copy.pk])).content.decode()
    assert "Our own summary for Beech families." in page and "A clearer summary" in page
    response = client.post(reverse("challenges_upstream", args=[copy.pk]))
    assert response.status_code == 302

    copy = LearningChallengePage.objects.get(pk=copy.pk)
    draft = copy.get_latest_revision_as_object()
    assert "two steps back" in draft.safety_notes  # only the original changed it
    assert draft.summary == "Our own summary for Beech families."  # both changed: ours stays
    assert draft.title == "Beech pond dipping"
    assert not copy.live  # a draft: nothing goes live without review
    # The conflict is not settled, so the update stays listed until someone chooses.
    assert copy.pk in [a.pk for a, _ in pending_updates(followed.editor_b1)]

    client.post(reverse("challenges_upstream", args=[copy.pk]),
                {"choice-summary": "take", "choice-title": "keep"})  # fmt: skip
    copy = LearningChallengePage.objects.get(pk=copy.pk)
    draft = copy.get_latest_revision_as_object()
    assert draft.summary == "A clearer summary from Alder." and draft.title == "Beech pond dipping"
    assert copy.adapted_from["version"] == followed.original.version
    assert copy.pk not in [a.pk for a, _ in pending_updates()]


def test_only_editors_of_the_adaptation_see_its_updates(client, followed):
    for user in (followed.editor_a1, followed.editor_c1):
        client.force_login(user)
        assert (
            client.get(reverse("challenges_upstream", args=[followed.copy.pk])).status_code == 404
        )
        assert pending_updates(user) == []


def test_no_update_is_shown_once_the_partnership_ends(client, followed):
    Partnership.between(followed.trust_a, followed.trust_b).end(None)
    client.force_login(followed.editor_b1)
    assert client.get(reverse("challenges_upstream", args=[followed.copy.pk])).status_code == 404
    assert pending_updates(followed.editor_b1) == []
