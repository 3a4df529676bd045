"""List adaptations that follow an original with a newer version (run it daily from cron, or
enqueue challenges.sharing.tasks.check_upstream_task)."""

from django.core.management.base import BaseCommand

from challenges.sharing.upstream import diff, pending_updates


class Command(BaseCommand):
    help = "Find followed challenges whose original has a newer version, with the fields changed."

    def handle(self, *args, **options):
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
