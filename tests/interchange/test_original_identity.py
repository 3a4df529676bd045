"""An original is known by where it came from and its uid together: a package can never make a
local challenge (or another source's) its original, and a licence that forbids adapting is never
pulled into an adaptation, whatever a package claims."""

import io
import json

import pytest
from django.urls import reverse
from wagtail.models import Revision

from challenges.interchange.importer import REFUSED, ImportRefused, plan_import, run_import
from challenges.interchange.package import ZipPackage
from challenges.models import LearningChallengePage
from challenges.models.adaptations import adaptation_summary
from challenges.sharing import partner_updates
from challenges.sharing.upstream import original_of, pending_updates
from home.models import PartnerLibrary
from tests.challenges.test_upstream import adapt, publish_change
from tests.interchange.conftest import package_bytes, rewrite_package

pytestmark = pytest.mark.django_db

ELSEWHERE = "https://elsewhere.example.org/"


def claiming(data, uid, **document_fields):
    """The package with its one challenge renamed to `uid` (and fields changed), from ELSEWHERE."""

    def change(entries):
        (name,) = [name for name in entries if name.startswith("challenges/")]
        document = json.loads(entries.pop(name))
        document.update(uid=uid, **document_fields)
        entries[f"challenges/{uid}.json"] = json.dumps(document).encode()
        manifest = json.loads(entries["manifest.json"])
        manifest["source_instance"] = ELSEWHERE
        for entry in manifest["challenges"]:
            entry["uid"] = uid
        entries["manifest.json"] = json.dumps(manifest).encode()

    return rewrite_package(data, change)


def import_bytes(data, school, follow=True):
    package = ZipPackage(io.BytesIO(data))
    try:
        return run_import(package, school, follow=follow)
    finally:
        package.close()


@pytest.fixture
def nd_local(library):
    """A trust-only challenge here under a licence that forbids adapting."""
    return publish_change(library.trust_only, licence="CC-BY-ND-4.0", summary="Alder's own words.")


def test_a_package_claiming_a_local_challenge_is_kept_apart_from_it(client, library, nd_local):
    package = package_bytes(library.trust_c, [library.public])  # any challenge, renamed
    claim = claiming(package, str(nd_local.uid), version=0, licence="CC-BY-4.0", title="Claimed")
    (copy,) = import_bytes(claim, library.school_b1).created

    assert copy.adapted_from["source"] == ELSEWHERE
    assert original_of(copy) is None  # never bound to the local challenge of the same uid
    assert copy.title == "Claimed" and "Alder's own words." not in copy.summary
    assert adaptation_summary(nd_local) == {"schools": 0, "trusts": 0}

    # Nothing offers, or lets anyone pull, the local challenge's content into the copy.
    assert copy.pk not in [a.pk for a, _ in pending_updates()]
    revisions = Revision.page_revisions.filter(object_id=str(copy.pk)).count()
    client.force_login(library.editor_b1)
    assert client.get(reverse("challenges_upstream", args=[copy.pk])).status_code == 404
    assert client.post(reverse("challenges_upstream", args=[copy.pk])).status_code == 404
    assert Revision.page_revisions.filter(object_id=str(copy.pk)).count() == revisions
    draft = LearningChallengePage.objects.get(pk=copy.pk).get_latest_revision_as_object()
    assert draft.summary != "Alder's own words." and draft.licence == "CC-BY-4.0"


def test_a_package_never_updates_a_local_adaptation_of_the_same_uid(client, library):
    ours = adapt(client, library.editor_b1, library.public, library.school_b1)
    package = package_bytes(library.trust_c, [library.partners])
    claim = claiming(package, str(library.public.uid), version=99, title="Someone else's")
    plan = plan_import(ZipPackage(io.BytesIO(claim)), library.school_b1)
    assert [row.action for row in plan.rows] == ["created"]  # not "updated": another source
    import_bytes(claim, library.school_b1)
    ours = LearningChallengePage.objects.get(pk=ours.pk)
    assert ours.get_latest_revision_as_object().title == library.public.title
    assert "source" not in ours.adapted_from


