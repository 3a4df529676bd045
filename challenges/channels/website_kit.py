"""A school's website kit: every snippet a school website needs, for that school, in its colour.

One screen per school in the admin (from the school's buttons in the explorer and from the
dashboard). Who may open it: whoever may edit the school's page (its editors, its trust's
moderators, superusers); anyone else gets the same 404 as for a school that does not exist.
"""

from dataclasses import dataclass

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape

from challenges.authoring.sizing import estimated_embed_height
from challenges.models import LearningChallengePage
from challenges.visibility import PUBLIC
from home.models import SchoolPage
from home.theming import DEFAULT_ACCENT
from library.http import site_root

LIST_LIMIT = 6
LIST_IFRAME_HEIGHT = 720
# The single-challenge chooser offers the school's newest public challenges.
CHOOSER_LIMIT = 50


@dataclass
class Snippet:
    key: str  # names the snippet in the page (ids) and in the chooser's data attributes
    label: str
    help: str
    code: str


def may_open_kit(user, school):
    return user.is_authenticated and user.is_active and school.permissions_for_user(user).can_edit()


def school_accent(school):
    return (school.accent_colour or DEFAULT_ACCENT).lower()


def _script_tag(base_url):
    return f'<script src="{base_url}{reverse("embed_js")}" async></script>'


def list_snippets(base_url, school):
    """The school's list of challenges: the script and its placeholder, then a plain iframe."""
    accent = school_accent(school)
    name = escape(school.title)
    list_url = (
        f"{base_url}{reverse('embed_list')}?school={school.slug}&amp;accent={accent}"
        f"&amp;limit={LIST_LIMIT}"
    )
    return [
        Snippet(
            "list-script",
            "Your school's challenges (script)",
            "Cards in your school's colour. A family opens a challenge inside your page and "
            "comes back to the list.",
            f'{_script_tag(base_url)}\n<div data-challenge-list data-school="{school.slug}" '
            f'data-accent="{accent}" data-limit="{LIST_LIMIT}"></div>',
        ),
        Snippet(
            "list-iframe",
            "Your school's challenges (plain iframe)",
            "For website builders that remove scripts.",
            f'<iframe src="{list_url}" title="Learning challenges from {name}" width="100%" '
            f'height="{LIST_IFRAME_HEIGHT}" style="border:0" loading="lazy"></iframe>',
        ),
    ]


def search_snippet(base_url, school):
    """A search box that finds only this school's challenges (on the library's search page)."""
    accent = school_accent(school)
    name = escape(school.title)
    return Snippet(
        "search",
        "Search box for your school's challenges",
        "Families type a word and see only your school's challenges.",
        f'<form action="{base_url}{reverse("search:search")}" method="get" role="search">\n'
        f'  <input type="hidden" name="school" value="{school.slug}">\n'
        f'  <label for="lcl-search-{school.slug}">Find a challenge from {name}</label>\n'
        f'  <input id="lcl-search-{school.slug}" type="search" name="q">\n'
        f'  <button type="submit" style="background:#{accent};color:#fff;border:0;'
        f'padding:6px 12px">Search</button>\n'
        "</form>",
    )


def challenge_snippets(base_url, school, challenge):
    """One challenge: the script and its placeholder, a plain iframe, and a link."""
    accent = school_accent(school)
    title = escape(challenge.title)
    embed_url = f"{base_url}{reverse('embed_challenge', args=[challenge.uid])}?accent={accent}"
    return [
        Snippet(
            "challenge-script",
            "One challenge (script, resizes itself)",
            "The whole challenge on your page, with a print button.",
            f'{_script_tag(base_url)}\n<div data-challenge="{challenge.uid}" '
            f'data-accent="{accent}"></div>',
        ),
        Snippet(
            "challenge-iframe",
            "One challenge (plain iframe)",
            "For website builders that remove scripts.",
            f'<iframe src="{embed_url}" title="{title}" width="100%" '
            f'height="{estimated_embed_height(challenge)}" style="border:0" '
            'loading="lazy"></iframe>',
        ),
        Snippet(
            "challenge-link",
            "Link to one challenge",
            "A plain link, for a newsletter or a news post.",
            f'<a href="{base_url}{challenge.url}">{title}</a>',
        ),
    ]


def public_challenges_of(school):
    return (
        LearningChallengePage.objects.live()
        .filter(school=school, audience=PUBLIC)
        .order_by("-first_published_at", "title")[:CHOOSER_LIMIT]
    )


def website_kit(request, school_id):
    school = SchoolPage.objects.filter(pk=school_id).first()
    if school is None or not may_open_kit(request.user, school):
        raise Http404("No such school")
    base_url = site_root(request)
    challenges = list(public_challenges_of(school))
    chosen = next(
        (c for c in challenges if str(c.uid) == request.GET.get("challenge", "")),
        challenges[0] if challenges else None,
    )
    # Every challenge's snippets ride on its chooser option, so choosing one changes the code
    # and the preview at once, without another page load.
    choices = [
        (challenge, {s.key: s.code for s in challenge_snippets(base_url, school, challenge)})
        for challenge in challenges
    ]
    return render(
        request,
        "challenges/admin/website_kit.html",
        {
            "school": school,
            "accent": school_accent(school),
            "list_snippets": list_snippets(base_url, school),
            "search_snippet": search_snippet(base_url, school),
            "challenge_snippets": (challenge_snippets(base_url, school, chosen) if chosen else []),
            "chosen": chosen,
            "choices": choices,
            "edit_school_url": reverse("wagtailadmin_pages:edit", args=[school.pk]),
        },
    )


def schools_with_kits(user):
    """The schools whose kit this user may open, for the dashboard."""
    if not (user.is_authenticated and user.is_active):
        return []
    return [
        school
        for school in SchoolPage.objects.originals().live().order_by("title")
        if may_open_kit(user, school)
    ]
