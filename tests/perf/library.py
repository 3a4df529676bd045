"""A large, varied library for `make bench`: trusts, schools and N published challenges.

Challenges are variations on the demo library's 44 (challenges/demo/library.zip): real English
titles, summaries and activities, recombined with other subjects, themes, tags, year groups,
durations, costs and visibilities, so that words, facet values and result counts vary as in a
real library.

Fast but honest. Trusts and schools are published the usual way. Challenges are written as
`loaddata` writes a fixture of pages: the page rows in bulk with their tree path, depth and URL
path (treebeard's own path function), then each challenge row as a raw save, then the parents'
child counts; they are live with a publication date, and trust, school, audience and licence are
set as `LearningChallengePage.save` derives them. Skipped is only what search never reads:
revisions, log entries and the per-save index and reference-index updates. Year groups,
subjects, themes and tags are bulk inserted; Wagtail's index is then built in bulk, as
`update_index` does. `check_library` proves a sample against the real model code.
"""

import random
import time
import uuid
from collections import Counter
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.test import Client
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from challenges.demo.package import demo_challenges
from challenges.licences import LICENCES
from challenges.models import (
    ChallengeTag,
    LearningChallengePage,
    Subject,
    Theme,
    YearGroup,
)
from challenges.visibility import audience_key
from challenges.vocabulary import YEAR_GROUPS
from home.models import HomePage, Partnership, SchoolPage, TrustPage
from search.indexing.documents import build_documents, live_challenges

# Four trusts, fifteen schools; a few challenges sit directly under their trust.
TRUSTS = {
    "brookside": ["alder-bank", "heron-way", "otter-lane", "willow-green"],
    "hillcrest": ["summit", "quarry-hill", "beacon"],
    "seaview": ["harbour", "lighthouse", "dunes", "pier-road"],
    "moorland": ["heather", "curlew", "tor-view", "granite"],
}
PARTNERS = [("brookside", "hillcrest")]
NON_PUBLIC_SHARE = 0.10
UNDER_TRUST_SHARE = 0.06
ADAPTATION_SHARE = 0.05
PUBLISHED_UNTIL = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
PUBLISHED_OVER_DAYS = 3 * 365

TWISTS = [
    "autumn edition", "at the park", "for little ones", "family version", "in ten minutes",
    "rainy day special", "with grandparents", "around the world", "on a budget", "by moonlight",
    "in the kitchen", "for the summer holidays", "with a twist", "for big kids", "outdoors",
    "spring term", "winter warmer", "the sequel", "in your street", "for siblings together",
]  # fmt: skip
PREFIXES = ["Mini", "Big", "Weekend", "Holiday", "Super", "Quick", "Family", "Ultimate"]
EXTRA_SENTENCES = [
    "Perfect for a wet afternoon indoors.",
    "Try it in the garden, on a balcony or at the local park.",
    "Brothers and sisters of different ages can work on it together.",
    "Take photos of each step and make a little diary of what you learned.",
    "Everything you need is probably already in a kitchen cupboard.",
    "Grandparents, neighbours and friends can join in too.",
    "Talk about it at dinner: what surprised you most?",
    "Ideal for the first week back after a holiday.",
    "A calm, screen-free way to spend an hour together.",
    "Use recycled materials wherever you can.",
]
COSTS = ["free"] * 7 + ["low"] * 2 + ["purchase"]
KINDS = ["single"] * 8 + ["weekly", "long"]
HIDDEN_VISIBILITIES = ["school", "trust", "partners"]


YEAR_CODES = [code for code, _, _ in YEAR_GROUPS]


