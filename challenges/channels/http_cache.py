"""Validators for the cached public channels (embed, widget, oEmbed, feeds)."""

from challenges.models import PublicationStamp
from library.http import conditional as conditional_on


def conditional(request, render, *etag_parts, **options):
    """A conditional response whose ETag includes the publication stamp, so any publish,
    unpublish, move or delete invalidates every cached channel at once."""
    return conditional_on(
        request, render, *etag_parts, changed_at=PublicationStamp.current(), **options
    )
