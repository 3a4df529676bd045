"""The editor's "Embed on your website" panel: the snippets a school admin pastes."""

from django.urls import reverse
from wagtail.admin.panels import Panel

from library.http import site_root

from ..visibility import PUBLIC


def embed_snippets(base_url, challenge):
    """The three ways to show a challenge on another website, from the most to the least able."""
    script = f'<script src="{base_url}{reverse("embed_js")}" async></script>'
    embed_url = f"{base_url}{reverse('embed_challenge', args=[challenge.uid])}"
    return [
        ("Script and placeholder (resizes itself)",
         f'{script}\n<div data-challenge="{challenge.uid}"></div>'),
        ("Plain iframe (for website builders that remove scripts)",
         f'<iframe src="{embed_url}" title="{challenge.title}" width="100%" height="900" '
         'style="border:0" loading="lazy"></iframe>'),
        ("Link", f'<a href="{base_url}{challenge.url}">{challenge.title}</a>'),
    ]  # fmt: skip


class EmbedSnippetsPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "challenges/admin/embed_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            shareable = bool(page.pk and page.live and page.audience == PUBLIC)
            context["is_public_and_live"] = shareable
            if context["is_public_and_live"]:
                base_url = site_root(self.request)
                context["snippets"] = embed_snippets(base_url, page)
            return context
