"""The site tree keeps its shape: Home > Trust > School > Challenge (or Trust > Challenge)."""

import pytest

from challenges.models import LearningChallengePage
from home.models import HomePage, SchoolPage, TrustPage


@pytest.mark.parametrize(
    "child, parent, allowed",
    [
        (TrustPage, HomePage, True),
        (SchoolPage, TrustPage, True),
        (LearningChallengePage, SchoolPage, True),
        (LearningChallengePage, TrustPage, True),  # trust-wide challenges
        (SchoolPage, HomePage, False),
        (LearningChallengePage, HomePage, False),
        (TrustPage, TrustPage, False),
        (TrustPage, SchoolPage, False),
        (SchoolPage, SchoolPage, False),
        (LearningChallengePage, LearningChallengePage, False),
    ],
)
def test_page_types_only_sit_where_the_tree_allows(child, parent, allowed):
    assert (child in parent.allowed_subpage_models()) is allowed
    assert (parent in child.allowed_parent_page_models()) is allowed


def test_there_is_one_home_page(home_page):
    assert HomePage.can_create_at(home_page.get_parent()) is False


def test_challenge_url_is_trust_school_challenge(library):
    assert library.public.url == "/alder/ash/public-bug-hotel/"


def test_admin_refuses_a_challenge_directly_under_home(library, client):
    client.force_login(library.superuser)
    response = client.get(f"/admin/pages/add/challenges/learningchallengepage/{library.home.pk}/")
    # Wagtail answers a refused page type by sending the user back to the dashboard.
    assert response.status_code == 302 and response.url == "/admin/"
