"""Starting points offered by "New challenge": a single challenge, a weekly project, a long project.

A weekly project asks which age bands it serves and starts with a slot for maths, reading,
writing and phonics on each day from Monday to Friday, for each band. A slot nobody filled in
(its title untouched, nothing under "What to do") is left out when the challenge is submitted, so
a teacher fills the days they need and no more.
"""

from django.utils.html import strip_tags

from challenges.vocabulary import AGE_BAND_OF_YEAR, ActivitySubject, AgeBand, Day, Kind

WEEKDAYS = [Day.MONDAY, Day.TUESDAY, Day.WEDNESDAY, Day.THURSDAY, Day.FRIDAY]
WEEKLY_SUBJECTS = [
    ActivitySubject.MATHS,
    ActivitySubject.READING,
    ActivitySubject.WRITING,
    ActivitySubject.PHONICS,
]


class Starter:
    def __init__(self, slug, label, description, kind, activities=(), asks_age_bands=False):
        self.slug = slug
        self.label = label
        self.description = description
        self.kind = kind
        self.activities = list(activities)
        # A weekly project serves siblings: it asks for its bands and makes the slots for each.
        self.asks_age_bands = asks_age_bands

    def activities_for(self, age_bands=()):
        return weekly_slots(age_bands) if self.asks_age_bands and age_bands else self.activities


def slot_title(day, subject):
    return f"{Day(day).label}: {ActivitySubject(subject).label}"


def weekly_slots(age_bands=(AgeBand.ALL,)):
    """A slot per day, subject and band, in the week's order: Monday's maths for each band first."""
    return [
        {
            "title": slot_title(day, subject),
            "day": day.value,
            "subject": subject.value,
            "age_band": AgeBand(band).value,
            "needs_screen": False,
            "body": "",
        }
        for day in WEEKDAYS
        for subject in WEEKLY_SUBJECTS
        for band in age_bands
    ]


STARTERS = {
    starter.slug: starter
    for starter in [
        Starter(
            "single",
            "Single challenge",
            "One activity or a few steps, done in an afternoon or over a weekend.",
            Kind.SINGLE,
            [{"title": ""}],
        ),
        Starter(
            "weekly",
            "Weekly project",
            "One theme for the week: a maths, reading, writing and phonics slot for each day "
            "from Monday to Friday, for each age band you tick. Fill the slots you need; empty "
            "ones are left out.",
            Kind.WEEKLY,
            weekly_slots(),
            asks_age_bands=True,
        ),
        Starter(
            "long",
            "Long project",
            "Built on over several weeks, one stage at a time.",
            Kind.LONG,
            [
                {"title": f"Stage {n}", "day": Day.ANY.value}
                for n in (1, 2, 3)
            ],
        ),
    ]
}  # fmt: skip


EMPTY_ACTIVITY = {
    "title": "",
    "day": "",
    "subject": "",
    "age_band": AgeBand.ALL.value,
    "needs_screen": False,
    "body": "",
    "image": None,
    "video_url": "",
    "document": None,
}


def year_codes_of_bands(age_bands):
    """The year groups a weekly project's bands stand for, ticked in the editor to begin with."""
    return [code for code, band in AGE_BAND_OF_YEAR.items() if band in age_bands]


def apply_starter(page, starter, age_bands=()):
    page.kind = starter.kind
    page.activities = [
        ("activity", {**EMPTY_ACTIVITY, **activity})
        for activity in starter.activities_for(age_bands)
    ]


def _text(body):
    source = getattr(body, "source", body) or ""
    return strip_tags(source).strip()


def is_unused_slot(activity):
    """A slot of a starter left as it came: no words under "What to do", title untouched."""
    if _text(activity.get("body")):
        return False
    title = (activity.get("title") or "").strip()
    if not title:
        return True
    day, subject = activity.get("day"), activity.get("subject")
    if day in Day.values and subject in ActivitySubject.values and day != Day.ANY:
        return title == slot_title(day, subject)
    return title.startswith("Stage ") and title[6:].isdigit()
