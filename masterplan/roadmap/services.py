"""The roadmap: turning accepted proposals into items, the yearly monitoring and the index."""

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

import pygal
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from quickwins.models import QuickWin
from quickwins.origins import Origin, OriginLinks
from regency import charts
from regency.models import ROLES_WITH_OPD, Dimension, Opd, Programme, User
from regency.permissions import has_role, is_secretariat

from ..inputs.models import Worksheet, WorksheetEntry
from .models import QuickWinOrigin, RoadmapItem, RoadmapRealisation, evaluation_index, horizon  # noqa: F401


def accepted_proposals(programme: Programme) -> QuerySet[WorksheetEntry]:
    """Proposals of accepted worksheets that are not yet on the roadmap."""
    return (
        WorksheetEntry.objects.filter(
            kind=WorksheetEntry.Kind.PROPOSAL,
            worksheet__state=Worksheet.State.ACCEPTED,
            worksheet__window__programme=programme,
            roadmap_items__isnull=True,
        )
        .select_related("worksheet__opd", "worksheet__dimension", "element", "funding_source")
        .prefetch_related("partner_opds")
        .order_by("worksheet__dimension__order", "element__order", "title", "pk")
    )


def _years(programme: Programme, entries: Iterable[WorksheetEntry]) -> tuple[int, int]:
    years = sorted(
        int(year)
        for entry in entries
        for year in list(entry.yearly_targets) + list(entry.yearly_budgets)
        if str(year).isdigit() and programme.period_start <= int(year) <= programme.period_end
    )
    if not years:
        return programme.period_start, programme.period_end
    return years[0], years[-1]


@transaction.atomic
def promote(
    programme: Programme, entries: list[WorksheetEntry], lead: Opd | None = None
) -> RoadmapItem:
    """One roadmap item from one proposal or from near-duplicates of several OPDs.

    The lead OPD is ``lead`` (one of the proposing OPDs) or the first proposal's; the other
    proposing OPDs and every partner named in the proposals support. The lead's proposal gives
    the name, texts, targets and budgets; years it left empty are taken from the others.
    """
    if not entries:
        raise ValueError("no proposals")
    entries = sorted(entries, key=lambda entry: entry.pk)
    if lead is None:
        lead = entries[0].worksheet.opd
    main = next((e for e in entries if e.worksheet.opd_id == lead.pk), entries[0])
    targets: dict[str, Any] = {}
    budgets: dict[str, Any] = {}
    for entry in [main, *[e for e in entries if e is not main]]:
        for year, value in entry.yearly_targets.items():
            targets.setdefault(str(year), value)
        for year, value in entry.yearly_budgets.items():
            budgets.setdefault(str(year), value)
    start, end = _years(programme, entries)
    item = RoadmapItem.objects.create(
        programme=programme,
        title=main.title,
        dimension=main.worksheet.dimension,
        element=main.element or next((e.element for e in entries if e.element_id), None),
        lead_opd=lead,
        description=main.description,
        problem=main.objective,
        start_year=start,
        end_year=end,
        indicator=main.indicator,
        baseline=main.baseline,
        yearly_targets=targets,
        yearly_budgets=budgets,
        funding_source=main.funding_source
        or next((e.funding_source for e in entries if e.funding_source_id), None),
    )
    supporting = {entry.worksheet.opd_id for entry in entries}
    for entry in entries:
        supporting.update(opd.pk for opd in entry.partner_opds.all())
    supporting.discard(lead.pk)
    item.supporting_opds.set(supporting)
    item.proposals.set(entries)
    return item


@transaction.atomic
def promote_all(
    programme: Programme, groups: Iterable[tuple[list[WorksheetEntry], Opd | None]]
) -> list[RoadmapItem]:
    """Promote every group in one step; a proposal already on the roadmap is refused."""
    groups = list(groups)
    ids = [entry.pk for entries, _lead in groups for entry in entries]
    if len(ids) != len(set(ids)):
        raise ValueError("a proposal is in two groups")
    if RoadmapItem.objects.filter(proposals__in=ids).exists():
        raise ValueError("a proposal is already on the roadmap")
    return [promote(programme, entries, lead) for entries, lead in groups]


