"""Sharing on the public page: how often a challenge was adapted, and the teacher's adapt link."""

from django import template
from django.urls import reverse

from challenges.licences import adaptation_terms
from challenges.models.adaptations import adaptation_summary
from challenges.sharing.adapt import user_may_adapt

register = template.Library()


@register.simple_tag
def adapted_by(page):
    return adaptation_summary(page)


@register.simple_tag(takes_context=True)
def adapt_url(context, page):
    """The adapt link for a signed-in teacher, else "".

    Only signed-in requests get it: serving a challenge already reads the session to check
    visibility, so their response is per user anyway, and anonymous pages stay the same for all.
    """
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    if not adaptation_terms(page.licence_spdx).allowed or not user_may_adapt(user):
        return ""
    return reverse("challenges_adapt", args=[page.pk])
