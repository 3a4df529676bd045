"""A partner instance's address: its root from whatever a teacher pasted, checked by the
fetcher's rules. A leaf (it imports only the fetcher), so the trust admin's screen in `home` can
check an address when it is saved."""

from urllib.parse import urlsplit

from library.outbound.fetch import RefusedURL, check_url

API_PATH = "api/interchange/v1/"


def partner_base_url(url):
    """The partner instance's root from whatever address a teacher pasted (root or API URL)."""
    parts = urlsplit(url)
    path = parts.path
    if "/" + API_PATH in path:
        path = path[: path.index("/" + API_PATH)]
    return f"{parts.scheme}://{parts.netloc}{path.rstrip('/')}/"


def checked_partner_address(url):
    """The partner's root for `url` when the fetcher would fetch it; RefusedURL (in words a
    teacher understands) otherwise. Names are resolved now, as the fetcher will resolve them."""
    url = (url or "").strip()
    if not url:
        raise RefusedURL("Enter the partner library's address, e.g. https://library.example.org/.")
    if urlsplit(url).query or urlsplit(url).fragment:
        raise RefusedURL("Enter the address without anything after ? or #.")
    base = partner_base_url(url)
    check_url(base)
    return base


def same_site(url, other):
    """Whether two addresses have the same scheme, host and port (a token may go to both)."""
    first, second = urlsplit(url), urlsplit(other)
    return (first.scheme.lower(), first.hostname, first.port) == (
        second.scheme.lower(), second.hostname, second.port,
    )  # fmt: skip
