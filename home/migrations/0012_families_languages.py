"""The locales of families' languages (DESIGN: "Families' languages"): English already exists;
the ten languages trusts meet most are ready to translate into. A trust admin adds more."""

from django.db import migrations

LANGUAGES = ["pl", "ur", "ro", "pa", "bn", "ar", "pt", "es", "so", "uk"]


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0011_school_editors_translate"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
