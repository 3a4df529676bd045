"""School editors lose "choose image" on their trust's collection (it reached every sibling
school's collection beneath it) and choose from the trust's "Shared with all schools" instead."""

from django.db import migrations

SHARED_COLLECTION_NAME = "Shared with all schools"
SHARED_MEDIA_PERMISSIONS = ["choose_image", "choose_document"]
MEDIA_APPS = ["wagtailimages", "wagtaildocs"]
STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _next_step(last_path):
    """Treebeard's materialised path: the next sibling after `last_path` (base 36, 4 digits)."""
    number = int(last_path[-STEPLEN:], 36) + 1 if last_path else 1
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    return digits.rjust(STEPLEN, "0")


def _child_collection(Collection, parent, name):
    children = Collection.objects.filter(
        path__startswith=parent.path, depth=parent.depth + 1
    ).order_by("path")
    existing = children.filter(name=name).first()
    if existing:
        return existing
    last = children.last()
    child = Collection.objects.create(
        name=name,
        depth=parent.depth + 1,
        numchild=0,
        path=parent.path + _next_step(last.path if last else ""),
    )
    parent.numchild += 1
    parent.save(update_fields=["numchild"])
    return child


def move_school_editors_to_shared_collections(apps, schema_editor):
    Role = apps.get_model("home", "Role")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Permission = apps.get_model("auth", "Permission")
    shared_permissions = list(
        Permission.objects.filter(
            content_type__app_label__in=MEDIA_APPS, codename__in=SHARED_MEDIA_PERMISSIONS
        )
    )
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for role in Role.objects.filter(kind="school_editor").select_related("page"):
        trust = Page.objects.filter(path=role.page.path[:-STEPLEN]).first()
        trust_collection = trust and _child_collection(Collection, root, trust.title)
        if trust_collection is None:
            continue
        GroupCollectionPermission.objects.filter(
            group_id=role.group_id, collection=trust_collection
        ).delete()
        shared = _child_collection(Collection, trust_collection, SHARED_COLLECTION_NAME)
        for permission in shared_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group_id=role.group_id, collection=shared, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_trust_second_reviewer"),
        ("wagtailcore", "0066_collection_management_permissions"),
    ]

    operations = [
        migrations.RunPython(move_school_editors_to_shared_collections, migrations.RunPython.noop)
    ]
