"""/feeds/challenges/: an Atom feed of public challenges, with the search filters."""

from dataclasses import replace
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe

from challenges.channels.http_cache import conditional
from challenges.languages.reading import ENGLISH, html_lang, language_error, supported
from library.http import InertJsonResponse, absolute
from search.listings.widget import channel_query, widget_cards

FEED_SIZE = 50
# With `lang`, the newest this many matches are looked through for those published in it.
LANGUAGE_SCAN = 500


class ChallengeFeed(Feed):
    feed_type = Atom1Feed
    title = "Learning challenges"
    subtitle = "New and updated learning challenges shared by schools."
    author_name = "Learning Challenge Library"

    def get_object(self, request, *args, **kwargs):
        return request

    def items(self, request):
        query, language = request.challenge_query, request.challenge_language
        if language == ENGLISH:
            return widget_cards(request, query)[1]
        scan = replace(query, per_page=LANGUAGE_SCAN, page=1)
        return widget_cards(request, scan, language)[1][: query.per_page]

    def get_feed(self, obj, request):
        self.language = html_lang(request.challenge_language)  # the feed's xml:lang
        return super().get_feed(obj, request)

    def item_title(self, card):
        return card["title"]

    def item_description(self, card):
        return card["summary"]

    def item_link(self, card):
        return card["url"]

    def item_guid(self, card):
        return f"urn:uuid:{card['uid']}"

    item_guid_is_permalink = False

    def item_author_name(self, card):
        return card["school"] or card["trust"]

    def item_pubdate(self, card):
        return _moment(card.get("first_published_at"))

    def item_updateddate(self, card):
        return _moment(card.get("last_published_at") or card.get("first_published_at"))

    # Absolute already, so Django never prefixes them with the request's Host.
    def link(self, request):
        return absolute(request, "/")

    def feed_url(self, request):
        return absolute(request, request.get_full_path())

    def feed_guid(self, request):
        return absolute(request, request.get_full_path())


def _moment(value):
    return datetime.fromisoformat(value) if value else None


@require_safe
def challenge_feed(request):
    query, errors = channel_query(request, default_limit=FEED_SIZE, max_limit=FEED_SIZE)
    if language_error(request.GET.get("lang")):
        errors = {**(errors or {}), "lang": language_error(request.GET.get("lang"))}
    if errors:
        return InertJsonResponse({"errors": errors}, status=400)
    request.challenge_query = query
    request.challenge_language = supported(request.GET.get("lang")) or ENGLISH
    return conditional(request, lambda: ChallengeFeed()(request))
