"""The status shares of quick wins as a standalone SVG for pages and books."""

from collections import Counter
from collections.abc import Iterable

import pygal

from regency import charts

from .models import QuickWin

Status = QuickWin.Status
COLOURS = {
    Status.PLANNED: "#6c757d",
    Status.RUNNING: "#0d6efd",
    Status.DONE: "#198754",
    Status.DELAYED: "#ffc107",
    Status.CANCELLED: "#dc3545",
}


def status_counts(quick_wins: Iterable[QuickWin]) -> dict[str, int]:
    counts = Counter(quick_win.status for quick_win in quick_wins)
    return {status.value: counts.get(status.value, 0) for status in Status}


def status_chart_svg(quick_wins: Iterable[QuickWin], title: str = "") -> str:
    """A donut of how many quick wins are in each status (no script: pages inline it and
    WeasyPrint draws it in a book)."""
    counts = status_counts(quick_wins)
    shown = [status for status in Status if counts[status.value]]
    chart = charts.draw(
        pygal.Pie,
        [COLOURS[status] for status in shown] or ["#6c757d"],
        font_size=14,
        width=480,
        height=320,
        inner_radius=0.45,
        print_values=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=3,
        title=title or None,
    )
    for status in shown:
        chart.add(str(status.label), counts[status.value])
    return charts.svg(chart)
