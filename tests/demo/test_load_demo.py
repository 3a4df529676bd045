"""`manage.py load_demo`: the demo library is complete, valid and loads idempotently."""

import hashlib
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Revision

from challenges.demo import people
from challenges.demo.package import demo_challenges
from challenges.licences import LICENCES
from challenges.models import ChallengeImage, LearningChallengePage
from challenges.validation import submission_problems
from home.models import Partnership, Role, SchoolPage, TrustPage
from home.roles import role_group
from tests.helpers import rolled_back_after_module


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot():
    """Everything the loader creates, counted."""
    challenges = LearningChallengePage.objects.all()
    return {
        "trusts": TrustPage.objects.count(),
        "schools": SchoolPage.objects.count(),
        "challenges": challenges.count(),
        "published": challenges.filter(live=True).count(),
        "versions": sorted(challenges.values_list("version", flat=True)),
        "revisions": Revision.objects.count(),
        "images": ChallengeImage.objects.count(),
        "users": User.objects.count(),
        "memberships": User.groups.through.objects.count(),
        "partnerships": Partnership.objects.count(),
    }


def page_at(path):
    trust_slug, _, school_slug = path.partition("/")
    trust = TrustPage.objects.originals().get(slug=trust_slug)
    return SchoolPage.objects.child_of(trust).get(slug=school_slug) if school_slug else trust


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo library, loaded twice, once for this module (a load takes seconds).

    It is built inside a transaction that is rolled back when the module is done; each test runs
    in a savepoint inside it, so the tests see it but cannot change it for each other.
    """
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("demo-media"))
    with media, rolled_back_after_module(django_db_blocker):
        first_output = load_demo()
        first = snapshot()
        second_output = load_demo()
        yield {
            "outputs": (first_output, second_output),
            "first": first,
            "second": snapshot(),
        }


@pytest.mark.django_db
def test_load_demo_twice_creates_nothing_new(demo):
    assert demo["second"] == demo["first"]
    first_output, second_output = demo["outputs"]
    assert "Created this run: nothing" not in first_output
    assert "Created this run: nothing" in second_output
    for output in demo["outputs"]:
        assert f"user {people.SUPERUSER}  password {people.DEMO_PASSWORD}" in output
        assert "http://127.0.0.1:8000/admin/" in output


@pytest.mark.django_db
def test_demo_library_is_big_and_varied(demo):
    challenges = LearningChallengePage.objects.all()
    published = challenges.live()

    assert TrustPage.objects.count() >= 3
    assert SchoolPage.objects.count() >= 8
    assert challenges.count() >= 40
    for visibility in ("school", "trust", "partners"):
        assert published.filter(visibility=visibility).count() >= 3, visibility
    assert published.filter(visibility="public").count() >= 20
    assert challenges.filter(live=False).count() >= 3
    assert challenges.filter(school__isnull=True).exists()  # trust-wide challenges
    assert set(challenges.values_list("kind", flat=True)) == {"single", "weekly", "long"}
    assert set(challenges.values_list("licence", flat=True)) == set(LICENCES)
    assert {challenge.screen_free for challenge in published} >= {"all", "some"}
    # One image per challenge; its translations show the same image.
    assert ChallengeImage.objects.count() == challenges.originals().count()


@pytest.mark.django_db
def test_published_challenges_pass_the_submission_rules(demo):
    for challenge in LearningChallengePage.objects.live().specific():
        assert submission_problems(challenge) == {}, challenge.title
        assert challenge.version == 1, challenge.title  # published once, through Wagtail
        assert challenge.hero_image.credit and challenge.hero_image.licence
        assert bool(challenge.hero_image_alt) != challenge.hero_image_decorative
    for draft in LearningChallengePage.objects.filter(live=False):
        assert draft.version == 0
        assert draft.latest_revision is not None


@pytest.mark.django_db
def test_partnerships(demo):
    riverside, oakfield, northern = (
        page_at(slug) for slug in ("riverside", "oakfield", "northern-lights")
    )
    accepted = Partnership.objects.get(requester=riverside, partner=oakfield)
    assert accepted.status == Partnership.Status.ACCEPTED
    assert accepted.responded_by.username == "trustadmin.oakfield"
    pending = Partnership.objects.get(requester=northern, partner=riverside)
    assert pending.status == Partnership.Status.REQUESTED


@pytest.mark.django_db
def test_users_hold_their_roles(demo):
    admin = User.objects.get(username=people.SUPERUSER)
    assert admin.is_superuser and admin.check_password(people.DEMO_PASSWORD)

    roles_seen = set()
    for demo_user in people.USERS:
        user = User.objects.get(username=demo_user.username)
        assert user.check_password(people.DEMO_PASSWORD)
        for path in demo_user.pages:
            group = role_group(page_at(path), Role.Kind(demo_user.role))
            assert user.groups.filter(pk=group.pk).exists(), (demo_user.username, path)
        roles_seen.add(demo_user.role)
    assert roles_seen == set(Role.Kind.values)

    for trust in people.TRUSTS:  # a moderator, an admin and at least one school editor per trust
        trust_page = page_at(trust.slug)
        for kind in (Role.Kind.TRUST_MODERATOR, Role.Kind.TRUST_ADMIN):
            assert role_group(trust_page, kind).user_set.exists()
        assert any(
            role_group(school, Role.Kind.SCHOOL_EDITOR).user_set.exists()
            for school in SchoolPage.objects.child_of(trust_page)
        )

    shared = User.objects.get(username="teacher.shared")
    assert shared.groups.filter(library_role__kind=Role.Kind.SCHOOL_EDITOR).count() == 2


@pytest.mark.django_db
def test_another_run_keeps_existing_passwords(demo):
    editor = User.objects.get(username="editor.oak")
    editor.set_password("changed-by-the-user")
    editor.save()
    load_demo()
    editor.refresh_from_db()
    assert editor.check_password("changed-by-the-user")


@pytest.mark.django_db
def test_the_challenges_are_the_demo_package_imported(demo):
    """load_demo imports the shipped package: same uids, same pictures byte for byte."""
    documents = {document["uid"]: document for document in demo_challenges()}
    pages = {str(page.uid): page for page in LearningChallengePage.objects.originals()}
    assert set(pages) == set(documents)
    for uid, document in documents.items():
        page = pages[uid]
        assert page.live == (document["version"] >= 1)
        assert page.licence == document["licence"] and page.visibility == document["visibility"]
        hero = document["hero_image"]
        digest = hashlib.sha256(page.hero_image.file.read()).hexdigest()
        assert digest == hero["asset"]
