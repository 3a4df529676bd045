"""Who is looking at the admin, for model methods that Wagtail calls without a request.

Wagtail shows `get_admin_display_title()` (the newest draft title) in every admin listing,
chooser, breadcrumb and bulk screen. LearningChallengePage needs the viewer to decide whether
that is the draft title (they may edit the page) or the live one (they may only read it), and
one override there reaches every admin view at once; this module carries the viewer to it.
"""

from contextvars import ContextVar

_viewer = ContextVar("admin_viewer", default=None)


def current_viewer():
    """The signed-in user of the request being served, or None outside a request."""
    return _viewer.get()


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
