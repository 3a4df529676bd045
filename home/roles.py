"""Groups, page permissions, collections and the review workflow that a trust or school gets.

Called when a TrustPage or SchoolPage is created; safe to call again (it completes what is missing).
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import Role, TrustPage, TrustReviewTask

SCHOOL_EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
TRUST_MODERATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
TRUST_KINDS = (Role.Kind.TRUST_MODERATOR, Role.Kind.TRUST_ADMIN)  # they see the whole trust
MEDIA_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


SHARED_MEDIA_PERMISSIONS = ["choose_image", "choose_document"]
SHARED_COLLECTION_NAME = "Shared with all schools"


def _page_permission(codename):
    return Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Page), codename=codename
    )


def _media_permissions():
    return Permission.objects.filter(
        content_type__app_label__in=MEDIA_PERMISSIONS,
        codename__in=[code for codes in MEDIA_PERMISSIONS.values() for code in codes],
    )


def _role_group(page, kind, name):
    role = Role.objects.filter(page=page, kind=kind).select_related("group").first()
    if role:
        return role.group
    group, _ = Group.objects.get_or_create(name=name[:150])
    Role.objects.create(group=group, page=page, kind=kind)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_page_permission(codename)
        )


def _grant_collection(group, collection):
    for permission in _media_permissions():
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def _collection(name, parent):
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(name=name)


def shared_collection(trust):
    """Media the trust offers every school: moderators add to it, school editors choose from it."""
    trust_collection = _collection(trust.title, Collection.get_first_root_node())
    return _collection(SHARED_COLLECTION_NAME, trust_collection)


@transaction.atomic
def set_up_trust(trust):
    moderators = _role_group(trust, Role.Kind.TRUST_MODERATOR, f"{trust.title} moderators")
    admins = _role_group(trust, Role.Kind.TRUST_ADMIN, f"{trust.title} admins")
    _grant_pages(moderators, trust, TRUST_MODERATOR_PAGE_PERMISSIONS)
    collection = _collection(trust.title, Collection.get_first_root_node())
    _grant_collection(moderators, collection)
    _grant_collection(admins, collection)
    shared_collection(trust)

    if not WorkflowPage.objects.filter(page=trust).exists():
        task = TrustReviewTask.objects.create(name=f"Trust review: {trust.title}"[:255])
        task.groups.set([moderators])
        workflow = Workflow.objects.create(name=f"Trust review: {trust.title}"[:255])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=trust)
    return moderators


@transaction.atomic
def set_up_school(school):
    trust = school.get_parent().specific
    set_up_trust(trust)
    editors = _role_group(school, Role.Kind.SCHOOL_EDITOR, f"{school.title} editors")
    _grant_pages(editors, school, SCHOOL_EDITOR_PAGE_PERMISSIONS)
    trust_collection = _collection(trust.title, Collection.get_first_root_node())
    _grant_collection(editors, _collection(school.title, trust_collection))
    # Trust-wide media sits in its own sub-collection: a grant on the trust collection itself
    # would reach every sibling school's collection beneath it.
    shared = Permission.objects.filter(
        content_type__app_label__in=MEDIA_PERMISSIONS, codename__in=SHARED_MEDIA_PERMISSIONS
    )
    for permission in shared:
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=shared_collection(trust), permission=permission
        )
    return editors


def role_group(page, kind):
    return Role.objects.get(page=page, kind=kind).group


def roles_of(user):
    """The roles a user holds through their groups."""
    return Role.objects.filter(group__user=user)


def trusts_run_by(user):
    """Trusts the user moderates or administers (school editors run none)."""
    return TrustPage.objects.filter(
        pk__in=roles_of(user).filter(kind__in=TRUST_KINDS).values("page_id")
    )
