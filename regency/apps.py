from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegencyConfig(AppConfig):
    name = "regency"
    verbose_name = _("Regency")

    def ready(self) -> None:
        from . import local_time  # noqa: F401  (each Celery task on the regency's clock)
