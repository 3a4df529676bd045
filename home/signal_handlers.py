from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import SchoolPage, TrustPage
from .roles import set_up_school, set_up_trust


@receiver(post_save, sender=TrustPage)
def trust_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        set_up_trust(instance)


@receiver(post_save, sender=SchoolPage)
def school_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        set_up_school(instance)
