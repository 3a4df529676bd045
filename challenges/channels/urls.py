"""One challenge on other websites: embed page, theme, embed.js, print view and oEmbed."""

from django.urls import path

from challenges.channels import embed, oembed, print_view

urlpatterns = [
    path("embed.js", embed.embed_js, name="embed_js"),
    path("embed/v/<str:version>/embed.js", embed.embed_js_versioned, name="embed_js_versioned"),
    path("embed/challenges/<str:uid>/", embed.embed_challenge, name="embed_challenge"),
    path("embed/theme/<str:accent>.css", embed.theme_css, name="embed_theme"),
    path("print/challenges/<str:uid>/", print_view.print_view, name="challenge_print"),
    path("oembed/", oembed.oembed, name="oembed"),
]
