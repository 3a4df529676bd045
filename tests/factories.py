"""Factories for test data (factory-boy and wagtail-factories), and the short helpers tests call.

Pages are created under a parent and published through a revision, as an editor would:
`TrustPageFactory(parent=home)`, or a draft:
`LearningChallengePageFactory(parent=school, revision__publish=False)`.
"""

import factory
import wagtail_factories
from django.contrib.auth.models import User
from wagtail.models import Collection

from challenges.models import ChallengeImage, LearningChallengePage, Subject, Theme, YearGroup
from home.models import SchoolPage, TrustPage
from tests.helpers import png_file

PASSWORD = "correct-horse-battery"


def _publish(page, create, options):
    """Save a revision and publish it (`revision__publish=False`: a draft, not live)."""
    if not create:
        return
    user = options.get("user")
    revision = page.save_revision(user=user)
    if options.get("publish", True):
        revision.publish(user=user)
    else:
        page.live = False
        page.save()
    page.refresh_from_db()  # publishing wrote to the database, not to this object


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under `parent` and published (a draft with `revision__publish=False`)."""

    slug = ""  # Wagtail derives it from the title, unique among siblings

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def revision(obj, create, extracted, **options):
        _publish(obj, create, options)


class TrustPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Trust {n}")

    class Meta:
        model = TrustPage


class SchoolPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"School {n}")

    class Meta:
        model = SchoolPage


def _one_activity():
    return [
        (
            "activity",
            {
                "title": "Get started",
                "age_band": "all",
                "needs_screen": False,
                "body": "<p>Find a space and begin.</p>",
            },
        ),
    ]


class LearningChallengePageFactory(wagtail_factories.PageFactory):
    """A challenge complete enough to submit: summary, year groups 3 and 4, science, one activity.

    `year_codes`, `subjects`, `themes` and `tags` take year codes, slugs and tag names.
    """

    title = factory.Sequence(lambda n: f"Challenge {n}")
    slug = ""
    visibility = "public"
    summary = factory.LazyAttribute(lambda page: f"{page.title}: a challenge for the whole family.")
    activities = factory.LazyFunction(_one_activity)
    duration_min_minutes = 30
    duration_max_minutes = 60

    class Meta:
        model = LearningChallengePage
        skip_postgeneration_save = True

    # Parental relations are set in memory; the revision below saves them with the page.
    @factory.post_generation
    def year_codes(obj, create, extracted, **options):
        codes = ["3", "4"] if extracted is None else extracted
        obj.year_groups.set(YearGroup.objects.filter(code__in=codes))

    @factory.post_generation
    def subjects(obj, create, extracted, **options):
        slugs = ["science"] if extracted is None else extracted
        obj.subjects.set(Subject.objects.filter(slug__in=slugs))

    @factory.post_generation
    def themes(obj, create, extracted, **options):
        obj.themes.set(Theme.objects.filter(slug__in=extracted or []))

    @factory.post_generation
    def tags(obj, create, extracted, **options):
        obj.tags.set(extracted or [])

    @factory.post_generation
    def revision(obj, create, extracted, **options):
        _publish(obj, create, options)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(obj, create, extracted, **options):
        if create and extracted:
            obj.groups.add(*extracted)


class ChallengeImageFactory(wagtail_factories.ImageFactory):
    """A small generated PNG in the root collection, credited."""

    title = "Bug hotel photo"
    credit = "Photo: Ash Primary"
    file = factory.LazyFunction(png_file)
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = ChallengeImage


# The short forms most tests use ----------------------------------------------------------------


def add_page(parent, page):
    """Add an already built page under `parent` and publish it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_challenge(parent, title, visibility="public", publish=True, user=None, **fields):
    """A published (or draft) challenge, read back from the database."""
    page = LearningChallengePageFactory(
        parent=parent,
        title=title,
        visibility=visibility,
        revision__publish=publish,
        revision__user=user,
        **fields,
    )
    return LearningChallengePage.objects.get(pk=page.pk)


def make_user(username, *groups, **extra):
    return UserFactory(username=username, groups=groups, **extra)
