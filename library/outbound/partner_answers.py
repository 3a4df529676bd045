"""What a partner library's answers mean, in words a trust admin understands: for the pulls
(challenges/interchange/client.py) and for the connection test when a partner library is saved
(home/trust_admin/partners.py). A leaf, like the fetcher it uses."""

import json
from urllib.parse import urljoin

from library.outbound.addresses import API_PATH
from library.outbound.fetch import RefusedURL, fetch

TOKEN_REFUSED = (
    "The partner refused the token: it is unknown, revoked, or the partnership has ended. Ask "
    "their trust admin for a new one."
)


def status_problem(status, headers):
    """Why an answer other than 200 or 404 is not what we asked for."""
    if status in (401, 403):
        return TOKEN_REFUSED
    if status == 429:
        wait = headers.get("Retry-After", "a minute")
        return f"The partner asks us to slow down: try again in {wait} seconds."
    return f"The partner answered with an error (HTTP {status})."


def connection_problem(base_url, token, timeout):
    """(None, how many challenges it shares) when the library at `base_url` answers with the
    token; (why not, None) otherwise."""
    url = urljoin(base_url, API_PATH + "challenges/")
    try:
        result = fetch(url, headers={"Authorization": f"Bearer {token}"}, timeout=timeout)
    except RefusedURL as refusal:
        return f"{refusal} Check the address with the partner, or try later if it is down.", None
    if result.status == 404:
        return (
            f"{base_url} answers, but there is no partner library there. Check the address with "
            "the partner (it is the address of their library's home page)."
        ), None
    if result.status != 200:
        return status_problem(result.status, result.headers), None
    try:
        return None, int(result.json()["total"])
    except (ValueError, json.JSONDecodeError, KeyError, TypeError):
        return (
            f"{base_url} answers, but not as a Learning Challenge Library. Check the address with "
            "the partner."
        ), None
