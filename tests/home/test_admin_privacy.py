"""A teacher of school A can neither edit nor see drafts of school B in any admin view."""

import pytest
from django.test import Client
from django.utils import timezone

from challenges.models import LearningChallengePage
from home.models import Role
from home.roles import role_group
from tests.factories import make_challenge, make_user

CANARY = "zebracanary"


@pytest.fixture
def other_drafts(library):
    """Drafts (with a second revision, so compare has two) in another school and another trust,
    locked and in review, so the locked-pages and workflow reports have them to list."""
    drafts = []
    for parent, name in ((library.school_a2, "aspen"), (library.school_b1, "beech")):
        draft = make_challenge(parent, f"{name} {CANARY} secret plans", "public", publish=False)
        draft.summary = f"Second thoughts {CANARY}"
        draft.save_revision()
        draft.get_workflow().start(draft, library.superuser)
        LearningChallengePage.objects.filter(pk=draft.pk).update(
            locked=True, locked_by=library.superuser, locked_at=timezone.now()
        )
        drafts.append(draft)
    return drafts


@pytest.fixture
def teacher(library):
    client = Client()
    client.force_login(library.editor_a1)
    return client


def object_urls(page):
    first, last = page.revisions.order_by("pk")[0], page.revisions.order_by("pk").last()
    return [
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/history/results/",
        f"/admin/pages/{page.pk}/revisions/{first.pk}/view/",
        f"/admin/pages/{page.pk}/revisions/compare/{first.pk}...{last.pk}/",
        f"/admin/pages/{page.pk}/revisions/compare/live...{last.pk}/",
        f"/admin/pages/{page.pk}/edit/preview/",
        f"/admin/pages/{page.pk}/view_draft/",
        f"/admin/pages/{page.pk}/workflow_history/",
        f"/admin/pages/{page.pk}/usage/",
        f"/admin/pages/{page.pk}/copy/",
        f"/admin/pages/{page.pk}/move/",
        f"/admin/pages/{page.pk}/delete/",
        f"/admin/pages/{page.pk}/",
        f"/admin/choose-page/{page.get_parent().pk}/",
    ]


def test_object_views_of_another_schools_draft_are_refused(library, other_drafts, teacher):
    for draft in other_drafts:
        for url in object_urls(draft):
            response = teacher.get(url)
            # Refused: Wagtail's "permission denied" (to the dashboard, or the explorer's page for
            # the teacher's own school), or a page that does not name the draft. Never an error.
            assert response.status_code in (200, 302, 404), (url, response.status_code)
            if response.status_code == 302:
                assert response.url == "/admin/" or response.url.startswith(
                    f"/admin/pages/{library.school_a1.pk}/"
                ), (url, response.url)
            assert CANARY not in response.content.decode(), url


# (url, who opens it): each listing opens (200) for that user, so its content is really checked.
LISTING_URLS = [
    ("/admin/", "teacher"),
    ("/admin/pages/search/?q=secret", "teacher"),
    ("/admin/pages/search/results/?q=secret", "teacher"),
    ("/admin/choose-page/search/?q=secret", "teacher"),
    ("/admin/choose-page/?q=secret", "teacher"),
    ("/admin/reports/site-history/", "teacher"),
    ("/admin/reports/aging-pages/", "teacher"),
    ("/admin/reports/workflow/", "teacher"),
    ("/admin/reports/workflow_tasks/", "teacher"),
    ("/admin/pages/usage/challenges/learningchallengepage/", "teacher"),
    # Reports a school editor may not open: a moderator of an unrelated trust may.
    ("/admin/reports/locked/", "outsider_moderator"),
    ("/admin/reports/workflow/", "outsider_moderator"),
]


@pytest.fixture
def outsider_moderator(library):
    """A moderator of trust C, which neither drafting school belongs to."""
    client = Client()
    client.force_login(
        make_user("moderator_c", role_group(library.trust_c, Role.Kind.TRUST_MODERATOR))
    )
    return client


@pytest.mark.parametrize("url,who", LISTING_URLS)
def test_listings_and_searches_never_show_another_schools_drafts(
    library, other_drafts, request, url, who
):
    response = request.getfixturevalue(who).get(url)
    assert response.status_code == 200, url
    assert CANARY not in response.content.decode()


def test_page_types_report_is_for_superusers_only(library, other_drafts, teacher):
    response = teacher.get("/admin/reports/page-types-usage/")
    assert response.status_code == 302 and CANARY not in response.content.decode()


def test_explorer_of_the_trust_does_not_list_other_schools_drafts(library, other_drafts, teacher):
    for parent in (library.school_a2, library.school_b1, library.trust_a, library.trust_b):
        response = teacher.get(f"/admin/pages/{parent.pk}/")
        # Wagtail sends a teacher to their own school rather than another school or trust.
        assert response.status_code == 302
        assert response.url == f"/admin/pages/{library.school_a1.pk}/"
        assert CANARY not in teacher.get(response.url).content.decode()


def test_chooser_still_offers_what_the_teacher_may_read(library, teacher):
    response = teacher.get("/admin/choose-page/search/?q=bug")
    assert "Public bug hotel" in response.content.decode()


def test_the_teacher_sees_their_own_draft(library, teacher):
    response = teacher.get("/admin/pages/search/?q=canaryd")
    assert "Draft canaryd shadows" in response.content.decode()
