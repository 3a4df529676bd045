"""An adaptation says what it is: until first published its editor names the original, its school
and trust, and the fields that speak of the original school; the original's editor says nothing."""

import html

import pytest
from django.urls import reverse

from challenges.models import LearningChallengePage
from home.models import PersonProfile
from tests.challenges.test_upstream import adapt, publish_change

pytestmark = pytest.mark.django_db

BANNER = "Your adaptation of “Partners canaryp pond dipping” by Ash Primary, Alder Trust."


def editor_text(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_adaptation_names_its_original_until_first_published(client, library):
    copy = adapt(client, library.editor_b1, library.partners, library.school_b1)
    shown = editor_text(client, copy)
    assert BANNER in shown
    assert (
        "check what still speaks of the original school, marked “Check this for your school”: "
        "How to share your work, Share hashtag (For families tab); Contributors (Sharing and "
        "licence tab)."
    ) in shown
    # Each of those fields says so where the teacher edits it.
    assert "Check this for your school: it came from Ash Primary's challenge." in shown
    assert "Check this for your school: keep the original's authors credited" in shown
    assert shown.count("adaptation-check") == 3

    copy.get_latest_revision().publish()
    assert "Your adaptation of" not in editor_text(
        client, LearningChallengePage.objects.get(pk=copy.pk)
    )


def test_the_original_says_nothing_of_the_kind(client, library):
    client.force_login(library.editor_a1)
    assert "Your adaptation of" not in editor_text(client, library.partners)


def test_the_adapter_is_credited_by_the_display_name_they_chose(client, library):
    editor = library.editor_b1
    editor.first_name, editor.last_name = "Olive", "Accountname"
    editor.save()
    client.force_login(editor)
    account = client.post(reverse("wagtailadmin_account"), {
        "name_email-first_name": "Olive", "name_email-last_name": "Accountname",
        "name_email-email": editor.email, "locale-preferred_language": "en",
        "theme-theme": "system", "theme-density": "default", "theme-contrast": "system",
        "display_name-display_name": "Mrs K.",
    })  # fmt: skip
    assert account.status_code == 302  # saved (a form error would answer 200)
    assert PersonProfile.display_name_of(editor) == "Mrs K."

    copy = adapt(client, editor, library.partners, library.school_b1)
    assert "Mrs K., Beech Primary" in copy.contributor_names
    copy.get_latest_revision().publish()
    public = client.get(LearningChallengePage.objects.get(pk=copy.pk).url).text
    assert "Mrs K., Beech Primary" in public
    assert "Accountname" not in public and editor.username not in public


def test_without_a_display_name_the_school_alone_is_credited(client, library):
    copy = adapt(client, library.editor_b1, library.partners, library.school_b1)
    names = copy.contributor_names
    assert "Beech Primary" in names
    assert not any(library.editor_b1.username in name for name in names)


def test_a_licence_that_forbids_adapting_says_so_and_whom_to_ask(client, library):
    library.trust_a.contact_email = "office@alder.example.org"
    library.trust_a.save_revision().publish()
    page = publish_change(library.public, licence="CC-BY-ND-4.0")
    shown = html.unescape(client.get(page.url).content.decode())
    assert "This licence does not allow adapted copies." in shown
    assert "To ask Alder Trust for permission, write to" in shown
    assert 'href="mailto:office@alder.example.org"' in shown

    open_page = publish_change(library.public, licence="CC-BY-4.0")
    assert "does not allow adapted copies" not in client.get(open_page.url).content.decode()
