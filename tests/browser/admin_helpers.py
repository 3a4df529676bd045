"""Signing in to the Wagtail admin in a browser test, as a teacher does: through the login form."""

PASSWORD = "correct-horse-battery"  # tests/conftest.py: every test user has it


def sign_in(page, live_server, user):
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/admin/login/" not in url)


def sign_out(page, live_server):
    page.context.clear_cookies()


def add_challenge_url(live_server, parent):
    return f"{live_server.url}/admin/pages/add/challenges/learningchallengepage/{parent.pk}/"
