"""Public channels of challenges for other websites: embeds, widget, oEmbed, feed, print."""

from django.urls import path

from . import embed, feeds, oembed

urlpatterns = [
    path("embed.js", embed.embed_js, name="embed_js"),
    path("embed/v/<str:version>/embed.js", embed.embed_js_versioned, name="embed_js_versioned"),
    path("embed/challenges.json", embed.widget_json, name="embed_widget_json"),
    path("embed/challenges/<str:uid>/", embed.embed_challenge, name="embed_challenge"),
    path("embed/list/", embed.embed_list, name="embed_list"),
    path("embed/theme/<str:accent>.css", embed.theme_css, name="embed_theme"),
    path("print/challenges/<str:uid>/", embed.print_view, name="challenge_print"),
    path("oembed/", oembed.oembed, name="oembed"),
    path("feeds/challenges/", feeds.challenge_feed, name="challenge_feed"),
]
