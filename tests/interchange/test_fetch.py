"""The partner fetcher refuses every way into our own network, and never contacts what it refuses.

End-to-end cases use loopback only: canary listeners that must see no connection at all. The
private, link-local, multicast and public ranges are checked on the classifier alone.
"""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from library.outbound.fetch import RefusedURL, check_url, fetch, non_public_reason


class Canary:
    """A listener that counts every connection made to it."""

    def __init__(self, family, host):
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            self.hits += 1
            conn.close()

    def close(self):
        self.running = False
        self.thread.join(2)
        self.sock.close()


@pytest.fixture(scope="module")
def canaries():
    v4 = Canary(socket.AF_INET, "127.0.0.1")
    try:
        v6 = Canary(socket.AF_INET6, "::1")
    except OSError:
        v6 = None
    yield v4, v6
    v4.close()
    if v6:
        v6.close()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.seen.append((self.path, dict(self.headers)))
        if self.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", self.path[len("/to/") :])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/big":
            self.send_response(200)
            self.end_headers()  # no Content-Length: the cap is counted while reading
            try:
                for _ in range(64):
                    self.wfile.write(b"x" * 32768)
            except OSError:
                pass
        elif self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            try:
                for _ in range(20):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.25)
            except OSError:
                pass  # the fetcher gave up, as it should
        elif self.path == "/trickle":
            # One header line a second, for longer than any deadline: each read sees data soon
            # enough, so only a deadline on the whole exchange ends it.
            try:
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                for number in range(40):
                    self.wfile.write(f"X-Line-{number}: still here\r\n".encode())
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass  # the fetcher gave up, as it should
        else:
            body = b'{"ok": true}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


@pytest.fixture(scope="module")
def servers():
    """Two loopback servers an administrator allow-listed: a redirector and a plain one."""
    started = []
    for _ in range(2):
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.seen = []
        threading.Thread(target=server.serve_forever, daemon=True).start()
        started.append(server)
    yield started
    for server in started:
        server.shutdown()
        server.server_close()


@pytest.fixture
def allow_listed(settings, servers):
    redirector, plain = servers
    settings.INTERCHANGE_HTTP_ALLOWED_HOSTS = [
        f"127.0.0.1:{redirector.server_address[1]}",
        f"127.0.0.1:{plain.server_address[1]}",
    ]
    for server in servers:
        server.seen.clear()
    return (
        f"http://127.0.0.1:{redirector.server_address[1]}",
        f"http://127.0.0.1:{plain.server_address[1]}",
    )


def direct_corpus(p, p6):
    urls = [
        f"http://127.0.0.1:{p}/",
        f"https://127.0.0.1:{p}/",
        f"https://localhost:{p}/",
        f"https://LOCALHOST:{p}/",
        f"https://localhost.:{p}/",
        f"https://2130706433:{p}/",  # decimal
        f"https://0177.0.0.1:{p}/",  # octal
        f"https://0x7f.0.0.1:{p}/",  # hex
        f"https://0x7f000001:{p}/",
        f"https://127.1:{p}/",  # short
        f"https://0177.1:{p}/",
        f"https://017700000001:{p}/",
        f"https://127.000.000.001:{p}/",
        f"https://[::ffff:127.0.0.1]:{p}/",  # IPv4-mapped IPv6
        f"https://[::ffff:7f00:1]:{p}/",
        f"https://[0:0:0:0:0:ffff:127.0.0.1]:{p}/",
        f"https://0.0.0.0:{p}/",
        f"https://0:{p}/",
        f"https://user:pw@127.0.0.1:{p}/",
        f"https://example.org@127.0.0.1:{p}/",
        f"ftp://127.0.0.1:{p}/",
        f"gopher://127.0.0.1:{p}/_GET",
        "file:///etc/passwd",
        f"//127.0.0.1:{p}/",
        f"https://127.0.0.1:{p}:{p}/",
    ]
    if p6:
        urls += [f"https://[::1]:{p6}/", f"https://[0000:0000::0001]:{p6}/", f"http://[::1]:{p6}/"]
    return urls


def test_direct_corpus_is_refused_and_never_contacted(canaries):
    v4, v6 = canaries
    corpus = direct_corpus(v4.port, v6.port if v6 else None)
    assert len(corpus) >= 20
    for url in corpus:
        with pytest.raises(RefusedURL) as refused:
            fetch(url, timeout=2)
        # Refused by the checks, before any connection was tried.
        assert "could not be reached" not in str(refused.value), url
    time.sleep(0.3)
    assert v4.hits == 0 and (v6 is None or v6.hits == 0)