# Yearly monitoring


@dataclass
class DimensionProgress:
    dimension: Dimension
    running: int = 0
    total: int = 0
    missed: list = field(default_factory=list)


ACTIVE = (RoadmapItem.Status.RUNNING, RoadmapItem.Status.DONE)


def items_of_year(programme: Programme, year: int) -> QuerySet[RoadmapItem]:
    return RoadmapItem.objects.filter(
        programme=programme, start_year__lte=year, end_year__gte=year
    ).exclude(status=RoadmapItem.Status.CANCELLED)


def dimension_progress(programme: Programme, year: int) -> list[DimensionProgress]:
    """Per dimension: how many of the year's programmes run (or are done) out of how many,
    and every missed target with its reason and solution."""
    rows = {d.pk: DimensionProgress(d) for d in Dimension.objects.order_by("order")}
    for item in items_of_year(programme, year).only("dimension_id", "status"):
        row = rows[item.dimension_id]
        row.total += 1
        row.running += item.status in ACTIVE
    missed = (
        RoadmapRealisation.objects.filter(item__programme=programme, year=year, target_met=False)
        .select_related("item__lead_opd")
        .order_by("item__title")
    )
    for realisation in missed:
        rows[realisation.item.dimension_id].missed.append(realisation)
    return [row for row in rows.values() if row.total or row.missed]


def opds_not_reported(programme: Programme, year: int) -> list[Opd]:
    """Lead OPDs with an item in the year that have not reported on every one of them."""
    items = items_of_year(programme, year)
    reported = set(
        RoadmapRealisation.objects.filter(item__in=items, year=year).values_list(
            "item_id", flat=True
        )
    )
    missing: defaultdict[int, int] = defaultdict(int)
    for item_id, opd_id in items.values_list("pk", "lead_opd_id"):
        if item_id not in reported:
            missing[opd_id] += 1
    return list(Opd.objects.filter(pk__in=missing).order_by("name"))


REPORTERS = ROLES_WITH_OPD

STATUS_COLOURS = {
    RoadmapItem.Status.PLANNED: "#6c757d",
    RoadmapItem.Status.RUNNING: "#0d6efd",
    RoadmapItem.Status.DONE: "#198754",
    RoadmapItem.Status.DELAYED: "#fd7e14",
    RoadmapItem.Status.POSTPONED: "#ffc107",
    RoadmapItem.Status.CANCELLED: "#dc3545",
}


def timeline_svg(items: list[RoadmapItem], years: list[int], title: str = "") -> str:
    """A Gantt-like chart: one bar per item from its first to its last year, coloured by status.

    Drawn by pygal as stacked horizontal bars whose first, transparent part is the offset from
    the period's first year; a standalone SVG without script for pages and books alike.
    """
    statuses = list(RoadmapItem.Status)
    first = years[0]
    chart = charts.draw(
        pygal.HorizontalStackedBar,
        ("rgba(0,0,0,0)", *(STATUS_COLOURS[s] for s in statuses)),
        font_size=11,
        width=900,
        height=80 + 18 * max(len(items), 1),
        range=(0, len(years)),
        show_legend=False,  # the legend is HTML next to the chart (see timeline_legend)
        show_y_guides=True,
        title=title or None,
        truncate_label=48,
        spacing=2,
    )
    ordered = list(items)[::-1]  # pygal draws the first bar at the bottom
    chart.x_labels = [item.title for item in ordered]
    chart.y_labels = [
        {"label": str(year), "value": index + 0.5} for index, year in enumerate(years)
    ]
    chart.add("", [item.start_year - first for item in ordered], show_only_major_dots=True)
    for status in statuses:
        chart.add(
            str(status.label),
            [
                (item.end_year - item.start_year + 1) if item.status == status else None
                for item in ordered
            ],
        )
    return charts.svg(chart)


