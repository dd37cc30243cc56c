from django.db.models.signals import post_save
from django.dispatch import receiver

from regency.models import Programme

from .stages import create_default_stages


@receiver(post_save, sender=Programme, dispatch_uid="workshops_create_default_stages")
def give_new_programme_its_stages(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        create_default_stages(instance)
