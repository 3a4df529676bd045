"""Deployment checks of the site tree (`manage.py check --deploy`)."""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError
from wagtail.models import Site

PLACEHOLDER_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}


@register(Tags.sites, deploy=True)
def site_is_configured(app_configs=None, **kwargs):
    """Absolute URLs in feeds, embeds, oEmbed, JSON-LD and lineage are built from the Site."""
    try:
        hosts = list(Site.objects.values_list("hostname", flat=True))
    except DatabaseError:
        return []  # not migrated yet: nothing to say about its Site
    return [
        Warning(
            f"The Site's hostname is still {hostname!r}: every absolute URL in feeds, embeds, "
            "oEmbed, JSON-LD and lineage would point there.",
            hint="Set the Site's hostname and port to the public address in Settings > Sites.",
            id="home.W001",
        )
        for hostname in hosts
        if hostname.lower() in PLACEHOLDER_HOSTS
    ]
