"""Reading a partner's library over the interchange API, through the safe fetcher only."""

import json
import tempfile
import time
from urllib.parse import urlencode, urljoin

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone

from challenges.interchange.serialise import FORMAT_VERSION, PACKAGE_FORMAT
from challenges.interchange.validate import InterchangeError
from library.outbound.addresses import API_PATH
from library.outbound.fetch import RefusedURL, fetch
from library.outbound.partner_answers import status_problem

MAX_LIST_PAGES = 200  # 20,000 challenges: a partner listing more is not a library but a loop


class PartnerError(InterchangeError):
    """The partner answered, but not with what we asked for; the message says why."""


class PartnerClient:
    """`patience`: seconds in all this client may wait when the partner asks it to slow down
    (429 with Retry-After); a screen has none, a background pull of hundreds waits its turn."""

    def __init__(self, base_url, token, timeout=10.0, patience=0):
        self.base_url = base_url.rstrip("/") + "/"
        self.token = token
        self.timeout = timeout
        self.patience = patience

    def _get(self, path, params=None, max_bytes=None):
        url = urljoin(self.base_url, API_PATH + path)
        if params:
            url += "?" + urlencode(params, doseq=True)
        options = {"max_bytes": max_bytes} if max_bytes else {}
        while True:
            try:
                result = fetch(
                    url,
                    headers={"Authorization": f"Bearer {self.token}"},
                    timeout=self.timeout,
                    **options,
                )
            except RefusedURL as error:
                raise PartnerError(str(error)) from error
            wait = self._wait_asked(result)
            if wait is None:
                break
            self.patience -= wait
            time.sleep(wait)
        if result.status == 404:
            raise PartnerError("The partner has no such challenge, or no longer shares it.")
        if result.status != 200:
            raise PartnerError(status_problem(result.status, result.headers))
        return result

    def _wait_asked(self, result):
        """The seconds to wait before asking again, when the partner asks and patience allows."""
        if result.status != 429:
            return None
        try:
            wait = max(1, int(result.headers.get("Retry-After", "")))
        except ValueError:
            return None
        return wait if wait <= self.patience else None

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


def client_for(library, patience=0):
    """The client of a saved partner library (a token that no longer decrypts is said in words)."""
    try:
        token = library.token
    except ValidationError as error:
        raise PartnerError(" ".join(error.messages)) from error
    return PartnerClient(
        library.base_url, token, timeout=settings.INTERCHANGE_PARTNER_TIMEOUT, patience=patience
    )


class PartnerSource:
    """A partner's library read over its API, offering what the importer reads from a package:
    `manifest`, `challenge_uids()`, `read_challenge(uid)` and `read_asset(filename, cap)`.

    The list is read once, page by page (with `search` parameters such as q, subject, since);
    each document and asset is fetched once and kept (assets in spooled temporary files), so that
    a plan reads everything before the import's transaction opens and no database transaction
    ever waits on the network.
    """

    def __init__(self, client, uids=None, on_read=None, **search):
        self.client = client
        self.on_read = on_read  # called with the number of documents read so far
        rows, trust, page = {}, "", 1
        for page in range(1, MAX_LIST_PAGES + 1):
            listing = self.client.challenges(**search, page=page)
            try:
                results, total = listing["results"], int(listing["total"])
                trust = trust or str(listing.get("trust") or "")
                for row in results:
                    rows[str(row["uid"])] = row
            except (KeyError, TypeError, ValueError) as error:
                raise PartnerError("The partner's list of challenges is not understood.") from error
            if not results or len(rows) >= total:
                break
        if uids is not None:
            rows = {uid: row for uid, row in rows.items() if uid in set(uids)}
        self.listed = list(rows.values())
        self._documents = {}
        self._assets = {}
        self.manifest = {
            "format": PACKAGE_FORMAT,
            "format_version": FORMAT_VERSION,
            "source_instance": client.base_url,
            "trust": {"title": trust[:255], "slug": ""},
            "exported_at": timezone.now().isoformat(),
            "counts": {"challenges": len(rows), "assets": 0, "omitted_images": 0},
            "challenges": [
                {"uid": uid, "version": row.get("version", 0), "title": row.get("title", "")}
                for uid, row in rows.items()
            ],
        }

    def challenge_uids(self):
        return sorted(entry["uid"] for entry in self.manifest["challenges"])

    def read_challenge(self, uid):
        if uid not in self._documents:
            self._documents[uid] = self.client.document(uid)
            if self.on_read:
                self.on_read(len(self._documents))
        return self._documents[uid]

    def read_asset(self, filename, cap):
        kept = self._assets.get(filename)
        if kept is None:
            data = self.client.asset(filename.split(".", 1)[0], max_bytes=cap)
            kept = self._assets[filename] = tempfile.SpooledTemporaryFile(max_size=1024 * 1024)
            kept.write(data)
        kept.seek(0)
        data = kept.read(cap + 1)
        if len(data) > cap:
            raise PartnerError(f"The file {filename} is larger than the {cap // 1024:,} KB allowed")
        return data

    def close(self):
        for kept in self._assets.values():
            kept.close()
        self._assets.clear()
