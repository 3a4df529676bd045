"""The editor's "Embed on your website" panel: the snippets a school admin pastes."""

from django.urls import reverse
from django.utils.html import escape
from wagtail.admin.panels import Panel

from challenges.authoring.sizing import estimated_embed_height
from challenges.visibility import PUBLIC
from library.http import site_root


def embed_snippets(base_url, challenge):
    """The ways to show a challenge on another website, from the most to the least able, then
    the school's list of challenges the same two ways."""
    script = f'<script src="{base_url}{reverse("embed_js")}" async></script>'
    embed_url = f"{base_url}{reverse('embed_challenge', args=[challenge.uid])}"
    title = escape(challenge.title)
    snippets = [
        (
            "Script and placeholder (resizes itself)",
            f'{script}\n<div data-challenge="{challenge.uid}"></div>',
        ),
        (
            "Plain iframe (for website builders that remove scripts)",
            f'<iframe src="{embed_url}" title="{title}" width="100%" '
            f'height="{estimated_embed_height(challenge)}" style="border:0" '
            'loading="lazy"></iframe>',
        ),
        ("Link", f'<a href="{base_url}{challenge.url}">{title}</a>'),
    ]
    owner = challenge.school or challenge.trust
    if owner is not None:
        facet = "school" if challenge.school else "trust"
        name = escape(owner.title)
        list_url = f"{base_url}{reverse('embed_list')}?{facet}={owner.slug}&amp;limit=6"
        snippets += [
            (
                f"List of {owner.title}'s challenges (script)",
                f'{script}\n<div data-challenge-list data-{facet}="{owner.slug}" '
                'data-limit="6"></div>',
            ),
            (
                f"List of {owner.title}'s challenges (plain iframe)",
                f'<iframe src="{list_url}" title="Learning challenges from {name}" width="100%" '
                'height="720" style="border:0" loading="lazy"></iframe>',
            ),
        ]
    return snippets  # fmt: skip


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
