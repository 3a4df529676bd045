"""wagtail.contrib.frontend_cache's HTTP backend with a timeout: a hung cache never hangs a save."""

from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail import __version__
from wagtail.contrib.frontend_cache.backends.http import HTTPBackend, PurgeRequest, logger

PURGE_TIMEOUT_SECONDS = 2


class TimedHTTPBackend(HTTPBackend):
    """Sends `PURGE <path>` with the page's Host to Varnish (or any cache that accepts it)."""

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", PURGE_TIMEOUT_SECONDS))
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Host": host, "User-Agent": f"Wagtail-frontendcache/{__version__}"},
        )
        try:
            urlopen(request, timeout=self.timeout)  # noqa: S310 (the scheme is our setting's)
        except HTTPError as error:
            logger.error("Couldn't purge '%s' from HTTP cache. HTTPError: %d %s",
                         url, error.code, error.reason)  # fmt: skip
        except (URLError, OSError) as error:
            logger.error("Couldn't purge '%s' from HTTP cache: %s", url, error)
