"""Words on admin screens that Wagtail draws for us, where its own showed raw data or spoke of
resetting a password to someone invited who never had one."""

import re

from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.factories import make_challenge


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_admins_page_search_counts_pages_in_words(library):
    make_challenge(library.school_a1, "Second canaryd sketch", "public", publish=False)
    teacher = Client()
    teacher.force_login(library.editor_a1)
    two = text_of(teacher.get("/admin/pages/search/?q=canaryd").content.decode())
    assert "1-2 of 2 pages" in two
    one = text_of(teacher.get("/admin/pages/search/?q=sketch").content.decode())
    assert "1-1 of 1 page " in one
    assert "None" not in two + one


def password_link(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("wagtailadmin_password_reset_confirm", args=[uid, token])


def test_an_invited_person_chooses_a_first_password_in_words_they_understand(library):
    invited = User(username="nia@example.org", email="nia@example.org")
    invited.set_unusable_password()
    invited.save()
    person = Client()
    choose = person.get(password_link(invited), follow=True)
    words = text_of(choose.content.decode())
    assert "Choose your password" in words and "Save my password" in words
    assert "You will sign in as nia@example.org" in words
    assert "Reset password" not in words
    done = person.post(
        choose.redirect_chain[-1][0],
        {"new_password1": "Tadpoles-in-the-pond-42", "new_password2": "Tadpoles-in-the-pond-42"},
        follow=True,
    )
    assert "Your password is saved" in text_of(done.content.decode())
    invited.refresh_from_db()
    assert invited.check_password("Tadpoles-in-the-pond-42")


def test_a_used_link_says_so_and_points_an_invited_person_to_their_trust_admin(library):
    link = password_link(library.editor_a1)
    library.editor_a1.set_password("Something-else-entirely-7")
    library.editor_a1.save()  # the token is made from the password: this link is spent
    words = text_of(Client().get(link, follow=True).content.decode())
    assert "This link no longer works" in words
    assert "ask your trust admin to send the invitation again" in words


def test_someone_who_has_signed_in_before_still_resets_their_password(library):
    library.editor_a1.last_login = timezone.now()
    library.editor_a1.save()
    words = text_of(Client().get(password_link(library.editor_a1), follow=True).content.decode())
    assert "Set your new password" in words and "Choose your password" not in words
