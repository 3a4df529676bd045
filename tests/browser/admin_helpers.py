"""Signing in to the Wagtail admin in a browser test, as a teacher does: through the login form."""

from tests.factories import PASSWORD


def sign_in(page, live_server, user):
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/admin/login/" not in url)


def sign_out(page, live_server):
    page.context.clear_cookies()


def add_challenge_url(live_server, parent, starter="single"):
    return f"{live_server.url}/admin/challenges/new/{parent.pk}/{starter}/"


def open_more_actions(page):
    page.locator("footer .w-dropdown__toggle, [data-w-dropdown-target=toggle]").last.click()


def submit_for_review(page):
    """The editor's "Submit to Trust review" in the footer's More actions menu."""
    open_more_actions(page)
    with page.expect_navigation():
        page.locator("button[name=action-submit]").click()
