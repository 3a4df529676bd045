"""An autosave that arrives after a newer "Save draft" is refused in words and writes nothing;
the manual save, the later one, wins (issue 20). The race itself runs in Chromium:
tests/browser/test_concurrent_saves.py."""

import pytest
from django.test import Client
from wagtail.test.utils.form_data import querydict_from_html

from challenges.models import LearningChallengePage
from tests.factories import make_challenge
from tests.home.test_workflow import stream_data


@pytest.fixture
def editor_client(library):
    client = Client()
    client.force_login(library.editor_a1)
    return client


def editor_form(client, page):
    edit_url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    latest = LearningChallengePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for field, value in stream_data(latest).items():
        data[field] = value
    return edit_url, data


def latest_summary(page):
    return LearningChallengePage.objects.get(pk=page.pk).get_latest_revision_as_object().summary


@pytest.mark.django_db
def test_an_autosave_older_than_a_manual_save_is_refused_in_words(library, editor_client):
    draft = make_challenge(
        library.school_a1, "Under the sea", publish=False, user=library.editor_a1
    )
    edit_url, autosave = editor_form(editor_client, draft)
    _, manual = editor_form(editor_client, draft)
    autosave["summary"] = "Fish"
    manual["summary"] = "Fish and crabs"

    assert editor_client.post(edit_url, manual).status_code == 302
    response = editor_client.post(edit_url, autosave, headers={"Accept": "application/json"})

    assert response.status_code == 400
    assert (
        "a newer version of this page was saved a moment ago and is kept"
        in (response.json()["error_message"])
    )
    assert latest_summary(draft) == "Fish and crabs"


@pytest.mark.django_db
def test_an_autosave_overwriting_a_revision_that_is_no_longer_latest_writes_nothing(
    library, editor_client
):
    draft = make_challenge(
        library.school_a1, "Under the sea", publish=False, user=library.editor_a1
    )
    edit_url, data = editor_form(editor_client, draft)
    data["summary"] = "Fish"
    first = editor_client.post(edit_url, data, headers={"Accept": "application/json"})
    assert first.json()["success"] is True
    _, manual = editor_form(editor_client, draft)
    manual["summary"] = "Fish and crabs"
    editor_client.post(edit_url, manual)

    data["summary"] = "Fish, older text"
    data["overwrite_revision_id"] = str(first.json()["revision_id"])
    response = editor_client.post(edit_url, data, headers={"Accept": "application/json"})

    assert response.status_code == 400 and "is kept" in response.json()["error_message"]
    assert latest_summary(draft) == "Fish and crabs"