def timeline_legend() -> list[tuple[str, str]]:
    return [(str(status.label), STATUS_COLOURS[status]) for status in RoadmapItem.Status]


def budget_table(items: list[RoadmapItem], years: list[int]) -> dict:
    """The budget per year and per funding source: rows of (source, [per year], total)."""
    per_source: dict[str, list[int]] = {}
    for item in items:
        name = str(item.funding_source) if item.funding_source else "—"
        row = per_source.setdefault(name, [0] * len(years))
        for index, year in enumerate(years):
            row[index] += int(item.yearly_budgets.get(str(year)) or 0)
    rows = [(name, values, sum(values)) for name, values in sorted(per_source.items())]
    totals = [sum(values[index] for _name, values, _t in rows) for index in range(len(years))]
    return {"years": years, "rows": rows, "totals": totals, "total": sum(totals)}


def report_year(programme: Programme) -> int:
    """The year OPDs report on now: this year, kept within the masterplan period."""
    from django.utils import timezone

    today = timezone.localdate().year
    return min(max(today, programme.period_start), programme.period_end)


def home_context(user: User, programme: Programme | None) -> dict:
    """The yearly report on the home page: for an OPD's people, how many of this year's items
    their OPD leads are still unreported; for the secretariat, which OPDs have not reported."""
    from django.utils import timezone

    if programme is None or timezone.localdate().year < programme.period_start:
        return {}  # nothing to report before the masterplan's first year
    year = report_year(programme)
    if is_secretariat(user):
        return {"roadmap_year": year, "roadmap_opds_missing": opds_not_reported(programme, year)}
    if not (user.opd_id and has_role(user, REPORTERS)):
        return {}
    items = items_of_year(programme, year).filter(lead_opd_id=user.opd_id)
    total = items.count()
    if not total:
        return {}
    reported = RoadmapRealisation.objects.filter(item__in=items, year=year).count()
    return {"roadmap_year": year, "roadmap_to_report": total - reported, "roadmap_total": total}


def quick_win_origin_links(quick_win: QuickWin, user: User) -> OriginLinks:
    """What a quick win's page says of its origin (registered with quickwins.origins)."""
    edit_url = ""
    if is_secretariat(user):
        edit_url = reverse("masterplan:roadmap:quick_win_origin", args=[quick_win.pk])
    origin = (
        QuickWinOrigin.objects.filter(quick_win=quick_win)
        .select_related("roadmap_item", "proposal__worksheet__opd")
        .first()
    )
    if origin is None:
        return OriginLinks(None, edit_url)
    if origin.roadmap_item_id:
        visible = RoadmapItem.objects.visible_to(user).filter(pk=origin.roadmap_item_id).exists()
        url = reverse("masterplan:roadmap:item", args=[origin.roadmap_item_id]) if visible else ""
        label = _("Roadmap: %(title)s") % {"title": origin.roadmap_item.title}  # type: ignore[union-attr]
    else:
        worksheet = origin.proposal.worksheet  # type: ignore[union-attr]  # an item or a proposal
        visible = Worksheet.objects.visible_to(user).filter(pk=worksheet.pk).exists()
        if visible:
            url = reverse("masterplan:inputs:worksheet", args=[worksheet.pk])
            label = _("Proposal: %(title)s") % {"title": str(origin)}
        else:  # another OPD's proposal: say whose, not what it holds
            url = ""
            label = _("A proposal of %(opd)s") % {"opd": worksheet.opd.display_name}
    return OriginLinks(Origin(str(label), url), edit_url)


