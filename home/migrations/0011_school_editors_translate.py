"""School editors translate their school's challenges: existing school editor groups get
wagtail-localize's "submit translation" permission, as set_up_school gives new ones."""

from django.db import migrations


def grant(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Role = apps.get_model("home", "Role")
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if permission is None:
        return
    for role in Role.objects.filter(kind="school_editor").select_related("group"):
        role.group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0010_role_invitation"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
