"""Which quick wins the secretariat selected for a year, and whether the year has enough."""

from django.db.models import QuerySet
from django.utils import timezone

from regency.models import Programme

from .models import QuickWin

TARGET = 3  # the usual number of quick wins a year


def default_year(programme: Programme) -> int:
    """This year when it lies in the masterplan period, otherwise the period's first year."""
    year = timezone.localdate().year
    return (
        year if programme.period_start <= year <= programme.period_end else programme.period_start
    )


def selected_for(programme: Programme, year: int) -> QuerySet[QuickWin]:
    return QuickWin.objects.filter(programme=programme, year=year, selected=True).select_related(
        "dimension", "lead_opd"
    )


def selected_in(programme: Programme, year: int | None = None) -> QuerySet[QuickWin]:
    """The selected quick wins of the programme, of every year or of one, ready for a table."""
    quick_wins = (
        QuickWin.objects.filter(programme=programme, selected=True)
        .select_related("dimension", "element", "lead_opd")
        .order_by("year", "title")
    )
    return quick_wins if year is None else quick_wins.filter(year=year)


def shortfall(programme: Programme, year: int) -> int:
    """How many quick wins the year still lacks to reach the usual three (0 when enough)."""
    return max(TARGET - selected_for(programme, year).count(), 0)


def set_selected(quick_win: QuickWin, selected: bool) -> QuickWin:
    quick_win.selected = selected
    quick_win.save(update_fields=["selected", "updated_at"])
    return quick_win
