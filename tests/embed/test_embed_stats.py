"""Embed usage: counted per challenge, site and UTC day in the cache, flushed to the database,
shown per trust in an admin report."""

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.test import Client, RequestFactory

from challenges.embed_stats import counter
from challenges.embed_stats.counter import (
    UNKNOWN_SITE,
    flush_embed_views,
    pending_embed_views,
    record_embed_view,
)
from challenges.embed_stats.report import build_chart
from challenges.embed_stats.tasks import flush_embed_views_task
from challenges.models import EmbedView
from home.models import Role
from home.roles import role_group
from tests.factories import make_challenge, make_user

BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
HEADLESS_CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/131.0.0.0 Safari/537.36"
)
BOTS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
    "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "Mozilla/5.0 (compatible; SemrushBot-crawler)",
    "python-requests/2.32.3",
    "curl/8.5.0",
    "Wget/1.21.4",
    "Go-http-client/2.0",
    "",
]


@pytest.fixture
def embed_cache(settings):
    """A private LocMemCache per test; the opportunistic flush off unless a test turns it on."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"embed-usage-{uuid.uuid4().hex}",
        }
    }
    settings.EMBED_VIEWS_FLUSH_SECONDS = 0
    return settings


def embed_request(referer=None, user_agent=BROWSER, method="get", **headers):
    if referer is not None:
        headers["HTTP_REFERER"] = referer
    if user_agent is not None:
        headers["HTTP_USER_AGENT"] = user_agent
    return getattr(RequestFactory(), method)("/embed/challenges/x/", **headers)


def view(challenge, referer="https://www.ash-primary.example/learning/", **kwargs):
    return record_embed_view(embed_request(referer, **kwargs), challenge)


def rows():
    return {(row.challenge_id, row.site, row.day): row.views for row in EmbedView.objects.all()}


# Counting -----------------------------------------------------------------------------------


def test_counts_per_host_and_day_without_touching_the_database(
    library, embed_cache, django_assert_num_queries, monkeypatch
):
    today = counter.utc_today()
    with django_assert_num_queries(0):
        assert view(library.public, "https://www.Ash-Primary.example/learning/home?week=3#top")
        assert view(library.public, "https://www.ash-primary.example:8443/other/page")
        assert view(library.public, "http://user:secret@WWW.ASH-PRIMARY.EXAMPLE./")
        assert view(library.public, "https://beech.example/news")
        assert view(library.partners, "https://beech.example/")
        assert view(library.public, "https://bücher.example/")  # IDN: its ASCII form
        assert view(library.public, "http://[2001:DB8::1]:8080/page")
    assert pending_embed_views() == {
        (library.public.pk, "www.ash-primary.example", today): 3,
        (library.public.pk, "beech.example", today): 1,
        (library.partners.pk, "beech.example", today): 1,
        (library.public.pk, "xn--bcher-kva.example", today): 1,
        (library.public.pk, "2001:db8::1", today): 1,
    }
    assert not EmbedView.objects.exists()

    tomorrow = today + timedelta(days=1)
    monkeypatch.setattr(counter, "utc_today", lambda: tomorrow)
    with django_assert_num_queries(0):
        view(library.public, "https://beech.example/")
    assert pending_embed_views()[(library.public.pk, "beech.example", tomorrow)] == 1
    assert pending_embed_views()[(library.public.pk, "beech.example", today)] == 1

    assert flush_embed_views() == 6
    assert rows()[(library.public.pk, "www.ash-primary.example", today)] == 3
    assert rows()[(library.public.pk, "beech.example", tomorrow)] == 1


def test_nothing_personal_is_kept(library, embed_cache):
    view(library.public, "https://www.ash-primary.example/pupils/jo-bloggs?session=abc123")
    flush_embed_views()
    (row,) = EmbedView.objects.all()
    assert row.site == "www.ash-primary.example"
    stored = " ".join(str(value) for value in EmbedView.objects.values_list().get())
    for secret in ("jo-bloggs", "abc123", "pupils", "Chrome"):
        assert secret not in stored


def test_bots_are_ignored_but_headless_chrome_counts(library, embed_cache):
    for user_agent in BOTS:
        assert not view(library.public, user_agent=user_agent), user_agent
    assert not view(library.public, user_agent=None)  # no User-Agent header at all
    assert pending_embed_views() == {}

    assert view(library.public, user_agent=HEADLESS_CHROME)
    assert view(library.public, user_agent="Mozilla/5.0 (Linux; Android 9; CUBOT P40) Chrome/131")
    assert sum(pending_embed_views().values()) == 2


def test_bot_pattern_is_configurable(library, embed_cache):
    embed_cache.EMBED_VIEWS_BOT_PATTERN = r"headless"
    assert not view(library.public, user_agent=HEADLESS_CHROME)
    assert view(library.public, user_agent="Mozilla/5.0 (compatible; Googlebot/2.1)")


def test_head_and_prefetch_requests_are_not_views(library, embed_cache):
    assert not view(library.public, method="head")
    assert not view(library.public, HTTP_SEC_PURPOSE="prefetch;prerender")
    assert not view(library.public, HTTP_PURPOSE="prefetch")
    assert pending_embed_views() == {}


def test_unknown_referers_have_their_own_site_and_our_own_host_is_not_counted(library, embed_cache):
    embed_cache.EMBED_VIEWS_IGNORED_HOSTS = ["library.example.org"]
    assert view(library.public, None)
    assert view(library.public, "")
    assert view(library.public, "not a url at all")
    assert view(library.public, "android-app://com.example.app/")
    assert view(library.public, "https://exa mple.com/")
    assert not view(library.public, "http://testserver/admin/pages/3/edit/")  # this library
    assert not view(library.public, "http://TESTSERVER:8000/")
    assert not view(library.public, "https://library.example.org/")  # configured as ours
    assert pending_embed_views() == {(library.public.pk, UNKNOWN_SITE, counter.utc_today()): 5}


def test_real_embed_requests_are_counted_by_the_view(library, embed_cache):
    """Through the URL a school website's iframe loads: fresh, warm and revalidated views count;
    a missing or non-public uid, a HEAD and a bot do not."""
    url = f"/embed/challenges/{library.public.uid}/"
    school_site = Client(
        HTTP_REFERER="https://www.ash-primary.example/home", HTTP_USER_AGENT=BROWSER
    )
    first = school_site.get(url)
    assert first.status_code == 200
    assert school_site.get(url).status_code == 200  # warm: from the render cache
    assert school_site.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert school_site.head(url).status_code == 200
    assert school_site.get(f"/embed/challenges/{library.school_only.uid}/").status_code == 404
    assert school_site.get(f"/embed/challenges/{uuid.uuid4()}/").status_code == 404
    Client(HTTP_USER_AGENT=BOTS[0], HTTP_REFERER="https://beech.example/").get(url)
    today = counter.utc_today()
    assert pending_embed_views() == {(library.public.pk, "www.ash-primary.example", today): 3}
    flush_embed_views()
    assert rows() == {(library.public.pk, "www.ash-primary.example", today): 3}


def test_a_cache_outage_never_breaks_an_embed_and_loses_no_view(library, embed_cache, monkeypatch):
    def broken_cache():
        raise ConnectionError("cache down")

    monkeypatch.setattr(counter, "_cache", broken_cache)
    assert view(library.public)  # kept in this process: its push to the cache failed
    counter.push_buffered_views()
    assert view(library.public)
    monkeypatch.undo()
    today = counter.utc_today()
    assert pending_embed_views() == {(library.public.pk, "www.ash-primary.example", today): 2}


# Buffered in the process, pushed to the cache at most once per interval -----------------------


def cached_count(challenge, site="www.ash-primary.example"):
    """The count in the cache itself, without pushing this process's views first."""
    key = counter._count_key(counter.utc_today(), challenge.pk, site)
    return counter._cache().get(key) or 0


