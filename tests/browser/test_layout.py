"""The challenge page on paper and the public pages on a phone."""

from browser_helpers import PUBLIC_PAGES, open_page, page_path


def test_challenge_page_prints_cleanly(live_server, page, realistic_library):
    open_page(page, live_server, page_path(realistic_library, "challenge"))
    page.emulate_media(media="print")

    assert page.locator(".site-header").is_hidden()
    assert page.locator("nav").count() >= 2  # the main navigation and the breadcrumbs
    for nav in page.locator("nav").all():
        assert nav.is_hidden()
    assert page.locator(".site-footer").is_hidden()
    assert page.locator(".print-button").is_hidden()

    credit = page.locator("footer.credit")
    assert credit.is_visible()
    assert "Mrs K., Ash Primary" in credit.inner_text()
    assert page.locator("footer.credit a[rel=license]").is_visible()
    online = page.locator("footer.credit .print-only")
    assert online.is_visible()
    assert "Online version:" in online.inner_text()
    assert page.locator("h1").is_visible()
    assert page.locator(".activities").is_visible()

    page.emulate_media(media="screen")
    assert page.locator(".site-header").is_visible()
    assert online.is_hidden()


def test_no_horizontal_scroll_at_phone_width(live_server, page, realistic_library):
    """375 px is a common phone; 320 px is the WCAG 1.4.10 reflow width. One test, four pages."""
    page.set_viewport_size({"width": 375, "height": 740})
    scrolling = []
    for name in PUBLIC_PAGES:
        open_page(page, live_server, page_path(realistic_library, name))
        for width in (375, 320):
            page.set_viewport_size({"width": width, "height": 740})
            widths = page.evaluate(
                "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
            )
            assert widths["inner"] == width
            if widths["scroll"] > widths["inner"]:
                scrolling.append(f"{name} page at {width} px: {widths}")
        page.set_viewport_size({"width": 375, "height": 740})
    assert not scrolling, f"pages scroll sideways on a phone: {scrolling}"
