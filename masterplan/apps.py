from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MasterplanConfig(AppConfig):
    name = "masterplan"
    verbose_name = _("Masterplan")

    def ready(self):
        # Imported here because Django demands it: signal handlers connect, and each room's
        # Celery tasks (defined beside the work they wrap) register with the worker.
        from quickwins import origins
        from regency.people import changes

        from . import signals  # noqa: F401
        from .books import rendering  # noqa: F401
        from .commitments import signed_pdf, signing  # noqa: F401
        from .inputs import workflow  # noqa: F401
        from .inputs.models import FundingSource
        from .roadmap import services
        from .roadmap.models import EvaluationYear

        origins.register(services.quick_win_origin_links)
        changes.register_kind("funding_source", _("Funding source"), FundingSource)
        changes.register_kind("evaluation", _("Evaluation weights and scores"), EvaluationYear)
