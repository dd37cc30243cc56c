"""Readiness (baik / sedang / kurang per component) and SWOT of stage I, with the chart the
page and the books both use."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygal
from django.db.models import QuerySet

from regency import charts

from .models import InputWindow, ReadinessComponent, Worksheet, WorksheetEntry

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Rating = WorksheetEntry.Rating
Kind = WorksheetEntry.Kind

COLOURS = {Rating.BAIK: "#198754", Rating.SEDANG: "#ffc107", Rating.KURANG: "#dc3545"}


@dataclass
class ComponentSummary:
    component: str
    label: str
    counts: dict = field(default_factory=lambda: dict.fromkeys(Rating.values, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, rating: str) -> int:
        """Whole percent of the items with this rating (0 when there are none)."""
        return round(100 * self.counts[rating] / self.total) if self.total else 0

    @property
    def shares(self) -> list[tuple[str, "StrOrPromise", int, int]]:
        return [(r.value, r.label, self.counts[r.value], self.share(r.value)) for r in Rating]


def entries_of(window: InputWindow, *, accepted_only: bool = True) -> QuerySet[WorksheetEntry]:
    """The readiness and SWOT entries of a window; by default only of accepted worksheets."""
    entries = WorksheetEntry.objects.filter(
        worksheet__window=window, kind__in=[Kind.READINESS, Kind.SWOT]
    )
    if accepted_only:
        entries = entries.filter(worksheet__state=Worksheet.State.ACCEPTED)
    return entries.select_related("worksheet__dimension", "worksheet__opd")


def summary(entries: Iterable[WorksheetEntry], components: Iterable[str]) -> list[ComponentSummary]:
    """Counts and shares of good / moderate / poor per component, in the window's order."""
    labels = dict(ReadinessComponent.choices)
    rows = {c: ComponentSummary(c, str(labels[c]).split(" (")[0]) for c in components}
    for entry in entries:
        if entry.kind == Kind.READINESS and entry.component in rows and entry.rating:
            rows[entry.component].counts[entry.rating] += 1
    return list(rows.values())


def swot(entries: Iterable[WorksheetEntry]) -> dict[str, list[WorksheetEntry]]:
    """SWOT items by quadrant (S, W, O, T), each list ordered by dimension."""
    quadrants: dict[str, list[WorksheetEntry]] = {q: [] for q in WorksheetEntry.Quadrant.values}
    for entry in sorted(entries, key=lambda e: (e.worksheet.dimension.order, e.pk)):
        if entry.kind == Kind.SWOT and entry.quadrant:
            quadrants[entry.quadrant].append(entry)
    return quadrants


def chart_svg(rows: list[ComponentSummary], title: str = "") -> str:
    """A horizontal 100% stacked bar per component as a standalone SVG (no script), which
    a page can inline and WeasyPrint can draw in a book."""
    chart = charts.draw(
        pygal.HorizontalStackedBar,
        [COLOURS[r] for r in Rating],
        font_size=13,
        width=720,
        height=120 + 50 * max(len(rows), 1),
        range=(0, 100),
        legend_at_bottom=True,
        legend_at_bottom_columns=3,
        print_values=True,
        print_zeroes=False,
        value_formatter=lambda value: f"{value:.0f}%",
        show_y_guides=False,
        title=title or None,
    )
    ordered = rows[::-1]  # pygal draws the first bar at the bottom; read top-down instead
    chart.x_labels = [row.label for row in ordered]
    for rating in Rating:
        chart.add(str(rating.label), [row.share(rating) or None for row in ordered])
    return charts.svg(chart)
