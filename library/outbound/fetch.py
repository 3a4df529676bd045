"""Fetching from partner instances without becoming a way into our own network (SSRF).

Every URL, and every redirect, is checked before any connection: https only (http only for hosts
allow-listed in INTERCHANGE_HTTP_ALLOWED_HOSTS, which the operator trusts whatever their address);
we resolve the name ourselves and refuse it when any address is loopback, private, link-local,
multicast, reserved or otherwise not public, in whatever spelling (decimal, octal, hex, short
forms, IPv4 inside IPv6); then we connect to the very address we checked. Time and bytes are
capped. A refused URL is never contacted.
"""

import http.client
import ipaddress
import json
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

MAX_REDIRECTS = 3
DEFAULT_TIMEOUT = 10.0  # seconds for the whole fetch, redirects included
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
USER_AGENT = "LearningChallengeLibrary-partner-pull/1"


class RefusedURL(Exception):
    """The URL was not fetched; the message says why in words a teacher understands."""


@dataclass
class FetchResult:
    url: str
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


def _embedded_ipv4(address):
    """The IPv4 address hidden in an IPv6 one (mapped, 6to4, Teredo, NAT64), or None."""
    if address.version != 6:
        return None
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    if address in ipaddress.ip_network("64:ff9b::/96"):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def non_public_reason(address):
    """Why an address may not be fetched ("loopback", "private"...), or None when it is public."""
    if isinstance(address, str):
        address = ipaddress.ip_address(address)
    inner = _embedded_ipv4(address)
    if inner is not None:
        return non_public_reason(inner) or (
            "an IPv4 address written inside IPv6" if address.ipv4_mapped else None
        )
    checks = [
        ("unspecified", address.is_unspecified),
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
        ("not publicly routable", not address.is_global),
    ]
    return next((reason for reason, hit in checks if hit), None)


def _literal_ipv4(host):
    """An IPv4 address in any spelling libc accepts (2130706433, 0177.1, 0x7f.1), or None."""
    if not host or not all(c in "0123456789abcdefxABCDEFX." for c in host):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, ValueError):
        return None


def _allow_listed(host, port):
    allowed = {entry.lower() for entry in getattr(settings, "INTERCHANGE_HTTP_ALLOWED_HOSTS", [])}
    return host in allowed or f"{host}:{port}" in allowed


