"""A weekly project as a Year 2 teacher writes one: "Under the sea", Monday to Friday, maths,
reading, writing and phonics for KS1 and for Reception (EYFS), and two activities for all ages."""

from tests.factories import make_challenge

DAYS = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday"}
SUBJECTS = {
    "maths": "Maths",
    "reading": "Reading",
    "writing": "Writing",
    "phonics": "Phonics and spelling",
}
TASKS = {
    ("ks1", "maths"): "Sort twenty shells into groups of ten and count on from ten.",
    ("ks1", "reading"): "Read a page about rock pools and find three creatures that live there.",
    ("ks1", "writing"): "Write two sentences about a sea creature, with a capital letter and a "
    "full stop in each.",
    ("ks1", "phonics"): "Find words with 'sh' and 'ea' in a sea story and write them down.",
    ("eyfs", "maths"): "Count five fish with a grown-up, touching each one as you count.",
    ("eyfs", "reading"): "Share a picture book about the sea and point to the whale.",
    ("eyfs", "writing"): "Draw a fish and make marks for its name.",
    ("eyfs", "phonics"): "Say the first sound of 'sea', 'sand' and 'shell'.",
}


def activity(title, band, day, subject, body):
    return (
        "activity",
        {"title": title, "age_band": band, "day": day, "subject": subject,
         "needs_screen": False, "body": f"<p>{body}</p>"},
    )  # fmt: skip


def under_the_sea_activities():
    """40 slots (5 days x 4 subjects x KS1 and EYFS) and 2 for all ages, in the starter's order."""
    activities = []
    for band in ("ks1", "eyfs"):
        for day, day_name in DAYS.items():
            for subject, subject_name in SUBJECTS.items():
                title = f"{day_name}: {subject_name}"  # the starter's slot title, kept
                activities.append(activity(title, band, day, subject, TASKS[band, subject]))
    activities.append(
        activity("Family beach collage", "all", "fri", "other",
                 "Make a collage of the sea together from old magazines.")
    )  # fmt: skip
    activities.append(
        activity("Sea song", "all", "any", "other", "Sing a sea shanty together at bedtime.")
    )
    return activities


def make_under_the_sea(school, **fields):
    """The published weekly project, in `school`, for Reception, Year 1 and Year 2."""
    fields.setdefault("summary", "A week under the sea: counting, reading, writing and sounds "
                      "for Reception and Key Stage 1, one theme for the whole family.")  # fmt: skip
    return make_challenge(
        school, "Under the sea", kind="weekly", year_codes=["R", "1", "2"],
        subjects=["mathematics", "english"], activities=under_the_sea_activities(),
        duration_min_minutes=20, duration_max_minutes=40, **fields,
    )  # fmt: skip
