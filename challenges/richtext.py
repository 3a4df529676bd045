"""Rich text is kept to what the editor allows (bold, italic, h3, lists, links): one place.

The editor already limits what teachers type; this also covers text that arrives any other way
(imports, the shell, older revisions) before it is stored.
"""

import nh3

ALLOWED_TAGS = {"p", "br", "b", "i", "strong", "em", "h3", "ol", "ul", "li", "a"}
# Wagtail stores internal links as <a linktype="page" id="3">; external ones keep href.
ALLOWED_ATTRIBUTES = {"a": {"href", "linktype", "id"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise_rich_text(html):
    if not html:
        return html
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def portable_rich_text(html):
    """Rich text arriving from another library: internal links travel only as absolute hrefs,
    so `linktype` and `id` (which would point at this library's pages and documents by id,
    drafts and other schools' included) are dropped."""
    if not html:
        return html
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
