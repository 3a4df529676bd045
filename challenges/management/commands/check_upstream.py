"""List adaptations that follow an original with a newer version (run it daily from cron, or
enqueue challenges.sharing.tasks.check_upstream_task).

It first asks partners for newer versions of the challenges imported from them with --follow:
every partner library a trust saved on its admin screen (with the token saved there), or, with
`--partner <URL> --token <token>` (or INTERCHANGE_PARTNER_TOKEN), that partner only. Each newer
version arrives as a draft of a copy nobody edited, or waits beside an edited copy for a person to
pull it. Nothing goes live.
"""

import os

from django.core.management.base import BaseCommand, CommandError

from challenges.interchange.validate import InterchangeError
from challenges.sharing.notify import tell_followers
from challenges.sharing.partner_updates import ask_partner, ask_partner_libraries
from challenges.sharing.upstream import diff, following, pending_updates
from library.outbound.addresses import partner_base_url


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
        else:
            self._ask_partner_libraries()
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
        self.stderr.write(f"{tell_followers()} email(s) sent to the editors who follow them.")

    def _ask_partner(self, url, token):
        if not token.strip():
            raise CommandError("Asking a partner needs its token: add --token <token>.")
        base = partner_base_url(url)
        followed = list(following().filter(adapted_from__source=base))
        if not followed:
            self.stderr.write(f"No challenge here follows an original at {base}.")
            return
        try:
            ask_partner(base, token.strip(), followed)
        except InterchangeError as refusal:
            raise CommandError(f"The partner could not be asked: {refusal.message}") from None

    def _ask_partner_libraries(self):
        for library, arrived, problem in ask_partner_libraries():
            where = f"{library.label} ({library.trust.title})"
            if problem:
                self.stderr.write(f"{where} could not be asked: {problem}")
            else:
                self.stderr.write(f"{where}: {arrived} newer version(s) arrived.")