def dimension_status_svg(items: Iterable[RoadmapItem], dimensions: Collection[Dimension]) -> str:
    """Per dimension, how many programmes are in each status: stacked bars, one per dimension."""
    statuses = list(RoadmapItem.Status)
    counts: defaultdict[tuple[int, str], int] = defaultdict(int)
    for item in items:
        counts[item.dimension_id, item.status] += 1
    chart = charts.draw(
        pygal.HorizontalStackedBar,
        [STATUS_COLOURS[s] for s in statuses],
        width=800,
        height=120 + 40 * len(dimensions),
        legend_at_bottom=True,
        legend_at_bottom_columns=3,
        print_values=True,
        print_zeroes=False,
    )
    ordered = list(dimensions)[::-1]  # pygal draws the first bar at the bottom
    chart.x_labels = [dimension.label for dimension in ordered]
    for status in statuses:
        chart.add(str(status.label), [counts[d.pk, status] or None for d in ordered])
    return charts.svg(chart)


def budget_svg(budgets: dict) -> str:
    """The budget per year, stacked by funding source, in millions of rupiah."""
    palette = ("#0b3d62", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#6c757d", "#8ab17d")
    chart = charts.draw(
        pygal.StackedBar,
        palette,
        width=800,
        height=360,
        legend_at_bottom=True,
        legend_at_bottom_columns=4,
        y_title=str(_("Rp million")),
    )
    chart.x_labels = [str(year) for year in budgets["years"]]
    for name, values, _total in budgets["rows"]:
        chart.add(name, [round(value / 1_000_000, 1) or None for value in values])
    return charts.svg(chart)


@dataclass
class PublicSummary:
    """What citizens may see of the roadmap: programmes, their lead OPD, years and status.
    Never budgets, targets, realisations or the reasons of a delay."""

    items: list
    by_dimension: list
    chart: str
    timeline: str
    legend: list


def charts_cached(
    name: str, items: list[RoadmapItem], draw: Callable[[], Any], depends_on: Iterable[Any] = ()
) -> Any:
    """What ``draw()`` returns for these items, cached until one of them changes (the key holds
    every item's id and last change, the language the labels are in, and ``depends_on``: what
    else the charts draw, e.g. the dimensions' names or the programme's years). The timeline
    of a large roadmap takes seconds to draw."""
    import hashlib

    from django.core.cache import cache
    from django.utils.translation import get_language

    parts = [f"{item.pk}:{item.updated_at.timestamp()}" for item in items]
    digest = hashlib.sha256("|".join([*map(str, depends_on), *parts]).encode()).hexdigest()
    key = f"roadmap-charts:{name}:{get_language()}:{digest}"
    charts = cache.get(key)
    if charts is None:
        charts = draw()
        cache.set(key, charts, 24 * 60 * 60)
    return charts


def timeline_chart(programme: Programme, items: list[RoadmapItem]) -> str:
    """The timeline of these items, cached (see charts_cached); pages and book blocks alike."""
    return charts_cached(
        "timeline",
        items,
        lambda: timeline_svg(items, programme.years) if items else "",
        depends_on=(programme.period_start, programme.period_end),
    )


def dimension_chart(items: list[RoadmapItem], name: str = "dimensions") -> str:
    """The per-dimension status chart of these items, cached (see charts_cached)."""
    dimensions = list(Dimension.objects.order_by("order"))
    return charts_cached(
        name,
        items,
        lambda: dimension_status_svg(items, dimensions) if items else "",
        depends_on=[(d.pk, d.order, d.label) for d in dimensions],
    )


def public_summary(programme: Programme) -> PublicSummary:
    """The page's template shows only the title, dimension, element, lead OPD, years and
    status of each item (tests look for the fields that must not appear).

    Anyone may open the page, so its charts are cached until an item changes."""
    items = list(
        RoadmapItem.objects.filter(programme=programme).select_related(
            "dimension", "element", "lead_opd", "programme"
        )
    )
    dimensions = list(Dimension.objects.order_by("order"))
    grouped = [(d, [item for item in items if item.dimension_id == d.pk]) for d in dimensions]
    return PublicSummary(
        items=items,
        by_dimension=[(d, rows) for d, rows in grouped if rows],
        chart=dimension_chart(items),
        timeline=timeline_chart(programme, items),
        legend=timeline_legend(),
    )
