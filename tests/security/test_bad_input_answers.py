"""Input that once answered 500 (issue 22, "Found" 3): each answers 400 with a message that says
what was wrong, and writes nothing. (Packages that did the same are in the hostile suite,
tests/interchange/test_hostile_packages.py.)"""

import pytest
from django.core.cache import cache
from wagtail.models import Page, Revision

from tests.interchange.test_partner_api import LIST, get, pull  # noqa: F401 (a fixture)

CONFIRM = "/admin/challenges/import/confirm/"
API = "/api/v2/challenges/"


@pytest.mark.django_db
@pytest.mark.parametrize("school", ["abc", "", "9.0", "²"])
def test_import_confirm_with_a_school_that_is_not_an_id_is_a_400_in_words(client, library, school):
    client.force_login(library.editor_b1)
    before = (Page.objects.count(), Revision.objects.count())
    response = client.post(CONFIRM, {"token": "x" * 32, "school": school})
    assert response.status_code == 400
    assert response.content.decode() == "Choose one of your schools to import into."
    assert (Page.objects.count(), Revision.objects.count()) == before


@pytest.mark.django_db
def test_import_confirm_with_a_missing_school_id_is_a_404(client, library):
    client.force_login(library.editor_b1)
    response = client.post(CONFIRM, {"token": "x" * 32, "school": "999999"})
    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "since", ["2025-06-31", "2026-01-01T25:61:00", "2026-01-01T10:00:00+99:00", "2026-13-01"]
)
def test_interchange_list_with_an_impossible_since_is_a_400_in_words(client, pull, since):  # noqa: F811
    response = get(client, pull.secret, since=since)
    assert response.status_code == 400
    assert response.json()["error"] == (
        "'since' must be a date or time such as 2025-09-01T08:00:00Z."
    )


@pytest.mark.django_db
def test_interchange_list_still_takes_a_real_since(client, pull):  # noqa: F811
    response = get(client, pull.secret, since="2025-06-30")
    assert response.status_code == 200
    assert "Public bug hotel" in {row["title"] for row in response.json()["results"]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, message",
    [
        ({"uid": "abc"}, "'abc' is not a valid value for uid."),
        ({"id": "99999999999999999999"}, "is not a valid value for id"),
        ({"offset": "99999999999999999999"}, "offset must be at most 1,000,000."),
        ({"offset": "1" * 5000}, "offset must be at most 1,000,000."),
        ({"offset": "-1"}, "offset must be a positive integer"),
    ],
)
def test_anonymous_api_with_impossible_values_is_a_400_in_words(client, library, params, message):
    cache.clear()
    response = client.get(API, params)
    assert response.status_code == 400
    assert message in response.json()["message"]


@pytest.mark.django_db
def test_api_still_filters_by_a_real_uid(client, library):
    response = client.get(API, {"uid": str(library.public.uid)})
    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == [library.public.title]
