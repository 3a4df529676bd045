"""Reading a partner's library over the interchange API, through the safe fetcher only."""

import json
from urllib.parse import urlencode, urljoin

from .fetch import RefusedURL, fetch

API_PATH = "api/interchange/v1/"


class PartnerError(Exception):
    """The partner answered, but not with what we asked for; the message says why."""


class PartnerClient:
    def __init__(self, base_url, token, timeout=10.0):
        self.base_url = base_url.rstrip("/") + "/"
        self.token = token
        self.timeout = timeout

    def _get(self, path, params=None, max_bytes=None):
        url = urljoin(self.base_url, API_PATH + path)
        if params:
            url += "?" + urlencode(params, doseq=True)
        options = {"max_bytes": max_bytes} if max_bytes else {}
        try:
            result = fetch(
                url,
                headers={"Authorization": f"Bearer {self.token}"},
                timeout=self.timeout,
                **options,
            )
        except RefusedURL as error:
            raise PartnerError(str(error)) from error
        if result.status == 401:
            raise PartnerError(
                "The partner refused the token: it is unknown, revoked, or the partnership has "
                "ended. Ask their trust admin for a new one."
            )
        if result.status == 429:
            wait = result.headers.get("Retry-After", "a minute")
            raise PartnerError(f"The partner asks us to slow down: try again in {wait} seconds.")
        if result.status == 404:
            raise PartnerError("The partner has no such challenge, or no longer shares it.")
        if result.status != 200:
            raise PartnerError(f"The partner answered with an error (HTTP {result.status}).")
        return result

    def _json(self, path, params=None):
        try:
            return self._get(path, params).json()
        except (ValueError, json.JSONDecodeError) as error:
            raise PartnerError("The partner's answer is not valid JSON.") from error

    def challenges(self, **params):
        """One page of the partner's list: {"total", "page", "results": [{uid, version, ...}]}."""
        return self._json("challenges/", params)

    def document(self, uid):
        return self._json(f"challenges/{uid}/")

    def asset(self, sha256, max_bytes=None):
        return self._get(f"assets/{sha256}", max_bytes=max_bytes).body
