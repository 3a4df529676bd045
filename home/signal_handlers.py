"""A new trust or school gets its groups, permissions, collections and workflow.

Connected in HomeConfig.ready().
"""

from .roles import set_up_school, set_up_trust


def trust_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        set_up_trust(instance)


def school_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        set_up_school(instance)