def _demo_templates():
    """The demo package's challenges, as the attributes the generator recombines."""
    templates = []
    for document in demo_challenges():
        templates.append(
            SimpleNamespace(
                **{name: document[name] for name in (
                    "title", "summary", "kind", "cost", "adult_support", "outcomes", "subjects",
                    "themes", "tags", "family_guidance", "support_ideas", "stretch_ideas",
                    "safety_notes", "share_how",
                )},
                years=document["year_groups"],
                minutes=(document["duration_min_minutes"] or 30,
                         document["duration_max_minutes"] or 60),
                materials=[(m["item"], m["household_alternative"]) for m in document["materials"]],
                activities=[SimpleNamespace(**a) for a in document["activities"]],
            )
        )  # fmt: skip
    return templates


DEMO_CHALLENGES = _demo_templates()


def _published_at(rng):
    return PUBLISHED_UNTIL - timedelta(minutes=rng.randrange(PUBLISHED_OVER_DAYS * 24 * 60))


def _years(rng, template_years):
    codes = YEAR_CODES
    if rng.random() < 0.6 and template_years:
        start = codes.index(template_years[0])
        shift = rng.randint(-2, 2)
        width = len(template_years)
    else:
        start, shift, width = rng.randrange(len(codes)), 0, rng.randint(1, 6)
    first = min(max(start + shift, 0), len(codes) - 1)
    return codes[first : first + width]


def _title(rng, template):
    roll = rng.random()
    if roll < 0.35:
        return template.title
    if roll < 0.8:
        return f"{template.title}: {rng.choice(TWISTS)}"
    return f"{rng.choice(PREFIXES)} {template.title[0].lower()}{template.title[1:]}"


def _activity(activity, needs_screen):
    return (
        "activity",
        {
            "title": activity.title,
            "body": activity.body,
            "day": activity.day,
            "subject": activity.subject,
            "age_band": activity.age_band,
            "needs_screen": needs_screen,
        },
    )


