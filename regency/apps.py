from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegencyConfig(AppConfig):
    name = "regency"
    verbose_name = _("Regency")

    def ready(self) -> None:
        # Imported here so that the Celery tasks defined beside the work they wrap register
        # with the worker.
        from .people import accounts  # noqa: F401
