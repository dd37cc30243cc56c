from django.db.models.signals import post_save
from django.dispatch import receiver

from regency.models import Programme

from .books.rendering import create_default_books


@receiver(post_save, sender=Programme, dispatch_uid="masterplan_create_default_books")
def give_new_programme_its_books(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        create_default_books(instance)