def test_views_are_pushed_to_the_cache_at_most_once_per_interval(library, embed_cache):
    embed_cache.EMBED_VIEWS_BUFFER_SECONDS = 60
    view(library.public)  # the first view of a process pushes at once
    assert cached_count(library.public) == 1
    for _ in range(9):
        view(library.public)
    assert cached_count(library.public) == 1  # counted in this process, not yet in the cache
    counter.push_buffered_views()
    assert cached_count(library.public) == 10
    counter.push_buffered_views()  # nothing left: a second push adds nothing
    assert cached_count(library.public) == 10


def test_an_idle_process_pushes_its_last_views_within_the_interval(library, embed_cache):
    embed_cache.EMBED_VIEWS_BUFFER_SECONDS = 0.2
    view(library.public)
    for _ in range(3):
        view(library.public)
    deadline = time.monotonic() + 3
    while cached_count(library.public) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)  # no call of ours: the process's background push brings them
    assert cached_count(library.public) == 4


def test_concurrent_views_are_counted_exactly(library, embed_cache):
    embed_cache.EMBED_VIEWS_BUFFER_SECONDS = 0.01  # many pushes race with the views
    request = embed_request("https://www.ash-primary.example/")

    def views(_):
        for _ in range(250):
            record_embed_view(request, library.public.pk)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(views, range(8)))
    today = counter.utc_today()
    assert pending_embed_views() == {(library.public.pk, "www.ash-primary.example", today): 2000}


