"""`manage.py search_index rebuild` (with a progress bar), `search_index status` and
`search_index replay` (writes recorded while an implementation was unreachable)."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.backends import SearchUnavailable, indexes
from search.indexing import pending
from search.indexing.documents import build_documents, live_challenges


class Command(BaseCommand):
    help = "Rebuild the discovery index from live challenges, or report its state."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "replay"])

    def handle(self, action, **options):
        for implementation in indexes():
            try:
                if action == "rebuild":
                    self.rebuild(implementation)
                elif action == "replay":
                    count = pending.replay(implementation)
                    self.stdout.write(f"{implementation.name}: replayed {count} challenges")
                else:
                    self.status(implementation)
            except SearchUnavailable as error:
                raise CommandError(f"{implementation.name} is unavailable: {error}") from error

    def rebuild(self, implementation):
        challenges = live_challenges()
        total = challenges.count()
        with tqdm(total=total, desc=f"{implementation.name}", unit="challenge",
                  file=self.stderr._out) as bar:  # fmt: skip
            done = [0]

            def progress(count):
                bar.update(count - done[0])
                done[0] = count

            documents = build_documents(challenges.iterator(2000))
            count = implementation.rebuild(documents, total, progress=progress)
        self.stdout.write(f"{implementation.name}: indexed {count} challenges")

    def status(self, implementation):
        state = implementation.status()
        self.stdout.write(
            f"{state['implementation']}\n  documents: {state['documents']}\n"
            f"  target: {state['target']}\n  last rebuild: {state['last_rebuild'] or 'never'}"
            f"\n  waiting to replay: {pending.pending_count(implementation)}"
        )
