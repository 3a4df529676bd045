"""Absolute URLs on every public channel (JSON-LD, feeds, oEmbed, embeds, widget, lineage) come
from here: the configured Site's root URL, never the Host header a visitor sent (a cached body
built from `Host: ours:6666` would hand that port to everyone). The request is the fallback only
when no Site is configured at all."""

from wagtail.models import Site


def site_root(request=None):
    """`scheme://host[:port]` of the Site serving this request, or of the default Site."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return request.build_absolute_uri("/").rstrip("/") if request is not None else ""


def absolute(request, path):
    """An absolute URL for a path of ours ("/embed/..."); absolute URLs pass through."""
    if not path or "://" in path:
        return path or ""
    return site_root(request) + path


def page_url(request, page):
    return absolute(request, page.get_url(request))
