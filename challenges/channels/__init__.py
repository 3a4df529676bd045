"""One challenge on other sites: embed page, print view, oEmbed, API v2, JSON-LD, the editor's
"Embed on your website" panel."""