# Flushing -----------------------------------------------------------------------------------


def test_flush_moves_the_counts_and_a_second_flush_adds_nothing(library, embed_cache):
    for _ in range(4):
        view(library.public)
    view(library.public, "https://beech.example/")
    assert flush_embed_views() == 2
    assert pending_embed_views() == {}
    before = rows()
    assert sum(before.values()) == 5

    assert flush_embed_views() == 0
    assert rows() == before

    view(library.public)  # later views add to the same row (F() increment)
    assert flush_embed_views() == 1
    assert rows()[(library.public.pk, "www.ash-primary.example", counter.utc_today())] == 5
    assert EmbedView.objects.count() == 2


def test_a_flush_already_running_makes_another_return_at_once(library, embed_cache):
    view(library.public)
    counter._cache().add(counter.LOCK_KEY, "someone else", 60)
    assert flush_embed_views() == 0
    assert sum(pending_embed_views().values()) == 1
    counter._cache().delete(counter.LOCK_KEY)
    assert flush_embed_views() == 1


def test_a_failed_database_write_gives_the_counts_back(library, embed_cache, monkeypatch):
    view(library.public)
    view(library.public)

    def failing_write(totals):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(counter, "_write_rows", failing_write)
    with pytest.raises(RuntimeError):
        flush_embed_views()
    assert sum(pending_embed_views().values()) == 2
    monkeypatch.undo()
    assert flush_embed_views() == 1
    assert sum(rows().values()) == 2


def test_views_of_a_deleted_challenge_are_dropped(library, embed_cache):
    doomed = make_challenge(library.school_a1, "Doomed challenge")
    view(doomed)
    view(library.public)
    doomed.delete()
    assert flush_embed_views() == 1
    assert list(rows()) == [(library.public.pk, "www.ash-primary.example", counter.utc_today())]
    assert pending_embed_views() == {}


def test_old_days_are_flushed_then_forgotten(library, embed_cache, monkeypatch):
    today = counter.utc_today()
    monkeypatch.setattr(counter, "utc_today", lambda: today - timedelta(days=3))
    view(library.public)
    monkeypatch.setattr(counter, "utc_today", lambda: today)
    assert flush_embed_views() == 1
    assert counter._cache().get(f"{counter._day_key(today - timedelta(days=3))}:n") is None
    assert flush_embed_views() == 0
    assert sum(rows().values()) == 1


def test_the_opportunistic_flush_runs_at_most_once_per_interval(
    library, embed_cache, django_assert_max_num_queries
):
    embed_cache.EMBED_VIEWS_FLUSH_SECONDS = 60
    view(library.public)  # the first view opens the interval and flushes
    assert sum(rows().values()) == 1
    with django_assert_max_num_queries(0):
        for _ in range(5):
            view(library.public)
    assert sum(rows().values()) == 1
    assert sum(pending_embed_views().values()) == 5

    counter._cache().delete(counter.GATE_KEY)  # the interval has passed
    counter._buffer.next_push = 0  # and so has this process's push interval
    view(library.public)
    assert sum(rows().values()) == 7


def test_management_command_and_task_flush(library, embed_cache, capsys):

    view(library.public)
    call_command("flush_embed_views")
    out, err = capsys.readouterr()
    assert "Flushed embed views into 1 row(s)." in out
    assert "LocMemCache" in err  # warns that another process cannot see per-process counts

    view(library.public, "https://beech.example/")
    result = flush_embed_views_task.enqueue()
    assert result.return_value == 1
    assert sum(rows().values()) == 2


# The admin report ---------------------------------------------------------------------------

REPORT_URL = "/admin/challenges/embed-views/"


