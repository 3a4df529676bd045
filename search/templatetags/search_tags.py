"""Discovery pieces offered to templates (challenges' own templates load these)."""

from django import template

from search.backends import get_search

register = template.Library()


@register.simple_tag(takes_context=True)
def related_challenges(context, challenge, limit=4):
    """Challenges sharing subjects, themes or tags with this one that the visitor may see."""
    return get_search().related(challenge, context["request"].user, limit)
