"""Wagtail API v2: only our challenges endpoint is mounted, over what anonymous visitors may see."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from .models import LearningChallengePage
from .visibility import anonymous, visible_to


class ChallengesAPIViewSet(PagesAPIViewSet):
    model = LearningChallengePage
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "uid",
        "summary",
        "key_stages",
        "subject_slugs",
        "licence_spdx",
    ]

    def get_queryset(self):
        # Anonymous whatever the session: the API never reveals non-public challenges.
        return visible_to(anonymous()).order_by("-first_published_at", "pk")

    # child_of/descendant_of and the detail view look pages up here: the same rule guards them.
    def get_base_queryset(self):
        return self.get_queryset()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("challenges", ChallengesAPIViewSet)
