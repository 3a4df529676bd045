"""`manage.py import_challenges <zip or partner URL> --into <school slug> [--dry-run] [--follow]
[--token <token>]`.

A partner URL is read over the interchange API with a partner token, given by --token or the
INTERCHANGE_PARTNER_TOKEN environment variable (never in the URL, where it would end up in logs).
Exit status 0 only when the package was imported (or, with --dry-run, would be).
"""

import os
from contextlib import contextmanager
from urllib.parse import parse_qsl, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from challenges.interchange.client import PartnerClient, PartnerSource
from challenges.interchange.importer import ImportRefused, plan_import, run_import
from challenges.interchange.package import ZipPackage
from challenges.interchange.partner_api import URL_TOKEN_PARAMETERS
from challenges.interchange.validate import InterchangeError
from home.models import SchoolPage
from library.outbound.addresses import partner_base_url


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
        parser.add_argument(
            "package", help="The package (zip) to import, or a partner's address (https://...)."
        )
        parser.add_argument(
            "--token",
            default="",
            help="The partner token (or set INTERCHANGE_PARTNER_TOKEN); only with a partner URL.",
        )
        parser.add_argument("--into", required=True, help="The school's slug (or trust/school).")
        parser.add_argument("--dry-run", action="store_true", help="Only say what would happen.")
        parser.add_argument(
            "--follow",
            action="store_true",
            help="Follow the originals for updates (default: keep snapshots).",
        )

    def handle(self, package, into, dry_run, follow, token, **options):
        school = find_school(into)
        try:
            with self._source(package, token) as source:
                if dry_run:
                    plan = plan_import(source, school)
                    self._print(plan)
                    if plan.refused:
                        raise CommandError(plan.refusal_message())
                    self.stdout.write("Dry run: nothing was imported.")
                    return
                if isinstance(source, PartnerSource):
                    # Everything is fetched and checked before the import's transaction opens.
                    plan_import(source, school)
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

    @contextmanager
    def _source(self, package, token):
        if not package.lower().startswith(("http://", "https://")):
            with open(package, "rb") as handle:
                yield ZipPackage(handle)
            return
        query = {name.lower() for name, _ in parse_qsl(urlsplit(package).query)}
        if query & URL_TOKEN_PARAMETERS:
            raise CommandError(
                "Never put the token in the address (addresses end up in logs): give it with "
                "--token or INTERCHANGE_PARTNER_TOKEN, and ask the partner for a new one."
            )
        token = token or os.environ.get("INTERCHANGE_PARTNER_TOKEN", "")
        if not token.strip():
            raise CommandError(
                "A partner's library needs the token their trust admin gave you: add --token "
                "<token> (or set INTERCHANGE_PARTNER_TOKEN)."
            )
        client = PartnerClient(
            partner_base_url(package), token.strip(), timeout=settings.INTERCHANGE_PARTNER_TIMEOUT
        )
        source = PartnerSource(client)
        try:
            yield source
        finally:
            source.close()

    def _print(self, plan):
        for line in plan.summary_lines():
            self.stdout.write(line)