def test_a_package_claiming_an_nd_original_with_follow_is_refused_and_writes_nothing(
    library, nd_local
):
    package = package_bytes(library.trust_c, [library.public])
    claim = claiming(package, str(nd_local.uid), licence="CC-BY-ND-4.0")
    pages = LearningChallengePage.objects.count()
    with pytest.raises(ImportRefused, match="does not allow adapted copies") as refused:
        import_bytes(claim, library.school_b1)
    assert [row.action for row in refused.value.plan.rows] == [REFUSED]
    assert LearningChallengePage.objects.count() == pages


def test_an_original_whose_licence_now_forbids_adapting_is_never_pulled(client, library):
    copy = adapt(client, library.editor_b1, library.partners, library.school_b1)
    publish_change(library.partners, summary="Now no derivatives.", licence="CC-BY-ND-4.0")
    revisions = Revision.page_revisions.filter(object_id=str(copy.pk)).count()

    client.force_login(library.editor_b1)
    page = client.get(reverse("challenges_upstream", args=[copy.pk])).text
    assert "does not allow adapted copies" in page and "Pull into a new draft" not in page
    response = client.post(reverse("challenges_upstream", args=[copy.pk]), follow=True)
    assert "does not allow adapted copies" in response.text
    assert Revision.page_revisions.filter(object_id=str(copy.pk)).count() == revisions
    draft = LearningChallengePage.objects.get(pk=copy.pk).get_latest_revision_as_object()
    assert draft.summary != "Now no derivatives."


def test_the_original_is_credited_to_its_own_school_and_trust(client, library):
    copy = adapt(client, library.editor_b1, library.partners, library.school_b1)
    publish_change(library.partners, summary="Better.")
    client.force_login(library.editor_b1)
    listing = client.get(reverse("challenges_upstream_index")).text
    assert "Partners canaryp pond dipping (Ash Primary, Alder Trust)" in listing
    detail = client.get(reverse("challenges_upstream", args=[copy.pk])).text
    assert "by Ash Primary, Alder Trust" in detail and "Birch Trust" not in detail


def test_a_partners_update_under_a_licence_that_forbids_adapting_is_refused_alone(
    library, monkeypatch
):
    """Two followed originals at one partner improve; one now carries ND. That one is refused
    in words and nothing of it is written; the other still arrives."""
    first = publish_change(library.public, summary="First, as pulled.")
    second = publish_change(library.partners, summary="Second, as pulled.")
    package = package_bytes(library.trust_a, [first, second])
    copies = import_bytes(package, library.school_b1).created
    source_url = copies[0].adapted_from["source"]
    saved = PartnerLibrary(trust=library.trust_b, label="Alder", base_url=source_url)
    saved.set_token("lclp_Zq8w3Jf0s9Kx2VbN7mR4tY6uP1oLkJhGfDsA5eWq7Xc")
    saved.save()

    first = publish_change(first, summary="First, improved.")
    second = publish_change(second, summary="Second, now no derivatives.", licence="CC-BY-ND-4.0")
    newer = package_bytes(library.trust_a, [first, second])
    monkeypatch.setattr(
        partner_updates, "_open_source", lambda url, token: ZipPackage(io.BytesIO(newer))
    )

    arrived, problem = partner_updates.check_library(saved)
    assert arrived == 1 and "does not allow adapted copies" in problem
    by_origin = {c.adapted_from["uid"]: LearningChallengePage.objects.get(pk=c.pk) for c in copies}
    improved = by_origin[str(first.uid)].get_latest_revision_as_object()
    assert improved.summary == "First, improved."  # unedited here: its update arrived by itself
    kept = by_origin[str(second.uid)]
    assert kept.get_latest_revision_as_object().summary == "Second, as pulled."
    assert "upstream" not in kept.adapted_from and kept.adapted_from["licence"] != "CC-BY-ND-4.0"
    saved.refresh_from_db()
    assert saved.last_arrived == 1 and "does not allow adapted copies" in saved.last_problem
