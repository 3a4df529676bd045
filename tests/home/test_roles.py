"""Roles are set up when a trust or school is created, and each role can do exactly its job."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    WorkflowPage,
)

from home.models import Role, SchoolPage, TrustPage
from home.roles import SHARED_COLLECTION_NAME, role_group, shared_collection
from tests.factories import add_page, make_challenge, make_user
from tests.home.test_workflow import submit_through_editor


def test_creating_a_trust_creates_its_groups_collection_and_review_workflow(home_page):
    trust = add_page(home_page, TrustPage(title="Hazel Trust", slug="hazel"))
    kinds = set(Role.objects.filter(page=trust).values_list("kind", flat=True))
    assert kinds == {Role.Kind.TRUST_MODERATOR, Role.Kind.TRUST_ADMIN}
    assert Collection.objects.filter(name="Hazel Trust").exists()
    workflow = WorkflowPage.objects.get(page=trust).workflow
    task = workflow.tasks.get().specific
    assert task.groups.get() == role_group(trust, Role.Kind.TRUST_MODERATOR)


def test_creating_a_school_creates_its_editor_group_and_collection(library):
    school = add_page(library.trust_c, SchoolPage(title="Chestnut Academy", slug="chestnut"))
    editors = role_group(school, Role.Kind.SCHOOL_EDITOR)
    assert editors.name == "Chestnut Academy editors"
    trust_collection = Collection.objects.get(name="Cedar Trust")
    assert trust_collection.get_children().filter(name="Chestnut Academy").exists()


def test_school_editors_choose_media_from_their_school_and_the_shared_collection_only(library):
    editors = role_group(library.school_a1, Role.Kind.SCHOOL_EDITOR)
    granted = GroupCollectionPermission.objects.filter(group=editors)
    trust_collection = Collection.objects.get(name="Alder Trust")
    assert not granted.filter(collection=trust_collection).exists()  # it covers every school
    shared = shared_collection(library.trust_a)
    assert set(
        granted.filter(collection=shared).values_list("permission__codename", flat=True)
    ) == {
        "choose_image",
        "choose_document",
    }
    assert granted.filter(collection__name="Ash Primary", permission__codename="add_image").exists()


def test_migration_moves_school_editors_off_the_trust_collection(library):
    """Libraries set up before the shared collection existed lose the trust-wide grant."""
    migration = importlib.import_module(
        "home.migrations.0004_school_editors_choose_only_their_collections"
    )
    editors = role_group(library.school_a1, Role.Kind.SCHOOL_EDITOR)
    trust_collection = Collection.objects.get(name="Alder Trust")
    Collection.objects.filter(name=SHARED_COLLECTION_NAME).delete()
    GroupCollectionPermission.objects.create(
        group=editors,
        collection=trust_collection,
        permission=Permission.objects.get(codename="choose_image"),
    )
    migration.move_school_editors_to_shared_collections(apps, None)
    assert not GroupCollectionPermission.objects.filter(
        group=editors, collection=trust_collection
    ).exists()
    shared = Collection.objects.get(
        name=SHARED_COLLECTION_NAME, path__startswith=trust_collection.path
    )
    assert shared.get_parent() == trust_collection
    assert GroupCollectionPermission.objects.filter(group=editors, collection=shared).count() == 2
    assert Collection.find_problems() == ([], [], [], [], [])  # the tree is still well formed


def permissions(user, page):
    return page.permissions_for_user(user)


def test_school_editor_edits_own_school_only(library):
    own, other_school, other_trust = (
        library.public,
        make_challenge(library.school_a2, "Aspen draft", publish=False),
        make_challenge(library.school_b1, "Beech draft", publish=False),
    )
    assert permissions(library.editor_a1, own).can_edit()
    assert permissions(library.editor_a1, library.school_a1).can_add_subpage()
    assert not permissions(library.editor_a1, other_school).can_edit()
    assert not permissions(library.editor_a1, other_trust).can_edit()
    assert not permissions(library.editor_a1, library.school_a2).can_add_subpage()


def test_school_editor_cannot_publish_and_moderator_can(library):
    assert not permissions(library.editor_a1, library.public).can_publish()
    assert permissions(library.moderator_a, library.public).can_publish()
    assert permissions(library.moderator_a, library.public).can_unpublish()
    assert permissions(library.moderator_a, library.public).can_lock()
    assert not permissions(
        library.moderator_a, make_challenge(library.school_b1, "B")
    ).can_publish()


def test_editor_publish_button_does_not_publish(library):
    """The editor has no Publish button, and posting `action-publish` anyway only saves a draft."""
    draft = library.draft
    client = Client()
    client.force_login(library.editor_a1)
    form = client.get(f"/admin/pages/{draft.pk}/edit/")
    assert form.status_code == 200
    assert b'name="action-publish"' not in form.content
    response = submit_through_editor(
        client, draft, action="action-publish", title="Draft canaryd shadows, renamed"
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.draft_title == "Draft canaryd shadows, renamed"  # the post went through...
    assert not draft.live  # ...and published nothing
    assert not draft.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert draft.live_revision is None


def test_a_user_may_belong_to_several_schools(library):
    library.editor_a1.groups.add(role_group(library.school_b1, Role.Kind.SCHOOL_EDITOR))
    beech = make_challenge(library.school_b1, "Beech pond", publish=False)
    assert permissions(library.editor_a1, beech).can_edit()
    assert permissions(library.editor_a1, library.public).can_edit()


@pytest.mark.parametrize("role", ["editor_a1", "moderator_a"])
def test_roles_reach_the_admin(library, role):
    client = Client()
    client.force_login(getattr(library, role))
    assert client.get("/admin/").status_code == 200


def test_school_editor_takes_their_challenge_offline_at_once(library):
    client = Client()
    client.force_login(library.editor_a1)
    edit = client.get(f"/admin/pages/{library.public.pk}/edit/").content.decode()
    assert "Take offline now" in edit
    response = client.post(f"/admin/challenges/{library.public.pk}/take-offline/")
    assert response.status_code == 302
    library.public.refresh_from_db()
    assert not library.public.live
    assert Client().get("/alder/ash/public-bug-hotel/").status_code == 404


def test_editor_cannot_take_another_schools_challenge_offline(library):
    beech = make_challenge(library.school_b1, "Beech pond")
    client = Client()
    client.force_login(library.editor_a1)
    response = client.post(f"/admin/challenges/{beech.pk}/take-offline/")
    assert (
        response.status_code == 302 and response.url == "/admin/"
    )  # Wagtail's "permission denied"
    beech.refresh_from_db()
    assert beech.live


@pytest.mark.parametrize("default_group", ["Editors", "Moderators"])
def test_wagtails_default_groups_grant_no_school(library, default_group):
    """Anyone added to Wagtail's default groups must not get every trust and school."""
    group = Group.objects.get(name=default_group)
    assert not GroupPagePermission.objects.filter(group=group).exists()
    assert not GroupCollectionPermission.objects.filter(group=group).exists()
    member = make_user(f"member_of_{default_group}", group)
    assert not permissions(member, library.draft).can_edit()
    assert not permissions(member, library.school_a1).can_add_subpage()


def test_admin_redirects_to_the_wagtail_sign_in(library):
    client = Client()
    client.force_login(library.editor_a1)
    response = client.get("/admin/reports/page-types-usage/")  # a superuser-only report
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/?next=")
    assert Client().get(response.url).status_code == 200
