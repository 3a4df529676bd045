"""A teacher of school A can neither edit nor see drafts of school B in any admin view."""

import pytest
from django.test import Client

from tests.factories import make_challenge

CANARY = "zebracanary"


@pytest.fixture
def other_drafts(library):
    """Drafts (with a second revision, so compare has two) in another school and another trust."""
    drafts = []
    for parent, name in ((library.school_a2, "aspen"), (library.school_b1, "beech")):
        draft = make_challenge(parent, f"{name} {CANARY} secret plans", "public", publish=False)
        draft.summary = f"Second thoughts {CANARY}"
        draft.save_revision()
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
            body = response.content.decode()
            assert response.status_code != 200 or CANARY not in body, url


LISTING_URLS = [
    "/admin/",
    "/admin/pages/search/?q=secret",
    "/admin/pages/search/results/?q=secret",
    "/admin/choose-page/search/?q=secret",
    "/admin/choose-page/?q=secret",
    "/admin/reports/locked/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/reports/page-types-usage/",
    "/admin/pages/workflows/",
    "/admin/workflows/tasks/index/",
    "/admin/pages/usage/challenges/learningchallengepage/",
]


@pytest.mark.parametrize("url", LISTING_URLS)
def test_listings_and_searches_never_show_another_schools_drafts(
    library, other_drafts, teacher, url
):
    response = teacher.get(url, follow=True)
    assert CANARY not in response.content.decode()


def test_explorer_of_the_trust_does_not_list_other_schools_drafts(library, other_drafts, teacher):
    for parent in (library.school_a2, library.school_b1, library.trust_a, library.trust_b):
        response = teacher.get(f"/admin/pages/{parent.pk}/", follow=True)
        assert CANARY not in response.content.decode()


def test_chooser_still_offers_what_the_teacher_may_read(library, teacher):
    response = teacher.get("/admin/choose-page/search/?q=bug")
    assert "Public bug hotel" in response.content.decode()


def test_the_teacher_sees_their_own_draft(library, teacher):
    response = teacher.get("/admin/pages/search/?q=canaryd")
    assert "Draft canaryd shadows" in response.content.decode()
