"""A new trust or school gets its groups, permissions, collections and workflow.

Connected in HomeConfig.ready().
"""

from home.models import partnership_changed
from home.roles import set_up_school, set_up_trust


def trust_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        set_up_trust(instance)


def school_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        set_up_school(instance)


def partnership_saved_or_deleted(sender, instance, **kwargs):
    """Whatever changed a partnership (the trust admins' screen, the snippet, a shell), what
    partners may see changed with it: tell the apps that cache what is visible."""
    partnership_changed.send(sender=sender, partnership=instance)
