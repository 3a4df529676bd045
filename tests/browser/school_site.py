"""A school's website on another origin, for the browser tests of embeds: a tiny threaded HTTP
server on a second loopback address (the `serve` fixture of conftest.py), the README's snippets
that a school admin pastes into its pages, and the embed frames those snippets make."""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

README = Path(__file__).resolve().parents[2] / "README.md"
README_HOST = "https://library.example.org"

SCHOOL_HOST = "127.0.0.2"


class _PagesHandler(BaseHTTPRequestHandler):
    """Serves the server's `pages` ({path: html}), read on each request."""

    def do_GET(self):
        body = self.server.pages.get(urlsplit(self.path).path)
        if body is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):  # noqa: A002 (the base class's signature)
        pass


def school_page(title, *body):
    """A school's page: a plain document with whatever the school admin pasted into it."""
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en-GB">', "<head>", '<meta charset="utf-8">',
        f"<title>{title}</title>", "</head>", "<body>", "<main>", f"<h1>{title}</h1>",
        *body, "</main>", "</body>", "</html>",
    ])  # fmt: skip


def readme_snippets(library_url):
    """The README's snippets, pointing at the live server: what a school admin pastes.

    {"challenge": script and placeholder (UID to replace), "list": script and list placeholder,
    "plain": the iframe and link for website builders that strip scripts}.
    """
    readme = README.read_text(encoding="utf-8")
    section = readme.split("\n## Embedding challenges on a school website\n", 1)[1]
    section = section.split("\n## ", 1)[0]
    snippets = {}
    for block in re.findall(r"```html\n(.*?)```", section, flags=re.S):
        if "<iframe" in block:
            name = "plain"
        elif "data-challenge-list" in block:
            name = "list"
        else:
            name = "challenge"
        snippets[name] = block.strip().replace(README_HOST, library_url)
    assert set(snippets) == {"challenge", "list", "plain"}, f"README snippets: {snippets}"
    assert 'data-challenge="UID"' in snippets["challenge"], snippets["challenge"]
    return snippets


def challenge_snippet(library_url, uid):
    return readme_snippets(library_url)["challenge"].replace("UID", str(uid))


def iframe_of(page, uid):
    return page.locator(f'[data-challenge="{uid}"] iframe')


def iframe_height(page, uid):
    return iframe_of(page, uid).evaluate("frame => frame.getBoundingClientRect().height")


def wait_until_fitted(page, uid):
    """The embed frame for `uid`, once its viewport is as tall as its content."""
    handle = page.wait_for_selector(f'[data-challenge="{uid}"] iframe', state="attached")
    frame = handle.content_frame()
    assert frame is not None, f"no frame for challenge {uid}"
    frame.wait_for_load_state("load")
    # Chromium defers layout in cross-origin frames outside the viewport, so a frame below the
    # fold keeps its old viewport until seen (as a family scrolling to it would see it fitted).
    handle.scroll_into_view_if_needed()
    try:
        frame.wait_for_function(
            "() => Math.abs(document.documentElement.getBoundingClientRect().height"
            " - window.innerHeight) <= 2"
        )
    except PlaywrightError:
        pytest.fail(
            f"the frame of {uid} never fitted its content: {frame_metrics(page, uid, frame)}",
            pytrace=False,
        )
    return frame


def frame_metrics(page, uid, frame):
    metrics = frame.evaluate(
        """() => ({
            content: document.documentElement.getBoundingClientRect().height,
            scroll: document.documentElement.scrollHeight,
            inner: window.innerHeight,
        })"""
    )
    metrics["iframe"] = iframe_height(page, uid)
    return metrics


def start_server(host, pages):
    """Serve the dict `pages` ({path: html}) on host:<free port>; returns (server, thread)."""
    server = ThreadingHTTPServer((host, 0), _PagesHandler)
    server.daemon_threads = True
    server.pages = pages
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True
    )
    thread.start()
    return server, thread