def check_url(url):
    """(scheme, host, port, [addresses to connect to]) for a URL we may fetch; else RefusedURL."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise RefusedURL(f"This address is not a valid web address: {error}.") from error
    scheme, host = parts.scheme.lower(), (parts.hostname or "").rstrip(".").lower()
    if scheme not in ("https", "http"):
        raise RefusedURL("Only https:// addresses can be fetched from a partner.")
    if not host:
        raise RefusedURL("This address has no host name.")
    if parts.username or parts.password:
        raise RefusedURL("Addresses with a user name or password in them are not fetched.")
    port = port or (443 if scheme == "https" else 80)
    trusted = _allow_listed(host, port)
    if scheme == "http" and not trusted:
        raise RefusedURL(
            f"{host} is not served over https. Only https:// addresses can be fetched from a "
            "partner (plain http only for hosts your administrator allows)."
        )
    literal = _literal_ipv4(host)
    try:
        infos = socket.getaddrinfo(str(literal) if literal else host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise RefusedURL(f"The name {host} could not be found.") from error
    addresses = []
    for family, _, _, _, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        reason = None if trusted else non_public_reason(address)
        if reason:
            # One bad record refuses the name: a resolver could hand us any of them later.
            raise RefusedURL(
                f"{host} leads to a {reason} address ({address}), which is never fetched."
            )
        addresses.append((family, sockaddr))
    if not addresses:
        raise RefusedURL(f"The name {host} could not be found.")
    return scheme, host, port, addresses


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked address, whatever the name resolves to by then, and cuts the
    socket at the fetch's deadline: a socket timeout bounds each read only, so a partner sending
    one header line a second would otherwise hold the worker for as long as it liked."""

    def __init__(self, host, port, sockaddr, family, deadline, **kwargs):
        super().__init__(host, port, **kwargs)
        self._sockaddr, self._family, self._deadline = sockaddr, family, deadline
        self._watchdog = None
        self.deadline_passed = False

    def connect(self):
        sock = socket.socket(self._family, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        self._watchdog = threading.Timer(
            max(0.0, self._deadline - time.monotonic()), self._cut, args=(sock,)
        )
        self._watchdog.daemon = True
        self._watchdog.start()
        try:
            sock.connect(self._sockaddr)
        except OSError:
            sock.close()
            raise
        self.sock = sock

    def _cut(self, sock):
        self.deadline_passed = True
        try:
            sock.shutdown(socket.SHUT_RDWR)  # any read in progress returns at once
        except OSError:
            pass  # not connected yet, or already closed

    def close(self):
        if self._watchdog is not None:
            self._watchdog.cancel()
        super().close()


class _PinnedHTTPSConnection(_PinnedHTTPConnection):
    default_port = 443

    def __init__(self, host, port, sockaddr, family, deadline, context, **kwargs):
        super().__init__(host, port, sockaddr, family, deadline, **kwargs)
        self._context = context

    def connect(self):
        super().connect()
        # The certificate is checked against the name, although we connected to an address.
        self.sock = self._context.wrap_socket(self.sock, server_hostname=self.host)


def _read_capped(response, max_bytes, deadline):
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise RefusedURL(f"The response is too large (over {max_bytes} bytes).")
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise RefusedURL("The partner took too long to answer.")
        chunk = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise RefusedURL(f"The response is too large (over {max_bytes} bytes).")
        chunks.append(chunk)


def _origin(url):
    try:
        parts = urlsplit(url)
        return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port
    except ValueError:
        return None  # check_url refuses it next


def _in_words(error):
    """Why a connection failed, without the socket's error numbers."""
    if isinstance(error, ConnectionRefusedError):
        return "nothing answers at that address"
    if isinstance(error, ssl.SSLCertVerificationError):
        return "its certificate could not be trusted"
    if isinstance(error, ssl.SSLError):
        return "a secure connection could not be made"
    if isinstance(error, ConnectionResetError | http.client.RemoteDisconnected):
        return "it closed the connection"
    if isinstance(error, http.client.HTTPException | ValueError):
        return "its answer was not understood"
    return "the connection failed"


def fetch(url, headers=None, timeout=DEFAULT_TIMEOUT, max_bytes=DEFAULT_MAX_BYTES,
          max_redirects=MAX_REDIRECTS, ssl_context=None):  # fmt: skip
    """GET a partner URL safely; redirects are followed (at most `max_redirects`), each checked."""
    deadline = time.monotonic() + timeout
    context = ssl_context or ssl.create_default_context()
    for _ in range(max_redirects + 1):
        scheme, host, port, addresses = check_url(url)
        family, sockaddr = addresses[0]
        remaining = max(0.1, deadline - time.monotonic())
        if scheme == "https":
            connection = _PinnedHTTPSConnection(
                host, port, sockaddr, family, deadline, context, timeout=remaining
            )
        else:
            connection = _PinnedHTTPConnection(
                host, port, sockaddr, family, deadline, timeout=remaining
            )
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request_headers = {
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
            **(headers or {}),
        }
        try:
            connection.request("GET", target, headers=request_headers)
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise RefusedURL("The partner sent a redirect without a destination.")
                next_url = urljoin(url, location)
                if _origin(next_url) != _origin(url):
                    # A token for one partner never travels to wherever it redirects.
                    headers = {k: v for k, v in (headers or {}).items()
                               if k.lower() not in ("authorization", "cookie")}  # fmt: skip
                url = next_url
                continue
            body = _read_capped(response, max_bytes, deadline)
            if connection.deadline_passed:  # a body read to a cut socket's end is not whole
                raise RefusedURL("The partner took too long to answer.")
            return FetchResult(url, response.status, dict(response.getheaders()), body)
        except (OSError, http.client.HTTPException, ValueError) as error:
            if connection.deadline_passed or isinstance(error, TimeoutError | socket.timeout):
                raise RefusedURL("The partner took too long to answer.") from error
            raise RefusedURL(f"The partner could not be reached ({_in_words(error)}).") from error
        finally:
            connection.close()
    raise RefusedURL(f"The partner redirected more than {max_redirects} times.")
