"""Remove uploaded packages nobody confirmed within the hour (cron, or whenever you like)."""

from django.core.management.base import BaseCommand
from django.template.defaultfilters import filesizeformat

from challenges.interchange.uploads import max_age_seconds, remove_abandoned_uploads


class Command(BaseCommand):
    help = (
        "Remove packages uploaded to the import screen and not imported within "
        "INTERCHANGE_UPLOAD_MAX_AGE_SECONDS (an hour by default). Safe to run at any time."
    )

    def handle(self, *args, **options):
        count, size = remove_abandoned_uploads()
        if options["verbosity"]:
            self.stdout.write(
                f"Removed {count} abandoned upload{'s' if count != 1 else ''} "
                f"({filesizeformat(size)}) older than {max_age_seconds() // 60} minutes."
            )
