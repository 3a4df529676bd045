"""The one filter form of the library: search, the widget JSON and the feed all read it.

It also says which filter values a challenge carries (`facet_values`), so every search
implementation indexes exactly the same values.
"""

from dataclasses import dataclass, field

from django import forms
from django.core.validators import RegexValidator

from challenges.licences import LICENCES
from challenges.vocabulary import KEY_STAGES, YEAR_GROUP_CHOICES, Cost, Kind

FACETS = [
    "subject", "theme", "tag", "trust", "school", "key_stage", "year",
    "duration", "screen_free", "cost", "licence", "kind",
]  # fmt: skip
SORTS = ["relevance", "newest", "most_adapted"]
PER_PAGE = 20
MAX_PAGE = 500

# Duration bands (closed ranges of minutes): a challenge is in every band its range overlaps.
DURATION_BANDS = [
    ("under-30", "Under 30 minutes", 0, 29),
    ("30-60", "30 to 60 minutes", 30, 60),
    ("60-120", "1 to 2 hours", 61, 120),
    ("over-120", "Over 2 hours", 121, None),
]
SCREEN_FREE_CHOICES = [("all", "No screen at all"), ("some", "Some activities screen-free")]

FIXED_LABELS = {
    "key_stage": {stage: stage for stage in KEY_STAGES},
    "year": dict(YEAR_GROUP_CHOICES),
    "duration": {slug: label for slug, label, _, _ in DURATION_BANDS},
    "screen_free": dict(SCREEN_FREE_CHOICES),
    "cost": dict(Cost.choices),
    "licence": {spdx: licence.name for spdx, licence in LICENCES.items()},
    "kind": dict(Kind.choices),
}

slug_validator = RegexValidator(
    r"^[-a-zA-Z0-9_]{1,100}$", "Filter values are short slugs such as 'science' or 'ks2'."
)


def duration_bands(low, high):
    """Slugs of the duration bands that the range [low, high] overlaps."""
    if low is None and high is None:
        return []
    low = low if low is not None else high
    high = high if high is not None else low
    return [
        slug
        for slug, _, start, end in DURATION_BANDS
        if high >= start and (end is None or low <= end)
    ]


def facet_values(challenge):
    """Every filter value a published challenge carries, by facet."""
    screen = challenge.screen_free
    return {
        "subject": challenge.subject_slugs,
        "theme": challenge.theme_slugs,
        "tag": sorted(tag.slug for tag in challenge.tags.all()),
        "trust": [challenge.trust.slug] if challenge.trust else [],
        "school": [challenge.school.slug] if challenge.school else [],
        "key_stage": challenge.key_stages,
        "year": challenge.year_group_codes,
        "duration": duration_bands(challenge.duration_min_minutes, challenge.duration_max_minutes),
        # "some" means at least one activity needs no screen, so fully screen-free counts too.
        "screen_free": {"all": ["all", "some"], "some": ["some"]}.get(screen, []),
        "cost": [challenge.cost],
        "licence": [challenge.licence_spdx],
        "kind": [challenge.kind],
    }


class MultiSlugField(forms.MultipleChoiceField):
    """Repeated values of one facet (`?subject=science&subject=art`); open or controlled."""

    def __init__(self, *, choices=None, **kwargs):
        self.open_vocabulary = choices is None
        super().__init__(choices=choices or [], required=False, **kwargs)

    def valid_value(self, value):
        if self.open_vocabulary:
            slug_validator(value)
            return True
        return super().valid_value(value)


def _with_aliases(values):
    """Key stages and years may be written in any case (ks2, KS2; r, R)."""
    return [value.upper() if isinstance(value, str) else value for value in values]


class ChallengeFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, strip=True)
    subject = MultiSlugField()
    theme = MultiSlugField()
    tag = MultiSlugField()
    trust = MultiSlugField()
    school = MultiSlugField()
    key_stage = MultiSlugField(choices=[(s, s) for s in KEY_STAGES])
    year = MultiSlugField(choices=YEAR_GROUP_CHOICES)
    duration = MultiSlugField(choices=[(slug, label) for slug, label, _, _ in DURATION_BANDS])
    screen_free = MultiSlugField(choices=SCREEN_FREE_CHOICES)
    cost = MultiSlugField(choices=Cost.choices)
    licence = MultiSlugField(choices=[(spdx, spdx) for spdx in LICENCES])
    kind = MultiSlugField(choices=Kind.choices)
    sort = forms.ChoiceField(required=False, choices=[(s, s) for s in SORTS])
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and hasattr(data, "getlist"):
            data = data.copy()
            for name in ("key_stage", "year"):
                data.setlist(name, _with_aliases(data.getlist(name)))
        super().__init__(data, *args, **kwargs)

    def to_query(self, per_page=PER_PAGE):
        """The validated filters as a ChallengeQuery (call after is_valid())."""
        data = self.cleaned_data
        q = data.get("q") or ""
        return ChallengeQuery(
            q=q,
            filters={name: tuple(data.get(name) or ()) for name in FACETS if data.get(name)},
            sort=data.get("sort") or ("relevance" if q else "newest"),
            page=data.get("page") or 1,
            per_page=per_page,
        )

    def error_text(self):
        """All problems in one sentence per field, for JSON responses and the page."""
        return {name: " ".join(errors) for name, errors in self.errors.items()}


@dataclass(frozen=True)
class ChallengeQuery:
    q: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = "newest"
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


# The search app offers its implementation at start-up (challenges cannot import search: apps
# depend one way); what in challenges must search (the partner API) asks through here.
_search_implementation = None


def offer_search(implementation):
    """Called once by the search app with its search(query, viewer)."""
    global _search_implementation
    _search_implementation = implementation


def search_challenges(query, viewer):
    """The challenges `viewer` may see that match `query` (a ChallengeQuery), by the library's
    configured search implementation."""
    if _search_implementation is None:
        raise RuntimeError("No search implementation: is the search app installed?")
    return _search_implementation(query, viewer)
