"""The embed views report's figures: who may see which trusts, totals per day, site and
challenge, and the geometry of its bar chart."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Sum

from challenges.embed_stats import counter
from challenges.models import EmbedView
from home.models import TrustPage
from home.roles import trusts_run_by

REPORT_PERIODS = (30, 90)
TABLE_LIMIT = 100


def report_trusts_for(user):
    """Trusts whose embed views the user may see: every trust for a superuser; else the trusts
    the user moderates or administers (school editors get none)."""
    if not (user.is_authenticated and user.is_active):
        return TrustPage.objects.none()
    if user.is_superuser:
        return TrustPage.objects.all()
    return trusts_run_by(user)


def may_see_report(user):
    return report_trusts_for(user).exists()


@dataclass
class Bar:
    day: date
    views: int
    x: float
    y: float
    width: float
    height: float


@dataclass
class Chart:
    """Geometry of a server-side SVG bar chart of views per day (no JavaScript)."""

    width: int
    height: int
    left: int
    top: int
    plot_width: int
    plot_height: int
    bars: list
    max_views: int
    total: int
    peak: Bar | None

    @property
    def baseline(self):
        return self.top + self.plot_height

    @property
    def right(self):
        return self.left + self.plot_width

    @property
    def middle(self):
        return self.top + self.plot_height / 2

    @property
    def half_views(self):
        return self.max_views / 2

    @property
    def label_y(self):
        return self.baseline + 18

    @property
    def first(self):
        return self.bars[0]

    @property
    def last(self):
        return self.bars[-1]

    @property
    def first_label_x(self):
        return self.first.x

    @property
    def last_label_x(self):
        return self.last.x + self.last.width


def build_chart(per_day, start, days, width=720, height=240):
    left, top, right, bottom = 56, 12, 12, 32
    plot_width, plot_height = width - left - right, height - top - bottom
    max_views = max(per_day.values(), default=0)
    scale_max = max(max_views, 1)
    slot = plot_width / days
    bar_width = max(slot * 0.75, 1)
    bars = []
    for index in range(days):
        day = start + timedelta(days=index)
        views = per_day.get(day, 0)
        bar_height = round(plot_height * views / scale_max, 2)
        bars.append(
            Bar(
                day=day,
                views=views,
                x=round(left + index * slot + (slot - bar_width) / 2, 2),
                y=round(top + plot_height - bar_height, 2),
                width=round(bar_width, 2),
                height=bar_height,
            )
        )
    peak = max((bar for bar in bars if bar.views), key=lambda bar: bar.views, default=None)
    return Chart(
        width=width,
        height=height,
        left=left,
        top=top,
        plot_width=plot_width,
        plot_height=plot_height,
        bars=bars,
        max_views=max_views,
        total=sum(bar.views for bar in bars),
        peak=peak,
    )


def embed_view_report(trust_ids, days, today=None):
    """Views per day, per site and per challenge over the last `days` UTC days.

    `trust_ids` None means every trust (superusers only).
    """
    today = today or counter.utc_today()
    start = today - timedelta(days=days - 1)
    rows = EmbedView.objects.filter(day__gte=start, day__lte=today)
    if trust_ids is not None:
        rows = rows.filter(challenge__trust_id__in=list(trust_ids))
    per_day = {
        entry["day"]: entry["views"]
        for entry in rows.values("day").annotate(views=Sum("views")).order_by()
    }
    sites = list(
        rows.values("site")
        .annotate(views=Sum("views"), challenges=Count("challenge", distinct=True))
        .order_by("-views", "site")
    )
    challenges = list(
        rows.values("challenge_id", "challenge__title")
        .annotate(views=Sum("views"), sites=Count("site", distinct=True))
        .order_by("-views", "challenge__title")
    )
    return {
        "start": start,
        "end": today,
        "chart": build_chart(per_day, start, days),
        "sites": sites[:TABLE_LIMIT],
        "site_count": len(sites),
        "challenges": challenges[:TABLE_LIMIT],
        "challenge_count": len(challenges),
        "table_limit": TABLE_LIMIT,
    }
