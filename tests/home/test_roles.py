"""Roles are set up when a trust or school is created, and each role can do exactly its job."""

import pytest
from django.test import Client
from wagtail.models import Collection, WorkflowPage

from home.models import Role, SchoolPage, TrustPage
from home.roles import role_group
from tests.factories import add_page, make_challenge


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
    draft = library.draft
    client = Client()
    client.force_login(library.editor_a1)
    edit_url = f"/admin/pages/{draft.pk}/edit/"
    form = client.get(edit_url)
    assert form.status_code == 200
    assert b'name="action-publish"' not in form.content
    draft.refresh_from_db()
    assert not draft.live


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
