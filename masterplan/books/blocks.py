"""Data blocks: tables and charts that a chapter shows live from the data, never copy-pasted.

A chapter holds a placeholder ``<div data-block="name" data-year="2027"></div>``; when the
book is rendered (PDF or preview) the placeholder is replaced by the block's HTML made from
the current data. Other parts of the app add their blocks with ``@register``:

    @blocks.register("roadmap", _("Roadmap of a dimension"), params=("dimension",))
    def roadmap(programme, dimension=None, **params):
        return render_to_string("masterplan/blocks/roadmap.html", {...})
"""

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from quickwins import charts, selection
from regency.models import Dimension, Opd, Programme
from workshops.attendance import who_came

from ..commitments.signing import signed_sheets
from ..inputs import readiness
from ..inputs.models import InputWindow, WorksheetEntry
from ..roadmap import services as roadmap
from ..roadmap.models import RoadmapItem
from .models import Chapter

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Block:
    name: str
    label: "StrOrPromise"
    render: Callable[..., str]
    params: tuple[str, ...] = ()


REGISTRY: dict[str, Block] = {}


def register(
    name: str, label: "StrOrPromise", params: tuple[str, ...] = ()
) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """Add a data block; the function gets the programme and the placeholder's data-* values."""

    def decorator(function: Callable[..., str]) -> Callable[..., str]:
        REGISTRY[name] = Block(name=name, label=label, render=function, params=params)
        return function

    return decorator


def choices() -> list[dict]:
    """The blocks an editor can insert, for the editor's menu."""
    return [
        {"name": block.name, "label": str(block.label), "params": list(block.params)}
        for block in sorted(REGISTRY.values(), key=lambda block: str(block.label))
    ]


PLACEHOLDER = re.compile(r"<div((?:\s+data-[a-z-]+=\"[^\"]*\")+)\s*>(.*?)</div>", re.DOTALL)
_ATTRIBUTE = re.compile(r'data-([a-z-]+)="([^"]*)"')


def render_blocks(body: str, programme: Programme) -> str:
    """Replace every data-block placeholder of a chapter's HTML by the block made from the data."""

    def replace(match: re.Match) -> str:
        attributes = {
            key.replace("-", "_"): html.unescape(value)
            for key, value in _ATTRIBUTE.findall(match.group(1))
        }
        name = attributes.pop("block", None)
        if name is None:
            return match.group(0)
        block = REGISTRY.get(name)
        if block is None:
            return f'<p class="block-missing">[Blok data tidak dikenal: {html.escape(name)}]</p>'
        return f'<div class="data-block data-block-{name}">{block.render(programme, **attributes)}</div>'

    return PLACEHOLDER.sub(replace, body or "")


# --- The blocks whose data exist now --------------------------------------------------------


@register("bimtek-schedule", _("Bimtek schedule"))
def bimtek_schedule(programme: Programme, **params: str) -> str:
    return render_to_string(
        "masterplan/blocks/bimtek_schedule.html", {"workshops": programme.workshops.all()}
    )


@register("dimensions", _("Dimensions and their elements"))
def dimensions(programme: Programme, **params: str) -> str:
    return render_to_string(
        "masterplan/blocks/dimensions.html",
        {"dimensions": Dimension.objects.prefetch_related("elements")},
    )


@register("opd-list", _("List of OPDs"))
def opd_list(programme: Programme, **params: str) -> str:
    return render_to_string(
        "masterplan/blocks/opd_list.html", {"opds": Opd.objects.filter(is_active=True)}
    )


@register("chapter-progress", _("Progress of the book chapters (table and chart)"))
def chapter_progress(programme: Programme, **params: str) -> str:
    books = programme.books.annotate(
        total=Count("chapters"),
        draft=Count("chapters", filter=Q(chapters__state=Chapter.State.DRAFT)),
        review=Count("chapters", filter=Q(chapters__state=Chapter.State.REVIEW)),
        final=Count("chapters", filter=Q(chapters__state=Chapter.State.FINAL)),
    )
    rows = []
    for index, book in enumerate(books):
        total = book.total or 1
        widths = [round(300 * part / total, 2) for part in (book.final, book.review, book.draft)]
        rows.append(
            {"book": book, "y": 10 + index * 28, "widths": widths, "offsets": _offsets(widths)}
        )
    height = 20 + len(rows) * 28 + 20
    return render_to_string(
        "masterplan/blocks/chapter_progress.html",
        {"rows": rows, "height": height, "legend_y": height - 10},
    )


def _offsets(widths: list[float]) -> list[float]:
    """Where each stacked bar segment starts, from x=120."""
    offsets, x = [], 120.0
    for width in widths:
        offsets.append(round(x, 2))
        x += width
    return offsets


# --- Blocks drawing on OPD inputs, the Bimtek and the commitment sheets ---------------------


def _readiness_window(programme: Programme) -> InputWindow | None:
    """The earliest input window of the programme that asked for readiness (usually stage I)."""
    windows = InputWindow.objects.filter(programme=programme).order_by("stage", "-pk")
    return next((w for w in windows if WorksheetEntry.Kind.READINESS in w.kinds), None)


