from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops (Bimtek)")

    def ready(self):
        # Imported here because Django demands it: signal handlers connect, and the Celery
        # tasks defined beside the work they wrap register with the worker.
        from . import photos, printing, signals  # noqa: F401
