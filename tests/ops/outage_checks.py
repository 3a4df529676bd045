"""What every outage test checks: public paths keep serving, each within the budget, and a
teacher's publish through the admin is kept. Timings are printed (run with -s to see them)."""

import time

from django.test import Client

from challenges.models import LearningChallengePage
from tests.home.test_workflow import submit_through_editor

BUDGET_SECONDS = 2.0  # DESIGN: pages and embeds keep serving within 2 s while a service is down
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"
SCHOOL = "https://www.ash-primary.example/learning/"


def public_paths(challenge):
    return {
        "challenge page": challenge.url,
        "home page": "/",
        "embed": f"/embed/challenges/{challenge.uid}/",
        "widget JSON": "/embed/challenges.json?q=bug",
        "search page": "/search/?q=bug",
    }


def timed_get(client, url):
    started = time.monotonic()
    response = client.get(url, HTTP_REFERER=SCHOOL, HTTP_USER_AGENT=BROWSER)
    return response, time.monotonic() - started


def assert_public_paths_serve(challenge, label, must_show=None, budget=BUDGET_SECONDS):
    """Each public path answers 200 within the budget (asserted per request while a service is
    down; `budget=None` when all are up, where first renders may make thumbnails); returns the
    seconds each took. `must_show`: a text the challenge page and embed must contain."""
    client = Client()
    seconds = {}
    for name, url in public_paths(challenge).items():
        response, seconds[name] = timed_get(client, url)
        assert response.status_code == 200, f"{name} {url}: {response.status_code}"
        assert budget is None or seconds[name] < budget, f"{name} took {seconds[name]:.2f} s"
        if must_show and name in ("challenge page", "embed"):
            assert must_show in response.content.decode(), f"{name} lacks {must_show!r}"
    print(
        f"\n[outage timings] {label}: "
        + ", ".join(f"{name} {1000 * value:.0f} ms" for name, value in seconds.items())
    )
    return seconds


def publish_retitled_through_admin(moderator, challenge, title):
    """The moderator retitles and publishes the challenge in the page editor; returns the
    response and the seconds it took."""
    client = Client()
    client.force_login(moderator)
    started = time.monotonic()
    response = submit_through_editor(client, challenge, action="action-publish", title=title)
    seconds = time.monotonic() - started
    print(f"\n[outage timings] publish through the admin: {1000 * seconds:.0f} ms")
    return response, seconds


def live_title(challenge):
    return LearningChallengePage.objects.get(pk=challenge.pk).title


def healthz(client=None):
    response = (client or Client()).get("/healthz")
    return response.status_code, response.json()


def admin_dashboard(user):
    """The admin's dashboard as `user` sees it (where service notices are shown)."""
    client = Client()
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()