@register("readiness", _("Readiness assessment: summary and chart"))
def readiness_summary(programme: Programme, **params: str) -> str:
    window = _readiness_window(programme)
    rows = (
        readiness.summary(readiness.entries_of(window), window.readiness_components)
        if window
        else []
    )
    if not any(row.total for row in rows):
        rows = []  # nothing accepted yet: say so instead of drawing an empty chart
    return render_to_string(
        "masterplan/blocks/readiness.html",
        {"rows": rows, "chart": readiness.chart_svg(rows) if rows else ""},
    )


@register("swot", _("SWOT analysis"))
def swot_table(programme: Programme, **params: str) -> str:
    window = _readiness_window(programme)
    quadrants = readiness.swot(readiness.entries_of(window)) if window else {}
    labels = dict(WorksheetEntry.Quadrant.choices)
    return render_to_string(
        "masterplan/blocks/swot.html",
        {"quadrants": [(labels[code], items) for code, items in quadrants.items()]},
    )


@register("participants", _("Participants of a Bimtek"), params=("stage",))
def participants(programme: Programme, stage: str = "1", **params: str) -> str:
    workshop = programme.workshops.filter(stage=int(stage) if str(stage).isdigit() else 1).first()
    days = [(day, who_came(day)) for day in workshop.days.all()] if workshop else []
    return render_to_string(
        "masterplan/blocks/participants.html", {"workshop": workshop, "days": days}
    )


@register("commitment-sheets", _("Signed commitment sheets"))
def commitment_sheets(programme: Programme, **params: str) -> str:
    return render_to_string(
        "masterplan/blocks/commitment_sheets.html", {"sheets": signed_sheets(programme)}
    )


@register("roadmap", _("Roadmap of a dimension"), params=("dimension",))
def roadmap_table(programme: Programme, dimension: str = "", **params: str) -> str:
    items = (
        RoadmapItem.objects.filter(programme=programme)
        .select_related("dimension", "element", "lead_opd", "funding_source", "programme")
        .prefetch_related("supporting_opds")
    )
    if dimension:
        items = items.filter(dimension__code=dimension)
    return render_to_string(
        "masterplan/blocks/roadmap.html", {"items": list(items), "years": programme.years}
    )


@register("roadmap-timeline", _("Roadmap timeline (chart)"), params=("dimension",))
def roadmap_timeline(programme: Programme, dimension: str = "", **params: str) -> str:
    items = RoadmapItem.objects.filter(programme=programme).only(
        "title", "start_year", "end_year", "status", "updated_at"
    )
    if dimension:
        items = items.filter(dimension__code=dimension)
    return render_to_string(
        "masterplan/blocks/roadmap_timeline.html",
        {
            "chart": roadmap.timeline_chart(programme, list(items)),
            "legend": roadmap.timeline_legend(),
        },
    )


@register("quick-wins", _("Quick wins of each year (table and chart)"), params=("year",))
def quick_wins(programme: Programme, year: str = "", **params: str) -> str:
    chosen_year = int(year) if str(year).isdigit() else None
    # budget_notes are internal: never load them into a book
    chosen = list(selection.selected_in(programme, chosen_year).defer("budget_notes"))
    years = [(number, list(group)) for number, group in groupby(chosen, key=attrgetter("year"))]
    return render_to_string(
        "masterplan/blocks/quick_wins.html",
        {
            "years": years,
            "year": chosen_year,
            "chart": charts.status_chart_svg(chosen) if chosen else "",
        },
    )


@register("roadmap-dimensions", _("Roadmap programmes per dimension and status (chart)"))
def roadmap_dimensions(programme: Programme, **params: str) -> str:
    items = list(
        RoadmapItem.objects.filter(programme=programme).only("dimension_id", "status", "updated_at")
    )
    return render_to_string(
        "masterplan/blocks/roadmap_chart.html", {"chart": roadmap.dimension_chart(items)}
    )


@register("roadmap-budget", _("Roadmap budget per year and funding source (table and chart)"))
def roadmap_budget(programme: Programme, **params: str) -> str:
    items = list(
        RoadmapItem.objects.filter(programme=programme)
        .select_related("funding_source")
        .only("yearly_budgets", "funding_source__name")
    )
    budgets = roadmap.budget_table(items, programme.years)

    def millions(
        values: Iterable[float],
    ) -> list[float]:  # a page holds ten years only in millions of rupiah
        return [round(value / 1_000_000, 1) for value in values]

    rows = [
        (name, millions(values), millions([total])[0]) for name, values, total in budgets["rows"]
    ]
    return render_to_string(
        "masterplan/blocks/roadmap_budget.html",
        {
            "years": budgets["years"],
            "rows": rows,
            "totals": millions(budgets["totals"]),
            "total": millions([budgets["total"]])[0],
            "chart": roadmap.budget_svg(budgets) if budgets["total"] else "",
        },
    )
