"""`manage.py set_site HOST [PORT]`: the default Site's public address.

Every absolute URL the library hands out (feeds, embeds, oEmbed, JSON-LD, lineage) starts with
it; `make run` sets 127.0.0.1:8000, a deployment its own hostname and 443.
"""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = "Sets the default Site's hostname and port (the root of every absolute URL)."

    def add_arguments(self, parser):
        parser.add_argument("hostname")
        parser.add_argument("port", nargs="?", type=int, default=80)

    def handle(self, hostname, port, **options):
        if not 0 < port < 65536:
            raise CommandError(f"The port must be a number from 1 to 65535, not {port}.")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Site yet: run `manage.py migrate` first.")
        site.hostname, site.port = hostname, port
        site.save()
        self.stdout.write(f"The Site is now {site.root_url}")
