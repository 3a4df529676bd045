"""`manage.py search_index rebuild` (with a progress bar) and `search_index status`."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.backends import SearchUnavailable, indexes
from search.documents import build_documents, live_challenges


class Command(BaseCommand):
    help = "Rebuild the discovery index from live challenges, or report its state."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status"])

    def handle(self, action, **options):
        for implementation in indexes():
            try:
                if action == "rebuild":
                    self.rebuild(implementation)
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
        )
