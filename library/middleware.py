"""Content Security Policy per kind of route, on top of django-csp."""

from csp.middleware import CSPMiddleware

# Routes made to be framed by any school website.
EMBED_PREFIXES = ("/embed/",)
# Wagtail's admin relies on inline scripts and styles; it still refuses framing by others.
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_POLICY = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "font-src": ["'self'", "data:"],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """A strict policy everywhere; embeds may be framed by anyone; the admin gets what it needs.

    A response marked SAMEORIGIN by Wagtail (its preview panel frames the admin) keeps
    frame-ancestors 'self' so the editor's own preview still works.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        replace = dict(parts.replace or {})
        path = request.path_info
        if path.startswith(EMBED_PREFIXES):
            replace["frame-ancestors"] = ["*"]
        elif response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            replace["frame-ancestors"] = ["'self'"]
        if path.startswith(ADMIN_PREFIXES):
            replace.update(ADMIN_POLICY)
        parts.replace = replace
        return parts
