"""Controlled values of the learning challenge format v1 (no models: safe to import anywhere)."""

from django.db import models


class Visibility(models.TextChoices):
    SCHOOL = "school", "My school only"
    TRUST = "trust", "Our trust"
    PARTNERS = "partners", "Our trust and partner trusts"
    PUBLIC = "public", "Everyone (public)"


VISIBILITY_CHOICES = Visibility.choices


class Kind(models.TextChoices):
    SINGLE = "single", "Single challenge"
    WEEKLY = "weekly", "Weekly project"
    LONG = "long", "Long project (several weeks)"


class Cost(models.TextChoices):
    FREE = "free", "Free"
    LOW = "low", "Low cost"
    PURCHASE = "purchase", "Needs purchase"


class AdultSupport(models.TextChoices):
    INDEPENDENT = "independent", "Independent"
    SOME_HELP = "some_help", "Some help"
    NEEDS_ADULT = "needs_adult", "Needs an adult"


# Year groups in school order: (code, label, key stage). The codes are the `year` search slugs.
YEAR_GROUPS = [
    ("N", "Nursery", "EYFS"),
    ("R", "Reception", "EYFS"),
    ("1", "Year 1", "KS1"),
    ("2", "Year 2", "KS1"),
    ("3", "Year 3", "KS2"),
    ("4", "Year 4", "KS2"),
    ("5", "Year 5", "KS2"),
    ("6", "Year 6", "KS2"),
    ("7", "Year 7", "KS3"),
    ("8", "Year 8", "KS3"),
    ("9", "Year 9", "KS3"),
    ("10", "Year 10", "KS4"),
    ("11", "Year 11", "KS4"),
    ("12", "Year 12", "KS5"),
    ("13", "Year 13", "KS5"),
]
YEAR_GROUP_CHOICES = [(code, label) for code, label, _ in YEAR_GROUPS]
KEY_STAGE_OF_YEAR = {code: stage for code, _, stage in YEAR_GROUPS}
KEY_STAGES = ["EYFS", "KS1", "KS2", "KS3", "KS4", "KS5"]
YEAR_ORDER = {code: index for index, (code, _, _) in enumerate(YEAR_GROUPS)}


def year_groups_text(codes):
    """Year groups as families say them: "Reception to Year 2", "Nursery, Year 3 to Year 6"."""
    positions = sorted(YEAR_ORDER[code] for code in set(codes) if code in YEAR_ORDER)
    runs = []
    for position in positions:
        if runs and position == runs[-1][1] + 1:
            runs[-1][1] = position
        else:
            runs.append([position, position])
    label_at = [label for _, label, _ in YEAR_GROUPS]
    return ", ".join(
        label_at[first] if first == last else f"{label_at[first]} to {label_at[last]}"
        for first, last in runs
    )


def key_stages_for(year_codes):
    """Key stages derived from year groups, in school order."""
    stages = {KEY_STAGE_OF_YEAR[code] for code in year_codes if code in KEY_STAGE_OF_YEAR}
    return [stage for stage in KEY_STAGES if stage in stages]


def sorted_years(year_codes):
    return sorted(set(year_codes), key=lambda code: YEAR_ORDER.get(code, 99))


class AgeBand(models.TextChoices):
    ALL = "all", "All ages"
    EYFS = "eyfs", "EYFS"
    KS1 = "ks1", "KS1"
    LOWER_KS2 = "lks2", "Lower KS2"
    UPPER_KS2 = "uks2", "Upper KS2"
    KS3_PLUS = "ks3plus", "KS3 and above"


# Which activity age band a year group follows (the print view's "My child is in...").
AGE_BAND_OF_YEAR = {
    "N": AgeBand.EYFS,
    "R": AgeBand.EYFS,
    "1": AgeBand.KS1,
    "2": AgeBand.KS1,
    "3": AgeBand.LOWER_KS2,
    "4": AgeBand.LOWER_KS2,
    "5": AgeBand.UPPER_KS2,
    "6": AgeBand.UPPER_KS2,
}


class Day(models.TextChoices):
    MONDAY = "mon", "Monday"
    TUESDAY = "tue", "Tuesday"
    WEDNESDAY = "wed", "Wednesday"
    THURSDAY = "thu", "Thursday"
    FRIDAY = "fri", "Friday"
    ANY = "any", "Any order"


class ActivitySubject(models.TextChoices):
    MATHS = "maths", "Maths"
    READING = "reading", "Reading"
    WRITING = "writing", "Writing"
    PHONICS = "phonics", "Phonics and spelling"
    HANDWRITING = "handwriting", "Handwriting"
    OTHER = "other", "Other"