class ChallengeSpec:
    """One generated challenge: page fields plus the many-to-many values to insert later."""

    def __init__(self, rng, number, all_subjects, all_themes, all_tags):
        template = rng.choice(DEMO_CHALLENGES)
        other = rng.choice(DEMO_CHALLENGES)
        self.title = _title(rng, template)
        summary = template.summary
        if rng.random() < 0.5:
            summary = f"{summary} {rng.choice(EXTRA_SENTENCES)}"
        low, high = template.minutes
        scale = rng.choice([0.5, 0.75, 1, 1, 1, 1.5, 2])
        low = max(5, int(low * scale) // 5 * 5)
        high = max(low, int(high * scale) // 5 * 5)
        activities = list(template.activities)
        rng.shuffle(activities)
        activities = activities[: rng.randint(1, len(activities))]
        if rng.random() < 0.3:
            activities.append(rng.choice(other.activities))
        screen_share = rng.choice([0, 0, 0.2, 0.5])
        self.fields = {
            "title": self.title,
            "slug": f"{slugify(self.title)[:60]}-{number}",
            "uid": uuid.UUID(int=rng.getrandbits(128), version=4),
            "summary": summary[:300],
            "kind": template.kind if rng.random() < 0.7 else rng.choice(KINDS),
            "duration_min_minutes": low,
            "duration_max_minutes": high,
            "cost": template.cost if rng.random() < 0.6 else rng.choice(COSTS),
            "adult_support": template.adult_support,
            "outcomes": [("outcome", text) for text in template.outcomes],
            "materials": [
                ("material", {"item": item, "household_alternative": alternative})
                for item, alternative in template.materials
            ],
            "activities": [_activity(a, rng.random() < screen_share) for a in activities],
            "family_guidance": template.family_guidance,
            "support_ideas": template.support_ideas,
            "stretch_ideas": template.stretch_ideas,
            "safety_notes": template.safety_notes,
            "share_how": template.share_how or "Bring your work to school to show your class.",
            "licence": rng.choice(list(LICENCES)) if rng.random() < 0.2 else "",
            "visibility": (
                rng.choice(HIDDEN_VISIBILITIES) if rng.random() < NON_PUBLIC_SHARE else "public"
            ),
            "first_published_at": _published_at(rng),
        }
        self.years = _years(rng, template.years)
        self.subjects = set(template.subjects[: rng.randint(1, max(1, len(template.subjects)))])
        if rng.random() < 0.3:
            self.subjects.add(rng.choice(all_subjects))
        self.themes = set(rng.sample(template.themes, k=rng.randint(0, len(template.themes))))
        if rng.random() < 0.3:
            self.themes.add(rng.choice(all_themes))
        self.tags = set(rng.sample(list(template.tags), k=rng.randint(0, len(template.tags))))
        self.tags |= set(rng.sample(all_tags, k=rng.choice([0, 0, 1, 2])))


def _add_published(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def create_trusts_and_schools():
    """The trusts and schools, published as an administrator would; {slug: page}."""
    home = HomePage.objects.get()
    trusts, schools = {}, {}
    for trust_slug, school_slugs in TRUSTS.items():
        trust = _add_published(
            home, TrustPage(title=f"{trust_slug.title()} Learning Trust", slug=trust_slug)
        )
        trusts[trust_slug] = trust
        for school_slug in school_slugs:
            title = f"{school_slug.replace('-', ' ').title()} Primary"
            schools[school_slug] = _add_published(trust, SchoolPage(title=title, slug=school_slug))
    for requester, partner in PARTNERS:
        Partnership.objects.create(
            requester=trusts[requester], partner=trusts[partner],
            status=Partnership.Status.ACCEPTED,
        )  # fmt: skip
    return trusts, schools


def create_challenges(count, seed=20260901):
    """`count` live challenges spread over the schools (and a few directly under trusts)."""
    rng = random.Random(seed)
    trusts, schools = create_trusts_and_schools()
    subjects = {s.slug: s.pk for s in Subject.objects.all()}
    themes = {t.slug: t.pk for t in Theme.objects.all()}
    years = {y.code: y.pk for y in YearGroup.objects.all()}
    all_tags = sorted({tag for challenge in DEMO_CHALLENGES for tag in challenge.tags})
    specs, parents = [], []
    for number in range(count):
        spec = ChallengeSpec(rng, number, list(subjects), list(themes), all_tags)
        if specs and rng.random() < ADAPTATION_SHARE:
            origin = rng.choice(specs)
            spec.fields["adapted_from"] = {
                "uid": str(origin.fields["uid"]), "title": origin.title, "mode": "snapshot",
            }  # fmt: skip
        under_trust = rng.random() < UNDER_TRUST_SHARE
        parents.append(rng.choice(list((trusts if under_trust else schools).values())))
        specs.append(spec)
    pages = _insert_pages(rng, specs, parents)
    _add_relations(specs, pages, subjects, themes, years)
    return pages


def _owner(parent):
    """(trust, school) of a challenge under `parent`, as derive_ownership finds them."""
    if isinstance(parent, SchoolPage):
        return TrustPage.objects.ancestor_of(parent).get(), parent
    return parent, None


def _insert_pages(rng, specs, parents):
    """Live challenge pages in the tree, written as `loaddata` writes a fixture: the page rows
    (in bulk), then each challenge row as a raw save, then the parents' child counts."""
    content_type = ContentType.objects.get_for_model(LearningChallengePage)
    locale = Locale.get_default()
    owners = {parent.pk: _owner(parent) for parent in parents}
    numchild = dict(Page.objects.filter(pk__in=owners).values_list("pk", "numchild"))
    added = Counter()
    pages = []
    for spec, parent in zip(specs, parents, strict=True):
        trust, school = owners[parent.pk]
        added[parent.pk] += 1
        position = numchild[parent.pk] + added[parent.pk]
        fields = spec.fields
        page = LearningChallengePage(
            **fields,
            draft_title=fields["title"],
            content_type=content_type,
            locale=locale,
            translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
            depth=parent.depth + 1,
            path=Page._get_path(parent.path, parent.depth + 1, position),
            url_path=f"{parent.url_path}{fields['slug']}/",
            live=True,
            has_unpublished_changes=False,
            last_published_at=fields["first_published_at"],
            trust=trust,
            school=school,
            audience=audience_key(fields["visibility"], trust.pk, school.pk if school else None),
        )
        page.licence = page.licence or trust.default_licence
        pages.append(page)
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rows = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in pages],
        batch_size=1000,
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page.save_base(raw=True, force_insert=True)
    for parent_id, count in added.items():
        Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + count)
    return pages


def _add_relations(specs, pages, subjects, themes, years):
    """Year groups, subjects, themes and tags: the rows modelcluster would write, in bulk."""
    model = LearningChallengePage
    tag_ids = {}
    for name in sorted({name for spec in specs for name in spec.tags}):
        tag, _ = Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})
        tag_ids[name] = tag.pk
    through = {
        "year_groups": (model.year_groups.through, "yeargroup_id", years, "years"),
        "subjects": (model.subjects.through, "subject_id", subjects, "subjects"),
        "themes": (model.themes.through, "theme_id", themes, "themes"),
    }
    for through_model, column, ids, attribute in through.values():
        through_model.objects.bulk_create(
            [
                through_model(learningchallengepage_id=page.pk, **{column: ids[value]})
                for spec, page in zip(specs, pages, strict=True)
                for value in sorted(getattr(spec, attribute))
            ],
            batch_size=2000,
        )
    ChallengeTag.objects.bulk_create(
        [
            ChallengeTag(content_object_id=page.pk, tag_id=tag_ids[name])
            for spec, page in zip(specs, pages, strict=True)
            for name in sorted(spec.tags)
        ],
        batch_size=2000,
    )