def test_redirect_chains_to_loopback_are_refused_and_never_contacted(canaries, allow_listed):
    v4, v6 = canaries
    redirector, plain = allow_listed
    p = v4.port
    targets = [
        f"http://127.0.0.1:{p}/",  # same host, a port nobody allow-listed
        f"https://localhost:{p}/",
        f"https://2130706433:{p}/",
        f"https://0x7f.1:{p}/",
        f"https://[::ffff:127.0.0.1]:{p}/",
        f"//127.0.0.1:{p}/",  # scheme-relative
        "file:///etc/passwd",
        f"/to/http://127.0.0.1:{p}/",  # two hops, then the canary
        f"/to/{plain}/to/https://127.1:{p}/",  # via the other allowed server
    ]
    if v6:
        targets.append(f"https://[::1]:{v6.port}/")
    for target in targets:
        with pytest.raises(RefusedURL):
            fetch(f"{redirector}/to/{target}", timeout=2)
    time.sleep(0.3)
    assert v4.hits == 0 and (v6 is None or v6.hits == 0)


def test_allow_listed_host_is_fetched_and_redirects_are_capped(allow_listed, servers):
    redirector, plain = allow_listed
    assert fetch(f"{plain}/hello").json() == {"ok": True}
    assert fetch(f"{redirector}/to/{plain}/hello").json() == {"ok": True}
    with pytest.raises(RefusedURL, match="redirected more than 3 times"):
        fetch(f"{redirector}/loop")
    assert len([path for path, _ in servers[0].seen if path == "/loop"]) == 4


def test_token_is_not_forwarded_to_another_host(allow_listed, servers):
    redirector, plain = allow_listed
    fetch(f"{redirector}/to/{plain}/hello", headers={"Authorization": "Bearer lclp_secret"})
    assert servers[0].seen[-1][1].get("Authorization") == "Bearer lclp_secret"
    assert "Authorization" not in servers[1].seen[-1][1]


def test_bytes_and_time_are_capped(allow_listed):
    _, plain = allow_listed
    with pytest.raises(RefusedURL, match="too large"):
        fetch(f"{plain}/big", max_bytes=1024 * 1024)
    started = time.monotonic()
    with pytest.raises(RefusedURL, match="too long"):
        fetch(f"{plain}/slow", timeout=1.0)
    assert time.monotonic() - started < 2.5


def test_a_partner_trickling_headers_is_given_up_within_the_deadline(allow_listed):
    _, plain = allow_listed
    started = time.monotonic()
    with pytest.raises(RefusedURL, match="took too long"):
        fetch(f"{plain}/trickle", timeout=2.0)
    assert time.monotonic() - started < 3.0


def test_a_trickle_through_a_redirect_shares_the_one_deadline(allow_listed):
    redirector, plain = allow_listed
    started = time.monotonic()
    with pytest.raises(RefusedURL, match="took too long"):
        fetch(f"{redirector}/to/{plain}/trickle", timeout=2.0)
    assert time.monotonic() - started < 3.0


@pytest.mark.parametrize(
    "address, reason",
    [
        ("10.1.2.3", "private"),
        ("172.16.5.4", "private"),
        ("172.31.255.254", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("127.8.9.10", "loopback"),
        ("100.64.0.1", "not publicly routable"),  # carrier-grade NAT
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "reserved"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("fe80::1", "link-local"),
        ("ff02::1", "multicast"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:8.8.8.8", "an IPv4 address written inside IPv6"),
        ("2002:7f00:1::", "loopback"),  # 6to4 around 127.0.0.1
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 around 169.254.169.254
        ("2001:db8::1", "private"),  # documentation
    ],
)
def test_classifier_refuses_non_public_ranges(address, reason):
    assert non_public_reason(address) == reason


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "1.1.1.1", "151.101.0.81", "2606:4700:4700::1111", "2a00:1450::200e"]
)
def test_classifier_accepts_public_addresses(address):
    assert non_public_reason(address) is None


@pytest.mark.parametrize(
    "host, reason",
    [
        ("0xa.0.0.1", "private"),  # hex spelling of 10.0.0.1
        ("012.0.0.1", "private"),  # octal
        ("167772161", "private"),  # decimal
        ("0xa9.0xfe.0xa9.0xfe", "link-local"),
        ("3232235777", "private"),  # 192.168.1.1
    ],
)
def test_every_spelling_is_read_as_the_address_it_means(host, reason):
    with pytest.raises(RefusedURL, match=reason):
        check_url(f"https://{host}/")


def test_a_public_literal_passes_the_check_without_any_connection():
    scheme, host, port, addresses = check_url("https://8.8.8.8/api/")
    assert (scheme, port) == ("https", 443) and str(addresses[0][1][0]) == "8.8.8.8"
