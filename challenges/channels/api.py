"""Wagtail API v2: only our challenges endpoint is mounted, over what anonymous visitors may see."""

import re

from django.core.exceptions import FieldDoesNotExist, ValidationError
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from challenges.filters import ChallengeFilterForm
from challenges.languages.reading import ENGLISH, in_language_listing, language_error, supported
from challenges.models import LearningChallengePage
from challenges.visibility import anonymous

# The API filters through the search filter form; each maps onto the page's own relations.
API_FILTERS = {
    "subject": "subjects__slug__in",
    "theme": "themes__slug__in",
    "tag": "tags__slug__in",
    "trust": "trust__slug__in",
    "school": "school__slug__in",
    "key_stage": "year_groups__key_stage__in",
    "year": "year_groups__code__in",
    "cost": "cost__in",
    "kind": "kind__in",
    "licence": "licence__in",
}


class ChallengeFilters(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        params = request.GET.copy()
        for name in list(params):
            if name not in API_FILTERS:
                del params[name]
        form = ChallengeFilterForm(params)
        if not form.is_valid():
            raise BadRequestError(
                "; ".join(f"{name}: {text}" for name, text in form.error_text().items())
            )
        for facet, values in form.to_query().filters.items():
            queryset = queryset.filter(**{API_FILTERS[facet]: values})
        return queryset.distinct()


class LanguageFilter(BaseFilterBackend):
    """`?lang=pl`: the challenges published in Polish, each as its translation (the queryset is
    chosen in get_queryset); a language that is none of ours is a 400 that says which are."""

    def filter_queryset(self, request, queryset, view):
        error = language_error(request.GET.get("lang"))
        if error:
            raise BadRequestError(error)
        return queryset


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail filters by any database field but checks only booleans and integers, and lazily:
    `?uid=abc` failed as the list was counted (a 500). Each value is checked here, a 400 if bad."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name not in fields:
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            try:
                field.run_validators(field.to_python(value))
            except (ValidationError, ValueError, TypeError, OverflowError):
                raise BadRequestError(f"'{value[:40]}' is not a valid value for {name}.") from None
        return super().filter_queryset(request, queryset, view)


OFFSET_MAX = 1_000_000  # far beyond any library; the database cannot take a 20-digit offset


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        digits = offset.isascii() and offset.isdigit()
        if digits and (len(offset) > len(str(OFFSET_MAX)) or int(offset) > OFFSET_MAX):
            raise BadRequestError(f"offset must be at most {OFFSET_MAX:,}.")
        return super().paginate_queryset(queryset, request, view)


SEARCH_OPERATORS = ("and", "or")
SEARCH_WORD = re.compile(r"\w+")
SEARCH_MAX_LENGTH = 200


class WordsSearchFilter(SearchFilter):
    """Wagtail's search over plain words: quotes and operators from a URL never reach the
    full-text engine (an unterminated quote made it fail), and bad input is a 400 that says why."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'.")
        text = request.GET["search"]
        if len(text) > SEARCH_MAX_LENGTH:
            raise BadRequestError(f"search must be at most {SEARCH_MAX_LENGTH} characters.")
        words = SEARCH_WORD.findall(text)
        if not words:
            raise BadRequestError("search needs at least one word of letters or numbers.")
        params = request.GET.copy()
        params["search"] = " ".join(words)
        request._request.GET = params  # DRF's request.GET reads the Django request's
        return super().filter_queryset(request, queryset, view)


class ChallengesAPIViewSet(PagesAPIViewSet):
    model = LearningChallengePage
    filter_backends = [
        LanguageFilter,
        CheckedFieldsFilter,
        ChallengeFilters,
        OrderingFilter,
        WordsSearchFilter,
    ]
    pagination_class = BoundedPagination
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(API_FILTERS, {"lang"})
    listing_default_fields = PagesAPIViewSet.listing_default_fields + [
        "uid",
        "summary",
        "key_stages",
        "subject_slugs",
        "licence_spdx",
    ]

    def get_queryset(self):
        # Anonymous whatever the session: the API never reveals non-public challenges.
        # Every related value an item shows, fetched once per page of results.
        visible = LearningChallengePage.objects.visible_to(anonymous())
        language = supported(self.request.GET.get("lang")) or ENGLISH
        return (
            in_language_listing(visible, language)
            .select_related("trust", "school", "hero_image", "locale")
            .prefetch_related("year_groups", "subjects", "themes", "tags", "contributors")
            .order_by("-first_published_at", "pk")
        )

    # child_of/descendant_of and the detail view look pages up here: the same rule guards them.
    def get_base_queryset(self):
        return self.get_queryset()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("challenges", ChallengesAPIViewSet)
