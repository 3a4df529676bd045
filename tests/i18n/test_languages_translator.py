"""The translator's path, through the admin: a school editor of the owning school translates a
challenge into Polish with wagtail-localize (its PO file out and in), submits it to the trust's
review like any change, a moderator approves, and families read it; nobody else may."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from challenges.languages.translating import translation_into_locale
from challenges.models import LearningChallengePage

pytestmark = pytest.mark.django_db

POLISH_TITLE = "Hotel dla owadów"
POLISH_STEP = "Znajdź miejsce i zaczynaj."


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def submit_into_polish(client, page):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert client.get(url).status_code == 200
    polish = Locale.objects.get(language_code="pl")
    response = client.post(url, {"locales": [polish.pk]})
    assert response.status_code == 302, response.content.decode()[:500]
    return LearningChallengePage.objects.get(translation_key=page.translation_key, locale=polish)


def po_round_trip(client, translation, strings):
    """Download the PO file, translate the given strings as a volunteer would, upload it."""
    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("pl.po", str(po).encode(), "text/x-gettext-translation")},
    )
    assert upload.status_code == 302


def publish_translation(translation, page, moderator):
    """A moderator's publish of what the translation says now (read afresh: a page object's
    latest revision is the one it was loaded with)."""
    translation.save_target(user=moderator, publish=False)
    LearningChallengePage.objects.get(pk=page.pk).get_latest_revision().publish(user=moderator)


def approve(page, moderator):
    task_state = page.current_workflow_state.current_task_state
    task_state.approve(user=moderator)


def test_a_school_editor_translates_into_polish_and_the_trust_reviews_it(library):
    editor = signed_in(library.editor_a1)
    draft = submit_into_polish(editor, library.public)
    assert not draft.live and draft.url == "/pl" + library.public.url
    # The translation editor (wagtail-localize's) opens for the owning school's editor.
    assert editor.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).status_code == 200

    translation = translation_into_locale(draft)
    po_round_trip(
        editor,
        translation,
        {"Public bug hotel": POLISH_TITLE, "Find a space and begin.": POLISH_STEP},
    )
    # Submitted to the trust's review, like any other change: not live yet.
    # Sent from the translation editor itself, in one click (a form, no screen in between).
    submit_url = reverse("challenges_submit_translation", args=[draft.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert f'<form action="{submit_url}" method="POST">' in editor.get(edit_url).content.decode()
    assert editor.get(submit_url).status_code == 200  # the header's and explorer's link
    submitted = editor.post(submit_url, follow=True)
    assert submitted.redirect_chain == [(edit_url, 302)]
    assert "with the trust's moderators for review" in submitted.content.decode()
    told = [str(message) for message in submitted.context["messages"]]
    # The title and language are isolated: in Urdu, its quotes and brackets stay in place.
    assert told == [
        f"“\u2068{POLISH_TITLE}\u2069” (\u2068Polski\u2069) is with the trust's moderators "
        "for review."
    ]
    draft = LearningChallengePage.objects.get(pk=draft.pk)
    assert draft.workflow_in_progress and not draft.live
    assert Client().get(draft.url).status_code == 404

    approve(draft, library.moderator_a)
    published = LearningChallengePage.objects.get(pk=draft.pk)
    assert published.live and published.title == POLISH_TITLE
    text = Client().get(published.url).content.decode()
    assert POLISH_TITLE in text and POLISH_STEP in text and 'lang="pl"' in text
    embed = Client().get(f"/embed/challenges/{library.public.uid}/?lang=pl").content.decode()
    assert POLISH_TITLE in embed


def test_po_round_trip_changes_a_published_translation(library):
    """Export, edit a segment, import, publish: the change shows."""
    editor = signed_in(library.editor_a1)
    draft = submit_into_polish(editor, library.public)
    translation = translation_into_locale(draft)
    po_round_trip(editor, translation, {"Public bug hotel": POLISH_TITLE})
    publish_translation(translation, draft, library.moderator_a)
    assert POLISH_TITLE in Client().get(draft.url).content.decode()

    po_round_trip(editor, translation, {"Public bug hotel": "Hotel dla robaczków"})
    assert "Hotel dla robaczków" not in Client().get(draft.url).content.decode()  # not yet
    publish_translation(translation, draft, library.moderator_a)
    assert "Hotel dla robaczków" in Client().get(draft.url).content.decode()


def test_other_schools_editors_may_not_translate_or_use_its_po_file(library):
    draft = submit_into_polish(signed_in(library.editor_a1), library.public)
    translation = Translation.objects.get(target_locale=draft.locale)
    for outsider in (library.editor_a2, library.editor_b1, library.editor_c1):
        client = signed_in(outsider)
        download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
        assert download.status_code in (302, 403, 404), outsider
        assert POLISH_TITLE not in download.content.decode()
        submit = client.post(reverse("challenges_submit_translation", args=[draft.pk]))
        assert submit.status_code in (302, 403, 404)
        assert not LearningChallengePage.objects.get(pk=draft.pk).workflow_in_progress
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        assert edit.status_code in (302, 403, 404)


def test_the_translated_school_is_the_same_school(library):
    """The Polish copies of the trust and school carry the same groups' rights and the trust's
    workflow, and get no roles or groups of their own."""
    draft = submit_into_polish(signed_in(library.editor_a1), library.public)
    polish_school = draft.get_parent()
    assert polish_school.get_workflow() == library.trust_a.get_workflow()
    assert polish_school.permissions_for_user(library.editor_a1).can_add_subpage()
    assert not polish_school.permissions_for_user(library.editor_a2).can_add_subpage()
    assert not polish_school.library_roles.exists()