def build_stock_index(chunk_size=1000):
    """Wagtail's own search index for the challenges, as `update_index` builds it."""
    backend = get_search_backend()
    queryset = LearningChallengePage.get_indexed_objects().order_by("pk")
    for start in range(0, queryset.count(), chunk_size):
        backend.add_bulk(LearningChallengePage, list(queryset[start : start + chunk_size]))


def check_library(sample_size=40, seed=1):
    """What the bulk writing skipped, proven on a sample against the real model code: tree
    counts, validation, derived ownership, URL paths and serving. Returns the problems found."""
    problems = []
    for parent in [*TrustPage.objects.all(), *SchoolPage.objects.all()]:
        if parent.numchild != Page.objects.child_of(parent).count():
            problems.append(f"{parent.slug}: numchild {parent.numchild} is wrong")
    pks = sorted(LearningChallengePage.objects.values_list("pk", flat=True))
    client = Client()
    for pk in random.Random(seed).sample(pks, min(sample_size, len(pks))):
        page = LearningChallengePage.objects.get(pk=pk)
        stored = (page.trust_id, page.school_id, page.audience)
        try:
            page.full_clean()
        except ValidationError as error:
            problems.append(f"{page.slug}: {error}")
        page.derive_ownership()
        if (page.trust_id, page.school_id, page.audience) != stored:
            problems.append(f"{page.slug}: trust, school or audience differ from derive_ownership")
        if page.url_path != f"{page.get_parent().url_path}{page.slug}/":
            problems.append(f"{page.slug}: url_path {page.url_path} does not follow its parent")
        status = client.get(page.url).status_code
        if status != (200 if page.visibility == "public" else 404):
            problems.append(f"{page.slug} ({page.visibility}): GET {page.url} answered {status}")
    return problems


class Timer:
    """Wall-clock seconds of each named step."""

    def __init__(self):
        self.steps = {}

    @contextmanager
    def step(self, name):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.steps[name] = time.perf_counter() - started

    @property
    def total(self):
        return sum(self.steps.values())


def generate(count, timer):
    """The pages and Wagtail's own index; returns the documents our indexes are built from."""
    with timer.step("challenge pages"), transaction.atomic():
        create_challenges(count)
    with timer.step("stock Wagtail index"), transaction.atomic():
        build_stock_index()
    with timer.step("documents (build_documents)"):
        return list(build_documents(live_challenges().iterator(2000)))
