from django.db import migrations
from django.utils.text import slugify

YEAR_GROUPS = [
    ("N", "Nursery", "EYFS"), ("R", "Reception", "EYFS"), ("1", "Year 1", "KS1"),
    ("2", "Year 2", "KS1"), ("3", "Year 3", "KS2"), ("4", "Year 4", "KS2"), ("5", "Year 5", "KS2"),
    ("6", "Year 6", "KS2"), ("7", "Year 7", "KS3"), ("8", "Year 8", "KS3"), ("9", "Year 9", "KS3"),
    ("10", "Year 10", "KS4"), ("11", "Year 11", "KS4"), ("12", "Year 12", "KS5"),
    ("13", "Year 13", "KS5"),
]
SUBJECTS = [
    # National curriculum (England)
    ("English", "curriculum"), ("Mathematics", "curriculum"), ("Science", "curriculum"),
    ("Art and design", "curriculum"), ("Computing", "curriculum"),
    ("Design and technology", "curriculum"), ("Geography", "curriculum"),
    ("History", "curriculum"), ("Languages", "curriculum"), ("Music", "curriculum"),
    ("Physical education", "curriculum"), ("Citizenship", "curriculum"),
    ("Religious education", "other"), ("PSHE and RSHE", "other"),
    # EYFS areas of learning
    ("Communication and language", "eyfs"),
    ("Personal, social and emotional development", "eyfs"), ("Physical development", "eyfs"),
    ("Literacy", "eyfs"), ("Mathematics (EYFS)", "eyfs"), ("Understanding the world", "eyfs"),
    ("Expressive arts and design", "eyfs"),
]
SLUGS = {"Mathematics (EYFS)": "eyfs-mathematics", "PSHE and RSHE": "pshe-rshe",
         "Religious education": "re"}
THEMES = [
    "Wellbeing", "Life skills", "General knowledge", "Awareness of the world", "Community",
    "Creativity", "Physical activity", "Outdoors", "Kindness", "Sustainability",
    "Reading for pleasure", "Cooking", "Family time",
]


def seed(apps, schema_editor):
    YearGroup = apps.get_model("challenges", "YearGroup")
    Subject = apps.get_model("challenges", "Subject")
    Theme = apps.get_model("challenges", "Theme")
    for order, (code, name, stage) in enumerate(YEAR_GROUPS):
        YearGroup.objects.update_or_create(
            code=code, defaults={"name": name, "key_stage": stage, "sort_order": order}
        )
    for name, group in SUBJECTS:
        Subject.objects.update_or_create(
            slug=SLUGS.get(name, slugify(name)), defaults={"name": name, "group": group}
        )
    for name in THEMES:
        Theme.objects.update_or_create(slug=slugify(name), defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("challenges", "0002_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
