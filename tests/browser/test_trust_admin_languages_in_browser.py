"""A trust admin adds a language families read, in Chromium, from the trust admin's screen
("People and partners"); a school editor's "Translate this page" then offers it."""

from admin_helpers import sign_in, sign_out
from wagtail.models import Locale

from home.models import Role
from home.roles import role_group
from tests.factories import make_user


def test_a_trust_admin_adds_turkish_and_a_teacher_can_translate_into_it(
    live_server, page, console, library
):
    admin = make_user("admin_a", role_group(library.trust_a, Role.Kind.TRUST_ADMIN))
    sign_in(page, live_server, admin)
    with page.expect_navigation():
        page.get_by_role("link", name="People and partners").click()
    section = page.locator("section[aria-labelledby=languages-heading]")
    section.scroll_into_view_if_needed()
    assert "اردو (Urdu)" in section.inner_text()

    # One careless click adds nothing.
    with page.expect_navigation():
        section.get_by_role("button", name="Add language").click()
    section = page.locator("section[aria-labelledby=languages-heading]")
    assert "Choose a language." in section.inner_text()
    section.screenshot(path="/tmp/trust-admin-language-error.png")
    section.get_by_label("Language").select_option(label="Türkçe (Turkish)")
    with page.expect_navigation():
        section.get_by_role("button", name="Add language").click()
    page.locator("section[aria-labelledby=languages-heading]").screenshot(
        path="/tmp/trust-admin-language-added.png"
    )
    assert "Türkçe (Turkish) is added" in page.locator(".messages").inner_text()
    assert Locale.objects.filter(language_code="tr").exists()

    sign_out(page, live_server)
    sign_in(page, live_server, library.editor_a1)
    page.goto(f"{live_server.url}/admin/pages/{library.public.pk}/edit/")
    page.get_by_role("button", name="Actions").first.click()
    with page.expect_navigation():
        page.get_by_role("link", name="Translate this page").click()
    assert page.get_by_label("Türkçe", exact=True).count() == 1
    # The careless click's answer is a 400 (a form with errors), which Chromium logs; nothing else.
    others = [error for error in console.errors if "status of 400" not in error]
    assert not others, others