@pytest.fixture
def embed_data(library):
    """Views of trust A's public challenge and of a trust B challenge, on distinct sites."""
    library.birch_public = make_challenge(library.school_b1, "Birch canaryb leaf rubbing")
    today = counter.utc_today()
    EmbedView.objects.create(
        challenge=library.public, site="www.ash-primary.example", day=today, views=7
    )
    EmbedView.objects.create(
        challenge=library.public, site="alder-news.example", day=today - timedelta(days=3), views=2
    )
    EmbedView.objects.create(
        challenge=library.public, site="old.example", day=today - timedelta(days=60), views=11
    )
    EmbedView.objects.create(
        challenge=library.birch_public, site="birch-only.example", day=today, views=5
    )
    return library


def report(user, **params):
    client = Client()
    client.force_login(user)
    return client.get(REPORT_URL, params)


def test_a_moderator_sees_their_trusts_sites_and_challenges(embed_data):
    response = report(embed_data.moderator_a)
    assert response.status_code == 200
    body = response.content.decode()
    assert "www.ash-primary.example" in body
    assert "alder-news.example" in body
    assert "Public bug hotel" in body
    assert "old.example" not in body  # 60 days ago: outside the last 30 days
    assert "9 views from" in body
    assert "birch-only.example" not in body
    assert "canaryb" not in body

    body = report(embed_data.moderator_a, days=90).content.decode()
    assert "old.example" in body
    assert "20 views from" in body


def test_a_moderator_never_sees_another_trusts_numbers(embed_data):
    body = report(embed_data.moderator_b).content.decode()
    assert "birch-only.example" in body
    assert "canaryb" in body
    for secret in ("www.ash-primary.example", "alder-news.example", "Public bug hotel"):
        assert secret not in body

    response = report(embed_data.moderator_b, trust=embed_data.trust_a.pk)
    assert response.status_code != 200
    assert "www.ash-primary.example" not in response.content.decode()


def test_a_trust_admin_sees_their_trust_too(embed_data):

    admin_a = make_user("admin_a", role_group(embed_data.trust_a, Role.Kind.TRUST_ADMIN))
    body = report(admin_a).content.decode()
    assert "www.ash-primary.example" in body
    assert "birch-only.example" not in body


def test_school_editors_are_refused(embed_data):
    for user in (embed_data.editor_a1, embed_data.editor_b1):
        response = report(user)
        assert response.status_code in (302, 403)
        assert "www.ash-primary.example" not in response.content.decode()
        assert "birch-only.example" not in response.content.decode()


def test_the_reports_menu_offers_the_report_to_moderators_only(embed_data):
    for user, shown in ((embed_data.moderator_a, True), (embed_data.editor_a1, False)):
        client = Client()
        client.force_login(user)
        assert (REPORT_URL in client.get("/admin/").content.decode()) is shown


def test_a_superuser_sees_every_trust_and_can_pick_one(embed_data):
    body = report(embed_data.superuser).content.decode()
    assert "www.ash-primary.example" in body and "birch-only.example" in body
    assert "All trusts" in body

    body = report(embed_data.superuser, trust=embed_data.trust_b.pk).content.decode()
    assert "birch-only.example" in body
    assert "www.ash-primary.example" not in body


def test_the_chart_is_an_accessible_svg_with_a_table(embed_data):
    body = report(embed_data.moderator_a).content.decode()
    assert '<svg class="embed-views-chart" role="img"' in body
    assert 'aria-labelledby="embed-views-chart-title embed-views-chart-desc"' in body
    assert '<title id="embed-views-chart-title">' in body
    assert "busiest day was" in body
    assert body.count('class="embed-views-bar"') == 2  # two days with views in 30
    assert "Views per day as a table" in body
    assert "<script>" not in body.split('class="embed-views-chart"')[1].split("</svg>")[0]


def test_the_chart_scales_bars_to_the_busiest_day():
    today = date(2026, 11, 22)
    chart = build_chart({today: 10, today - timedelta(days=1): 5}, today - timedelta(29), 30)
    assert len(chart.bars) == 30
    assert chart.max_views == 10 and chart.total == 15
    assert chart.bars[-1].height == chart.plot_height
    assert chart.bars[-2].height == chart.plot_height / 2
    assert chart.bars[-1].y == chart.top
    assert all(bar.height == 0 for bar in chart.bars[:-2])
    assert chart.peak.day == today
