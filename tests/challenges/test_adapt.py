"""Adapt for my school: per role, per licence, and the lineage and counts it leaves behind."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page, Revision

from challenges.filters import ChallengeQuery
from challenges.models import LearningChallengePage
from challenges.models.adaptations import adaptation_summary
from challenges.visibility import anonymous
from home.models import Role
from home.roles import role_group
from search.backends import get_search
from tests.factories import make_challenge, make_user


def adapt_url(page):
    return reverse("challenges_adapt", args=[page.pk])


def adaptations_of(page):
    return LearningChallengePage.objects.filter(adapted_from__uid=str(page.uid))


def test_partner_teacher_adapts_into_their_school(client, library):
    client.force_login(library.editor_b1)
    response = client.get(adapt_url(library.partners))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Beech Primary" in html and "Ash Primary" not in html.split("<fieldset>")[1]

    pages_before = Page.objects.count()
    response = client.post(adapt_url(library.partners), {"into": library.school_b1.pk})
    copy = adaptations_of(library.partners).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[copy.pk])
    assert Page.objects.count() == pages_before + 1
    assert copy.get_parent().pk == library.school_b1.pk
    assert not copy.live and copy.uid != library.partners.uid and copy.version == 1
    assert copy.trust_id == library.trust_b.pk and copy.school_id == library.school_b1.pk
    assert copy.licence == "CC-BY-4.0"
    lineage = copy.adapted_from
    assert lineage["uid"] == str(library.partners.uid)
    assert lineage["title"] == library.partners.title
    assert lineage["trust"] == "Alder Trust" and lineage["version"] == library.partners.version
    assert lineage["url"].endswith(library.partners.url) and lineage["licence"] == "CC-BY-4.0"
    assert lineage["mode"] == "follow"  # the default: hear when the original improves
    assert any("Beech Primary" in name for name in copy.contributor_names)
    # The adapter can go on editing their draft.
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "who, which",
    [
        ("editor_c1", "partners"),  # trust C is nobody's partner
        ("editor_b1", "trust_only"),
        ("editor_a2", "school_only"),  # another school of the same trust
        ("editor_b1", "draft"),
        ("editor_a2", "draft"),
    ],
)
def test_challenge_the_user_may_not_see_answers_404(client, library, who, which):
    client.force_login(getattr(library, who))
    page = getattr(library, which)
    assert client.get(adapt_url(page)).status_code == 404
    school = {"editor_c1": library.school_c1, "editor_b1": library.school_b1}.get(
        who, library.school_a2
    )
    assert client.post(adapt_url(page), {"into": school.pk}).status_code == 404
    assert not adaptations_of(page).exists()


def test_missing_challenge_answers_404_too(client, library):
    client.force_login(library.editor_b1)
    assert client.get(reverse("challenges_adapt", args=[999999])).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, library):
    response = client.post(adapt_url(library.public), {"into": library.school_b1.pk})
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not adaptations_of(library.public).exists()


def test_cannot_adapt_into_a_school_where_the_user_cannot_add(client, library):
    client.force_login(library.editor_b1)
    response = client.post(adapt_url(library.public), {"into": library.school_a1.pk})
    assert response.status_code == 403
    response = client.post(adapt_url(library.public), {"into": "not-a-school"})
    assert response.status_code == 400
    assert not adaptations_of(library.public).exists()


def test_moderator_may_adapt_into_any_school_of_their_trust(client, library):
    client.force_login(library.moderator_a)
    html = client.get(adapt_url(library.public)).content.decode()
    assert "Ash Primary" in html and "Aspen Primary" in html and "Beech Primary" not in html
    client.post(adapt_url(library.public), {"into": library.school_a2.pk})
    assert adaptations_of(library.public).get().school_id == library.school_a2.pk


@pytest.mark.parametrize(
    "spdx, words",
    [
        ("CC-BY-ND-4.0", "not adapting it"),
        ("LicenseRef-All-Rights-Reserved", "All rights are reserved"),
    ],
)
def test_no_derivatives_and_all_rights_reserved_refuse(client, library, spdx, words):
    original = make_challenge(library.school_a1, f"Locked {spdx}", "public", licence=spdx)
    client.force_login(library.editor_b1)
    response = client.get(adapt_url(original))
    assert response.status_code == 200
    html = response.content.decode()
    assert words in html and 'name="into"' not in html
    pages_before, revisions_before = Page.objects.count(), Revision.objects.count()
    response = client.post(adapt_url(original), {"into": library.school_b1.pk})
    assert response.status_code == 403
    assert Page.objects.count() == pages_before and Revision.objects.count() == revisions_before
    assert not adaptations_of(original).exists()


@pytest.mark.parametrize(
    "spdx, allowed, refused",
    [
        ("CC-BY-SA-4.0", ["CC-BY-SA-4.0"], ["CC-BY-4.0", "CC-BY-NC-SA-4.0"]),
        ("CC-BY-NC-SA-4.0", ["CC-BY-NC-SA-4.0"], ["CC-BY-NC-4.0", "CC-BY-4.0"]),
        ("CC-BY-NC-4.0", ["CC-BY-NC-4.0", "CC-BY-NC-SA-4.0"], ["CC-BY-4.0", "OGL-UK-3.0"]),
        ("CC-BY-4.0", ["CC-BY-SA-4.0", "CC-BY-ND-4.0", "OGL-UK-3.0"], []),
        ("OGL-UK-3.0", ["CC-BY-4.0", "CC-BY-NC-4.0"], []),
    ],
)
def test_adaptation_keeps_licence_and_only_compatible_changes(
    client, library, spdx, allowed, refused
):
    original = make_challenge(library.school_a1, f"Open {spdx}", "public", licence=spdx)
    client.force_login(library.editor_b1)
    assert client.post(adapt_url(original), {"into": library.school_b1.pk}).status_code == 302
    copy = adaptations_of(original).get()
    assert copy.licence == spdx  # the adaptation starts with the original's licence
    for choice in allowed:
        copy.licence = choice
        copy.full_clean()
    for choice in refused:
        copy.licence = choice
        with pytest.raises(ValidationError) as error:
            copy.full_clean()
        assert "This is an adaptation" in str(error.value)


def test_adapting_copies_what_is_live_never_a_newer_draft(client, library):
    original = library.public
    draft = original.get_latest_revision_as_object()
    draft.title = "Secret unpublished rewrite"
    draft.save_revision()
    client.force_login(library.editor_b1)
    client.post(adapt_url(original), {"into": library.school_b1.pk})
    copy = adaptations_of(original).get()
    assert copy.title == "Public bug hotel" and copy.draft_title == "Public bug hotel"
    revisions = Revision.page_revisions.filter(object_id=str(copy.pk))
    assert revisions.exists()
    assert not any("Secret unpublished rewrite" in str(r.content) for r in revisions)
    # The editor opens on the latest revision: it credits the adapter too.
    latest = copy.get_latest_revision_as_object()
    assert any("Beech Primary" in name for name in latest.contributor_names)


def test_original_counts_schools_and_trusts_and_most_adapted_uses_it(client, library):
    client.force_login(library.editor_b1)
    client.post(adapt_url(library.public), {"into": library.school_b1.pk})
    client.force_login(library.editor_a2)
    client.post(adapt_url(library.public), {"into": library.school_a2.pk})
    assert adaptation_summary(library.public) == {"schools": 0, "trusts": 0}  # drafts only
    for copy in adaptations_of(library.public):
        copy.save_revision().publish()
    assert adaptation_summary(library.public) == {"schools": 2, "trusts": 2}

    client.logout()
    html = client.get(library.public.url).content.decode()
    assert "Adapted by 2 schools in 2 trusts." in html
    result = get_search().search(ChallengeQuery(sort="most_adapted"), anonymous())
    assert result.results[0]["uid"] == str(library.public.uid)


def test_reachable_from_admin_header_search_and_public_page(client, library):
    link = adapt_url(library.public)
    client.force_login(library.editor_b1)
    assert link in client.get(library.public.url).content.decode()

    # Wagtail's admin search lists only pages the user may explore: a moderator's own trust.
    client.force_login(library.moderator_a)
    results = client.get("/admin/pages/search/", {"q": "Public bug hotel"}).content.decode()
    assert link in results
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[library.public.pk]))
    assert link in edit.content.decode()


def test_anonymous_public_page_has_no_adapt_link_and_no_cookie(client, library):
    response = client.get(library.public.url)
    assert response.status_code == 200
    assert "Adapt for my school" not in response.content.decode()
    assert not response.cookies


def test_no_adapt_link_for_a_licence_that_forbids_it(client, library):
    original = make_challenge(library.school_a1, "No derivatives", "public", licence="CC-BY-ND-4.0")
    client.force_login(library.editor_b1)
    assert "data-adapt-link" not in client.get(original.url).content.decode()


def test_trust_admin_without_a_school_role_is_told_why_and_cannot_adapt(client, library):
    admin = make_user("admin_b", role_group(library.trust_b, Role.Kind.TRUST_ADMIN))
    client.force_login(admin)
    html = client.get(adapt_url(library.partners)).content.decode()
    assert "You cannot add challenges to any school" in html
    assert (
        client.post(adapt_url(library.partners), {"into": library.school_b1.pk}).status_code == 403
    )
    assert not adaptations_of(library.partners).exists()


def test_superuser_may_adapt_into_any_school(client, library):
    client.force_login(library.superuser)
    client.post(adapt_url(library.school_only), {"into": library.school_c1.pk})
    assert adaptations_of(library.school_only).get().school_id == library.school_c1.pk


def test_admin_search_area_finds_partner_challenges_to_adapt(client, library):
    """Wagtail's page search lists only what a teacher may explore; this area lists what they
    may read, partners' challenges included, and nothing more."""
    client.force_login(library.editor_b1)
    url = reverse("challenges_adaptable_search")
    assert (
        "Challenges to adapt" in client.get("/admin/pages/search/", {"q": "pond"}).content.decode()
    )
    html = client.get(url, {"q": "canaryp pond"}).content.decode()
    assert adapt_url(library.partners) in html
    for hidden in ("canaryt", "canarys", "canaryd"):
        html = client.get(url, {"q": hidden}).content.decode()
        assert "No challenge you can read matches" in html and "/adapt/" not in html
    client.force_login(library.editor_c1)
    html = client.get(url, {"q": "canaryp pond"}).content.decode()
    assert adapt_url(library.partners) not in html
