"""The token screen in Chromium: Alder's trust admin creates a token for Birch and copies the two
things Birch needs, our library's address and the token, with their Copy buttons; Birch's trust
admin pastes them and the library answers at once (here both trusts share one instance, so the
address is this server's)."""

from urllib.parse import urlsplit

from admin_helpers import sign_in, sign_out

from home.models import PartnerLibrary, Role
from home.roles import role_group
from tests.factories import make_user


def copy(page, label):
    """Press the Copy button of a field; what the clipboard then holds."""
    button = page.get_by_role("button", name=f"Copy {label}")
    button.click()
    page.wait_for_function("b => b.textContent.trim() === 'Copied'", arg=button.element_handle())
    return page.evaluate("navigator.clipboard.readText()")


def test_the_token_screen_gives_the_address_and_the_token_to_copy(
    live_server, page, library, settings, console
):
    host = urlsplit(live_server.url).netloc
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [host]  # the "partner" is this very server
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    admin_a = make_user("admin_a", role_group(library.trust_a, Role.Kind.TRUST_ADMIN))
    admin_b = make_user("admin_b", role_group(library.trust_b, Role.Kind.TRUST_ADMIN))

    sign_in(page, live_server, admin_a)
    page.get_by_role("link", name="People and partners").click()
    tokens = page.locator("section[aria-labelledby=tokens-heading]")
    tokens.get_by_label("Partner trust").select_option(label="Birch Trust")
    tokens.get_by_role("button", name="Create token").click()
    page.locator("[data-new-token]").wait_for()
    page.screenshot(path="/tmp/token-screen.png", full_page=True)
    address = copy(page, "our library's address")
    assert address == live_server.url + "/"
    token = copy(page, "token")
    assert token.startswith("lclp_") and len(token) > 40
    sign_out(page, live_server)

    sign_in(page, live_server, admin_b)
    page.get_by_role("link", name="People and partners").click()
    section = page.locator("section[aria-labelledby=libraries-heading]")
    section.get_by_label("Label").fill("Alder Trust")
    section.get_by_label("Address of their library").fill(address)
    section.get_by_label("Token").fill(token)
    section.get_by_role("button", name="Save partner library").click()
    page.get_by_text("It answers: 2 challenges shared with Birch Trust.").wait_for()
    assert PartnerLibrary.objects.get(label="Alder Trust").last_problem == ""
    assert not console.errors, console.errors
