"""Wagtail's default "Editors" and "Moderators" groups hold permissions on the root page and the
root collection, so anyone added to them would get every trust and school: take those away.
The groups stay (with admin access only) so nothing that names them breaks."""

from django.db import migrations

DEFAULT_GROUPS = ["Editors", "Moderators"]


def remove_root_permissions(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission.objects.filter(group__name__in=DEFAULT_GROUPS, page__depth=1).delete()
    GroupCollectionPermission.objects.filter(
        group__name__in=DEFAULT_GROUPS, collection__depth=1
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_school_editors_choose_only_their_collections"),
        # After every migration of Wagtail's that grants these groups something.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(remove_root_permissions, migrations.RunPython.noop)]
