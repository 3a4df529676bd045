"""Saved searches on other websites: the list widget (JSON and plain iframe) and the Atom feed.

Mounted at the site root (not under /search/): their addresses are pasted into school websites.
"""

from django.urls import path

from search.listings import feeds
from search.listings import widget as listings

urlpatterns = [
    path("embed/challenges.json", listings.widget_json, name="embed_widget_json"),
    path("embed/list/", listings.embed_list, name="embed_list"),
    path("feeds/challenges/", feeds.challenge_feed, name="challenge_feed"),
]
