"""Which URLs show a page, so the front cache (Varnish or a CDN) can be purged when it changes.

A challenge appears on its own page, its embed and print views, the API, on its school's, trust's
and the home page, in the related lists of challenges that share a subject, theme or tag with
it, and in every listing channel (widget, list, feed, oEmbed, search, sitemap); and in its other
languages' pages (their language lists and out-of-date notices). Listing channels
are purged by path: the repository's VCL drops a path with all its query strings, so every
widget and list query goes at once. A school or trust change reaches each challenge under it;
a subject, theme or tag change each live challenge labelled with it.
Purges are sent after the transaction commits, through the task worker (`purge_front_cache`,
which hands them to Wagtail's own purge task). A worker without a front cache fails them loudly.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django_tasks import task
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.models import Page, Site

from challenges.models import ChallengeTag, LearningChallengePage, Subject, Theme
from library.routes import purged_paths


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def _challenge_urls(challenge, root_url):
    return [
        root_url + reverse("embed_challenge", args=[challenge.uid]),
        root_url + reverse("challenge_print", args=[challenge.uid]),
        root_url + reverse("wagtailapi:challenges:detail", args=[challenge.pk]),
    ]


def _page_url(page):
    parts = page.get_url_parts()
    if parts is None:
        return None, None
    _site_id, root_url, path = parts
    return root_url, root_url + path


def urls_showing(pages):
    """Every URL of the front cache that may show any of `pages` (as they are now)."""
    urls = set()
    for root_url in {site.root_url for site in Site.objects.all()}:
        urls.update(root_url + path for path in purged_paths())  # listings: library/routes.py
    page_ids = [page.pk for page in pages if page.pk]
    if not page_ids:
        return urls
    changed = Page.objects.filter(pk__in=page_ids)
    shown = Page.objects.none()
    challenges = LearningChallengePage.objects.none()
    for page in changed:
        shown |= Page.objects.ancestor_of(page, inclusive=True)
        challenges |= LearningChallengePage.objects.descendant_of(page, inclusive=True)
    # A challenge in every language: a published translation changes its original's language
    # list (and the other translations'), a published original its translations' notice.
    family = challenges.values("translation_key")
    challenges |= LearningChallengePage.objects.filter(translation_key__in=family)
    challenge_ids = list(challenges.values_list("pk", flat=True))
    subjects = LearningChallengePage.subjects.through.objects.filter(
        learningchallengepage_id__in=challenge_ids
    ).values("subject_id")
    themes = LearningChallengePage.themes.through.objects.filter(
        learningchallengepage_id__in=challenge_ids
    ).values("theme_id")
    tags = ChallengeTag.objects.filter(content_object_id__in=challenge_ids).values("tag_id")
    related = LearningChallengePage.objects.live().filter(
        Q(subjects__in=subjects) | Q(themes__in=themes) | Q(tagged_items__tag_id__in=tags)
    )
    for page in (shown | Page.objects.filter(pk__in=related.values("pk"))).distinct():
        _root, url = _page_url(page)
        if url:
            urls.add(url)
    for challenge in LearningChallengePage.objects.filter(pk__in=challenge_ids):
        root_url, url = _page_url(challenge)
        if url:
            urls.add(url)
            urls.update(_challenge_urls(challenge, root_url))
    return urls


def labelled_with(term):
    """The live challenges a subject, theme or tag labels (their pages show its name)."""
    lookup = {Subject: "subjects", Theme: "themes", ChallengeTag.tag_model(): "tagged_items__tag"}
    return LearningChallengePage.objects.live().filter(**{lookup[type(term)]: term}).distinct()


def purge_after_commit(pages):
    """Work out now (before a delete or move lands) what to purge; purge once committed."""
    if not enabled():
        return
    urls = sorted(urls_showing(pages))
    if urls:  # the worker sends it (inline without a worker)
        transaction.on_commit(lambda: purge_front_cache.enqueue(urls))


class FrontCacheNotConfigured(ImproperlyConfigured):
    pass


@task()
def purge_front_cache(urls):
    """Queued by a process that has a front cache. A worker started without one would otherwise
    complete the task and send nothing (Wagtail's task skips silently), leaving stale pages."""
    if not enabled():
        raise FrontCacheNotConfigured(
            f"{len(urls)} front-cache purges NOT sent: this worker has no VARNISH_URL, but the "
            "process that queued them has one. Start the worker with the same VARNISH_URL "
            "as the web processes; until then changed pages stay cached until they expire."
        )
    purge_urls_from_cache_task.call(urls)
