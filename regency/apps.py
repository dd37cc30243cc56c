from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegencyConfig(AppConfig):
    name = "regency"
    verbose_name = _("Regency")

    def ready(self) -> None:
        # Imported here so that the Celery tasks defined beside the work they wrap register
        # with the worker.
        from django.contrib.auth.signals import user_logged_in

        from . import local_time  # noqa: F401  (each Celery task on the regency's clock)
        from .people import accounts

        # replaces Django's own receiver (same dispatch_uid): a sign-in is no administrative change
        user_logged_in.disconnect(dispatch_uid="update_last_login")
        user_logged_in.connect(accounts.note_last_login, dispatch_uid="update_last_login")
