"""What the home page shows of the quick wins: the OPD's to report, the year's shortfall."""

from typing import Any

from regency.models import Programme, User
from regency.permissions import is_secretariat

from . import selection
from .models import QuickWin


def home_context(user: User, programme: Programme | None) -> dict:
    """Context for templates/quickwins/_home_todo.html (the home page's contract)."""
    if programme is None:
        return {}
    context: dict[str, Any] = {}
    if is_secretariat(user):
        year = selection.default_year(programme)
        context["quickwin_year"] = year
        context["quickwin_shortfall"] = selection.shortfall(programme, year)
    reportable = QuickWin.objects.reportable_by(user).filter(
        programme=programme,
        selected=True,
        status__in=[QuickWin.Status.RUNNING, QuickWin.Status.DELAYED, QuickWin.Status.PLANNED],
    )
    if not is_secretariat(user):
        context["quickwins_to_report"] = list(reportable.select_related("lead_opd"))
    return context
