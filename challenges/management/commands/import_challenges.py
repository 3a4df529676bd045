"""`manage.py import_challenges <zip> --into <school slug> [--dry-run] [--follow]`.

Exit status 0 only when the package was imported (or, with --dry-run, would be).
"""

from django.core.management.base import BaseCommand, CommandError

from challenges.interchange.importer import ImportRefused, plan_import, run_import
from challenges.interchange.package import ZipPackage
from challenges.interchange.validate import InterchangeError
from home.models import SchoolPage


def find_school(spec):
    """A school by slug, or by "trust/school" when several trusts have a school of that slug."""
    trust_slug, _, school_slug = spec.rpartition("/")
    schools = SchoolPage.objects.filter(slug=school_slug)
    if trust_slug:
        schools = [school for school in schools if school.get_parent().slug == trust_slug]
    schools = list(schools)
    if not schools:
        raise CommandError(f"There is no school with the slug “{spec}”.")
    if len(schools) > 1:
        raise CommandError(
            f"Several trusts have a school “{spec}”: name it as trust/school, e.g. "
            f"{schools[0].get_parent().slug}/{school_slug}."
        )
    return schools[0]


class Command(BaseCommand):
    help = "Import a challenge package into a school: every challenge arrives as a draft."

    def add_arguments(self, parser):
        parser.add_argument("package", help="The package (zip) to import.")
        parser.add_argument("--into", required=True, help="The school's slug (or trust/school).")
        parser.add_argument("--dry-run", action="store_true", help="Only say what would happen.")
        parser.add_argument(
            "--follow",
            action="store_true",
            help="Follow the originals for updates (default: keep snapshots).",
        )

    def handle(self, package, into, dry_run, follow, **options):
        school = find_school(into)
        try:
            with open(package, "rb") as handle:
                source = ZipPackage(handle)
                if dry_run:
                    plan = plan_import(source, school)
                    self._print(plan)
                    if plan.refused:
                        raise CommandError(plan.refusal_message())
                    self.stdout.write("Dry run: nothing was imported.")
                    return
                result = run_import(source, school, follow=follow)
        except FileNotFoundError:
            raise CommandError(f"There is no file “{package}”.") from None
        except ImportRefused as refusal:
            if refusal.plan is not None:
                self._print(refusal.plan)
            raise CommandError(refusal.message) from None
        except InterchangeError as refusal:
            raise CommandError(f"Nothing was imported: {refusal.message}") from None
        self._print(result.plan)
        self.stdout.write(
            f"Imported into {school.title} as drafts: {len(result.created)} created, "
            f"{len(result.updated)} updated, {len(result.kept)} kept for review."
        )

    def _print(self, plan):
        for line in plan.summary_lines():
            self.stdout.write(line)
