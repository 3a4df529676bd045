"""Who is looking at the admin, and the one rule for which title of a page they are shown.

Wagtail shows `get_admin_display_title()` (the newest draft title) in every admin listing,
chooser, breadcrumb, `<title>` and bulk screen, without a request. A draft title is for those
who may edit the page; everyone else reads the live title. The middleware carries the viewer to
that one rule, installed on every page (trusts, schools, challenges) by
`hide_draft_titles_from_readers`.
"""

from contextvars import ContextVar

from wagtail.models import Page

_viewer = ContextVar("admin_viewer", default=None)


def current_viewer():
    """The signed-in user of the request being served, or None outside a request."""
    return _viewer.get()


def may_read_draft_title(page, viewer):
    """Outside a request (commands, tasks) nothing is hidden; in one, only editors of the page."""
    if viewer is None or not viewer.is_authenticated:
        return True
    return page.permissions_for_user(viewer).can_edit()


def _admin_display_title(page):
    """Wagtail's title (the newest draft's) for editors of the page; its live title for others."""
    if page.draft_title and page.draft_title != page.title:  # else nothing to decide
        if not may_read_draft_title(page, current_viewer()):
            return page.title
    return page.draft_title or page.title


def hide_draft_titles_from_readers():
    """Installed on wagtail's Page itself (HomeConfig.ready): the admin also names plain Page
    instances (breadcrumbs, parents in listings and choosers), which no subclass method reaches."""
    Page.get_admin_display_title = _admin_display_title


class AdminViewerMiddleware:
    """Records request.user for the duration of the request (after AuthenticationMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _viewer.set(getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            _viewer.reset(token)
