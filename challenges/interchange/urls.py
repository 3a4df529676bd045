"""The interchange API for partner pulls, under /api/interchange/v1/."""

from django.urls import path

from challenges.interchange import partner_api

urlpatterns = [
    path("challenges/", partner_api.challenge_list, name="interchange_challenges"),
    path("challenges/<uuid:uid>/", partner_api.challenge_detail, name="interchange_challenge"),
    path("assets/<str:sha256>", partner_api.asset, name="interchange_asset"),
]
