"""Starting points offered by "New challenge": a single challenge, a weekly project, a long project.

A weekly project starts with a slot for maths, reading, writing and phonics on each day from
Monday to Friday. A slot nobody filled in (its title untouched, nothing under "What to do") is
left out when the challenge is submitted, so a teacher fills the days they need and no more.
"""

from django.utils.html import strip_tags

from challenges.vocabulary import ActivitySubject, AgeBand, Day, Kind

WEEKDAYS = [Day.MONDAY, Day.TUESDAY, Day.WEDNESDAY, Day.THURSDAY, Day.FRIDAY]
WEEKLY_SUBJECTS = [
    ActivitySubject.MATHS,
    ActivitySubject.READING,
    ActivitySubject.WRITING,
    ActivitySubject.PHONICS,
]


class Starter:
    def __init__(self, slug, label, description, kind, activities=()):
        self.slug = slug
        self.label = label
        self.description = description
        self.kind = kind
        self.activities = list(activities)


def slot_title(day, subject):
    return f"{Day(day).label}: {ActivitySubject(subject).label}"


def weekly_slots():
    return [
        {
            "title": slot_title(day, subject),
            "day": day.value,
            "subject": subject.value,
            "age_band": AgeBand.ALL.value,
            "needs_screen": False,
            "body": "",
        }
        for day in WEEKDAYS
        for subject in WEEKLY_SUBJECTS
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
            "from Monday to Friday. Fill the slots you need; empty ones are left out.",
            Kind.WEEKLY,
            weekly_slots(),
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


def apply_starter(page, starter):
    page.kind = starter.kind
    page.activities = [
        ("activity", {**EMPTY_ACTIVITY, **activity}) for activity in starter.activities
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
