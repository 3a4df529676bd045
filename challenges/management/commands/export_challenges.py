"""`manage.py export_challenges --trust <slug> [--visibility public,partners] OUT.zip`."""

import os

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from challenges.interchange.importer import exportable_challenges
from challenges.interchange.package import write_package
from challenges.media.storage import EXPORT_STORE_DOWN_MESSAGE, StorageUnavailable
from challenges.vocabulary import Visibility
from home.models import TrustPage


class Command(BaseCommand):
    help = (
        "Export a trust's live challenges as an interchange package (default: what partners see)."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="The zip file to write.")
        parser.add_argument("--trust", required=True, help="The trust's slug.")
        parser.add_argument(
            "--visibility",
            default="public,partners",
            help="Comma-separated visibility levels to include (default: public,partners).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, output, trust, visibility, no_progress, **options):
        trust_page = TrustPage.objects.originals().filter(slug=trust).first()
        if trust_page is None:
            raise CommandError(f"There is no trust with the slug “{trust}”.")
        levels = [level.strip() for level in visibility.split(",") if level.strip()]
        unknown = [level for level in levels if level not in Visibility.values]
        if unknown or not levels:
            raise CommandError(
                f"Unknown visibility {', '.join(unknown) or '(none)'}; choose from "
                f"{', '.join(Visibility.values)}."
            )
        challenges = exportable_challenges(trust_page, levels)
        total = challenges.count()
        partial = f"{output}.partial"
        with tqdm(total=total, unit="challenge", disable=no_progress, file=self.stderr._out) as bar:
            try:
                manifest = write_package(
                    partial, trust_page, challenges.iterator(chunk_size=200), lambda _: bar.update()
                )
            except BaseException as error:
                if os.path.exists(partial):
                    os.remove(partial)
                if isinstance(error, StorageUnavailable):
                    raise CommandError(
                        f"{EXPORT_STORE_DOWN_MESSAGE} ({output} was not written: {error})"
                    ) from error
                raise
        os.replace(partial, output)
        counts = manifest["counts"]
        self.stdout.write(
            f"Exported {counts['challenges']} challenges and {counts['assets']} files of "
            f"{trust_page.title} to {output}"
            + (
                f" ({counts['omitted_images']} images showing pupils left out)."
                if counts["omitted_images"]
                else "."
            )
        )
