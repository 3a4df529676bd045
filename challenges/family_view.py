"""What a family sees of a challenge's activities: "My child is in..." (`?year=` on the page, the
embed and the print view) and a weekly project grouped by day.

The one rule for which activities a year group sees lives here (its own age band plus the
all-ages activities); the page, the embed, the print view and the editor's size estimates use it.
"""

from dataclasses import dataclass, field

from challenges.vocabulary import (
    AGE_BAND_OF_YEAR,
    YEAR_GROUP_CHOICES,
    ActivitySubject,
    AgeBand,
    Day,
    Kind,
)

YEAR_LABELS = dict(YEAR_GROUP_CHOICES)
SUBJECT_ORDER = {subject: index for index, subject in enumerate(ActivitySubject.values)}


def year_code(value):
    """The year group code of a `?year=` value ("2", "r", "R"); None for anything else."""
    code = str(value or "").strip().upper()
    return code if code in YEAR_LABELS else None


def band_of_year(code):
    """The activity age band a year group follows (Years 7 to 13: "KS3 and above")."""
    if code not in YEAR_LABELS:
        return None
    return AGE_BAND_OF_YEAR.get(code, AgeBand.KS3_PLUS)


def band_of(activity):
    return activity.get("age_band") or AgeBand.ALL


def activities_for_band(activities, band):
    """What a child of `band` does: its own band's activities and the all-ages ones, in the
    teacher's order. With no band, every activity."""
    if band is None:
        return list(activities)
    return [activity for activity in activities if band_of(activity) in (band, AgeBand.ALL)]


def activities_for_year(activities, year):
    """The activities a `?year=` value shows; an unknown value shows every one."""
    return activities_for_band(activities, band_of_year(year_code(year)))


@dataclass
class DayGroup:
    day: str
    label: str
    activities: list


def by_day(activities):
    """Monday to Friday, then "any order" (activities without a day too); within a day, by
    subject in the starter's order (maths, reading, writing, phonics...), else as written."""
    days = {}
    for activity in activities:
        days.setdefault(activity.get("day") or Day.ANY, []).append(activity)
    return [
        DayGroup(day, Day(day).label, sorted(days[day], key=_subject_position))
        for day in Day.values
        if day in days
    ]


def _subject_position(activity):
    return SUBJECT_ORDER.get(activity.get("subject"), len(SUBJECT_ORDER))


@dataclass
class FamilyView:
    """The activities shown for one `?year=` value, and what the "My child is in..." form offers."""

    year: str | None  # the chosen year group's code; None: every activity
    band: str | None
    activities: list  # shown, in the teacher's order
    days: list | None  # DayGroups when the challenge is read day by day
    year_choices: list = field(default_factory=list)  # (code, label): the challenge's own years
    offers_choice: bool = False  # whether choosing a year changes anything
    left_out: int = 0

    @property
    def year_label(self):
        return YEAR_LABELS.get(self.year)

    @property
    def band_label(self):
        return AgeBand(self.band).label if self.band else ""

    @property
    def query(self):
        """`?year=<code>` to keep the choice on a link (the print button), else ""."""
        return f"?year={self.year}" if self.year else ""


def family_view(challenge, year=None):
    """What a family sees of `challenge` for a `?year=` value (invalid values: every band)."""
    code = year_code(year)
    band = band_of_year(code)
    every = challenge.activity_values
    shown = activities_for_band(every, band)
    grouped = challenge.kind != Kind.SINGLE and any(activity.get("day") for activity in every)
    own = list(challenge.year_group_codes)
    if code and code not in own:  # chosen from a link or another challenge: still shown selected
        own = [other for other in YEAR_LABELS if other in own or other == code]
    return FamilyView(
        year=code,
        band=band,
        activities=shown,
        days=by_day(shown) if grouped else None,
        year_choices=[(other, YEAR_LABELS[other]) for other in own],
        offers_choice=bool(own) and len({band_of(activity) for activity in every}) > 1,
        left_out=len(every) - len(shown),
    )
