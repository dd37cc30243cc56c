from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MasterplanConfig(AppConfig):
    name = "masterplan"
    verbose_name = _("Masterplan")

    def ready(self):
        from quickwins import origins

        from . import roadmap, signals  # noqa: F401

        origins.register(roadmap.quick_win_origin_links)
