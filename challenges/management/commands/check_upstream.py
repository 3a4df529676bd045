"""List adaptations that follow an original with a newer version (run it daily from cron, or
enqueue challenges.sharing.tasks.check_upstream_task).

With `--partner <URL> --token <token>` (or INTERCHANGE_PARTNER_TOKEN) it first asks that partner
for newer versions of the challenges imported from it with --follow: each arrives as a draft of a
copy nobody edited, or waits beside an edited copy for a person to pull it. Nothing goes live.
"""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from challenges.interchange.addresses import partner_base_url
from challenges.interchange.client import PartnerClient, PartnerSource
from challenges.interchange.importer import SubsetSource, plan_import, run_import
from challenges.interchange.validate import InterchangeError
from challenges.sharing.upstream import diff, following, pending_updates


class Command(BaseCommand):
    help = "Find followed challenges whose original has a newer version, with the fields changed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--partner", default="", help="A partner's address: ask it for newer versions first."
        )
        parser.add_argument(
            "--token", default="", help="The partner token (or set INTERCHANGE_PARTNER_TOKEN)."
        )

    def handle(self, *args, partner, token, **options):
        if partner:
            self._ask_partner(partner, token or os.environ.get("INTERCHANGE_PARTNER_TOKEN", ""))
        updates = pending_updates()
        for adaptation, original in updates:
            changed = [c for c in diff(adaptation, original) if c.state in ("theirs", "both")]
            fields = ", ".join(
                f"{c.label}{' (both changed)' if c.state == 'both' else ''}" for c in changed
            )
            school = adaptation.school.title if adaptation.school else adaptation.trust.title
            self.stdout.write(
                f"{adaptation.pk}\t“{adaptation.title}” ({school}): original "
                f"v{adaptation.adapted_from.get('version')} → v{original.version}; "
                f"{fields or 'no content field changed'}"
            )
        self.stderr.write(f"{len(updates)} adaptation(s) have a newer original.")

    def _ask_partner(self, url, token):
        if not token.strip():
            raise CommandError("Asking a partner needs its token: add --token <token>.")
        base = partner_base_url(url)
        followed = list(following().filter(adapted_from__source=base))
        if not followed:
            self.stderr.write(f"No challenge here follows an original at {base}.")
            return
        client = PartnerClient(base, token.strip(), timeout=settings.INTERCHANGE_PARTNER_TIMEOUT)
        try:
            source = PartnerSource(client)
        except InterchangeError as refusal:
            raise CommandError(f"The partner could not be asked: {refusal.message}") from None
        try:
            versions = {entry["uid"]: entry["version"] for entry in source.manifest["challenges"]}
            for page in followed:
                uid, school = page.adapted_from["uid"], page.get_parent().specific
                if versions.get(uid, 0) <= _known_version(page.adapted_from):
                    continue
                newer = SubsetSource(source, {uid})
                plan_import(newer, school)  # fetches and checks before the transaction opens
                run_import(newer, school, follow={uid})
        except InterchangeError as refusal:
            raise CommandError(f"The partner could not be asked: {refusal.message}") from None
        finally:
            source.close()


def _known_version(lineage):
    received = (lineage.get("upstream") or {}).get("version") or 0
    return max(int(lineage.get("version") or 0), int(received))
