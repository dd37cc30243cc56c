"""Pages of the roadmap: the table, promoting proposals, yearly reports, monitoring, index."""

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from quickwins.forms import QuickWinForm
from quickwins.models import QuickWin
from regency.models import Dimension, Opd, Programme
from regency.permissions import (
    EVERYONE,
    READERS,
    SECRETARIAT,
    AuthenticatedRequest,
    can_report_roadmap,
    has_role,
    role_required,
)

from ..inputs.models import FundingSource, Worksheet, WorksheetEntry
from . import services
from .forms import EvaluationForm, QuickWinOriginForm, RealisationForm, RoadmapItemForm
from .models import EvaluationYear, QuickWinOrigin, RoadmapItem, RoadmapRealisation


def _year(request: HttpRequest, programme: Programme) -> int:
    """The year asked for in ``?year=``; else the year OPDs report on now."""
    try:
        year = int(request.GET.get("year") or 0)
    except ValueError:
        year = 0
    return year if year in programme.years else services.report_year(programme)


@role_required(EVERYONE)
def item_list(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current_or_404()
    items = (
        RoadmapItem.objects.visible_to(request.user)
        .filter(programme=programme)
        .select_related("dimension", "element", "lead_opd", "funding_source", "programme")
        .prefetch_related("supporting_opds")
    )
    filters = {
        key: request.GET.get(key, "") for key in ("dimension", "opd", "status", "year", "source")
    }
    if filters["dimension"].isdigit():
        items = items.filter(dimension_id=filters["dimension"])
    if filters["opd"].isdigit():
        items = items.filter(lead_opd_id=filters["opd"])
    if filters["status"] in RoadmapItem.Status.values:
        items = items.filter(status=filters["status"])
    if filters["year"].isdigit():
        items = items.filter(start_year__lte=filters["year"], end_year__gte=filters["year"])
    if filters["source"].isdigit():
        items = items.filter(funding_source_id=filters["source"])
    if request.GET.get("export") == "csv":
        return _csv(items, programme)
    if request.GET.get("export") == "xlsx":
        return _xlsx(items, programme)
    items = list(items)
    budgets = services.budget_table(items, programme.years)
    return render(
        request,
        "masterplan/roadmap/item_list.html",
        {
            "programme": programme,
            "items": items,
            "filters": filters,
            "dimensions": Dimension.objects.order_by("order"),
            "opds": Opd.objects.filter(is_active=True),
            "statuses": RoadmapItem.Status.choices,
            "sources": FundingSource.objects.all(),
            "budgets": budgets,
            "budget_chart": services.budget_svg(budgets) if budgets["total"] else "",
            "timeline": services.timeline_chart(programme, items),
            "legend": services.timeline_legend(),
        },
    )


def _rows(items: Iterable[RoadmapItem], years: list[int]) -> Iterator[list[Any]]:
    yield (
        [_("Dimension"), _("Element"), _("Programme"), _("Lead OPD"), _("Supporting OPDs")]
        + [_("Horizon"), _("Years"), _("Indicator"), _("Baseline"), _("Funding source")]
        + [_("Status")]
        + [f"{_('Target')} {year}" for year in years]
        + [f"{_('Budget')} {year}" for year in years]
    )
    for item in items:
        supporting = ", ".join(o.display_name for o in item.supporting_opds.all())
        yield (
            [item.dimension.label, item.element.label if item.element else "", item.title]
            + [item.lead_opd.display_name, supporting, item.get_horizon_display()]
            + [f"{item.start_year}-{item.end_year}", item.indicator, item.baseline]
            + [str(item.funding_source or ""), item.get_status_display()]
            + [item.yearly_targets.get(str(year), "") for year in years]
            + [item.yearly_budgets.get(str(year), "") for year in years]
        )


def _csv(items: Iterable[RoadmapItem], programme: Programme) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="roadmap.csv"'
    writer = csv.writer(response)
    writer.writerows(_rows(items, programme.years))
    return response


def _xlsx(items: Iterable[RoadmapItem], programme: Programme) -> HttpResponse:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Roadmap"
    for row in _rows(items, programme.years):
        sheet.append([cell if isinstance(cell, int | float) else str(cell) for cell in row])
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(
        output.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="roadmap.xlsx"'
    return response


@role_required(SECRETARIAT)
def promote(request: AuthenticatedRequest) -> HttpResponse:
    """Turn accepted proposals into roadmap items in one step, merging the ones given one group."""
    programme = Programme.current_or_404()
    proposals = list(services.accepted_proposals(programme))
    if request.method == "POST":
        chosen = [p for p in proposals if request.POST.get(f"take-{p.pk}")]
        groups: dict[str, list[WorksheetEntry]] = {}
        for proposal in chosen:
            label = request.POST.get(f"group-{proposal.pk}", "").strip() or f"#{proposal.pk}"
            groups.setdefault(label, []).append(proposal)
        plan = []
        for entries in groups.values():
            leads = [
                e
                for e in entries
                if request.POST.get("lead") == str(e.pk) or request.POST.get(f"lead-{e.pk}")
            ]
            plan.append((entries, leads[0].worksheet.opd if leads else None))
        if not plan:
            messages.error(request, _("Choose at least one proposal."))
        else:
            items = services.promote_all(programme, plan)
            messages.success(
                request,
                _("%(items)d roadmap items made from %(proposals)d proposals.")
                % {"items": len(items), "proposals": len(chosen)},
            )
            return redirect("masterplan:roadmap:list")
    return render(
        request, "masterplan/roadmap/promote.html", {"programme": programme, "proposals": proposals}
    )


def _visible_item(request: AuthenticatedRequest, item_id: int) -> RoadmapItem:
    return get_object_or_404(
        RoadmapItem.objects.visible_to(request.user)
        .select_related("dimension", "element", "lead_opd", "funding_source", "programme")
        .prefetch_related("supporting_opds"),
        pk=item_id,
        programme=Programme.current_or_404(),
    )


def _item_page(
    request: AuthenticatedRequest,
    item: RoadmapItem,
    year: int,
    form: RealisationForm | None,
    status: int = 200,
) -> HttpResponse:
    realisations = {r.year: r for r in item.realisations.select_related("reported_by")}
    context = {
        "item": item,
        "plan": [
            (y, target, budget, realisations.get(y)) for y, target, budget in item.yearly_plan()
        ],
        # another OPD's proposal merged into this item is named, but its worksheet not linked
        "proposals": item.proposals.select_related("worksheet__opd"),
        "open_worksheets": set(
            Worksheet.objects.visible_to(request.user)
            .filter(entries__roadmap_items=item)
            .values_list("pk", flat=True)
        ),
        "quick_wins": QuickWin.objects.visible_to(request.user).filter(origin__roadmap_item=item),
        "year": year,
        "form": form,
        "can_manage": has_role(request.user, SECRETARIAT),
    }
    return render(request, "masterplan/roadmap/item_detail.html", context, status=status)


@role_required(EVERYONE)
def item_detail(request: AuthenticatedRequest, item_id: int) -> HttpResponse:
    """One item: its plan year by year next to what was reported, where it came from, its quick
    wins, and for the lead OPD the form to report a year."""
    item = _visible_item(request, item_id)
    year = item.nearest_year(_year(request, item.programme))
    form = None
    if can_report_roadmap(request.user, item):
        realisation = RoadmapRealisation.objects.filter(item=item, year=year).first()
        form = RealisationForm(instance=realisation, prefix="report")
    return _item_page(request, item, year, form)


@role_required(SECRETARIAT)
def item_edit(request: AuthenticatedRequest, item_id: int | None = None) -> HttpResponse:
    """Edit an item, or add one that came from no proposal (e.g. the regent's own programme)."""
    programme = Programme.current_or_404()
    item = None
    if item_id is not None:
        item = get_object_or_404(RoadmapItem, pk=item_id, programme=programme)
    if request.method != "POST":
        form = RoadmapItemForm(instance=item, programme=programme)
        return render(request, "masterplan/roadmap/item_form.html", {"form": form, "item": item})
    with transaction.atomic():
        if item is not None:  # the stale-page check and the save see the same row
            item = RoadmapItem.objects.select_for_update().get(pk=item.pk)
        form = RoadmapItemForm(request.POST, instance=item, programme=programme)
        if form.is_valid():
            item = form.save()
            messages.success(request, _("The roadmap item has been saved."))
            return redirect("masterplan:roadmap:item", item_id=item.pk)
    messages.error(request, _("Some fields need attention; nothing has been saved yet."))
    return render(request, "masterplan/roadmap/item_form.html", {"form": form, "item": item})


@role_required(SECRETARIAT)
def quick_win_from_item(request: AuthenticatedRequest, item_id: int) -> HttpResponse:
    """A new quick win filled in from a roadmap item, and linked to it."""
    programme = Programme.current_or_404()
    item = get_object_or_404(RoadmapItem, pk=item_id, programme=programme)
    year = item.nearest_year(services.report_year(programme))
    initial = {
        "year": year,
        "title": item.title,
        "dimension": item.dimension_id,
        "element": item.element_id,
        "lead_opd": item.lead_opd_id,
        "problem": item.problem,
        "solution": item.description,
        "budget": item.yearly_budgets.get(str(year)),
        "funding_source": str(item.funding_source or ""),
        "indicators": item.indicator,
    }
    form = QuickWinForm(request.POST or None, initial=initial, programme=programme)
    del form.fields["origin_note"]  # its origin is this item
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            quick_win = form.save()
            QuickWinOrigin.objects.create(quick_win=quick_win, roadmap_item=item)
        messages.success(request, _("The quick win has been saved."))
        return redirect("quickwins:detail", quick_win_id=quick_win.pk)
    return render(request, "masterplan/roadmap/quick_win_form.html", {"form": form, "item": item})


@role_required(SECRETARIAT)
def quick_win_origin(request: AuthenticatedRequest, quick_win_id: int) -> HttpResponse:
    """Link an existing quick win to the roadmap item or the proposal it came from."""
    programme = Programme.current_or_404()
    quick_win = get_object_or_404(QuickWin, pk=quick_win_id, programme=programme)
    origin = QuickWinOrigin.objects.filter(quick_win=quick_win).first()
    form = QuickWinOriginForm(
        request.POST if request.method == "POST" else None,
        instance=origin or QuickWinOrigin(quick_win=quick_win),
    )
    if request.method == "POST":
        if request.POST.get("clear") and origin:
            origin.delete()
            messages.success(request, _("The link has been removed."))
            return redirect("quickwins:detail", quick_win_id=quick_win.pk)
        if form.is_valid():
            form.save()
            messages.success(request, _("The quick win's origin has been saved."))
            return redirect("quickwins:detail", quick_win_id=quick_win.pk)
    return render(
        request,
        "masterplan/roadmap/quick_win_origin.html",
        {"form": form, "quick_win": quick_win, "origin": origin},
    )


@require_POST
@role_required(SECRETARIAT)
def publish_summary(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current_or_404()
    programme.roadmap_published = request.POST.get("published") == "1"
    programme.save(update_fields=["roadmap_published"])
    if programme.roadmap_published:
        messages.success(request, _("Citizens now see the roadmap summary on the public page."))
    else:
        messages.success(request, _("The roadmap summary is no longer on the public page."))
    return redirect("masterplan:roadmap:list")


@role_required(EVERYONE)
def report(request: AuthenticatedRequest) -> HttpResponse:
    """The yearly report of the user's OPD: one line per item it leads."""
    programme = Programme.current_or_404()
    if not request.user.opd_id or not has_role(request.user, services.REPORTERS):
        raise PermissionDenied
    year = _year(request, programme)
    items = list(
        services.items_of_year(programme, year)
        .filter(lead_opd_id=request.user.opd_id)
        .select_related("dimension")
    )
    existing = {r.item_id: r for r in RoadmapRealisation.objects.filter(item__in=items, year=year)}
    forms = [
        (
            item,
            item.yearly_targets.get(str(year), ""),
            RealisationForm(
                request.POST or None, instance=existing.get(item.pk), prefix=f"item-{item.pk}"
            ),
        )
        for item in items
    ]
    if request.method == "POST":
        valid = [form.is_valid() for _item, _target, form in forms]
        if all(valid):
            with transaction.atomic():
                for item, _target, form in forms:
                    realisation = form.save(commit=False)
                    realisation.item, realisation.year = item, year
                    realisation.reported_by = request.user
                    realisation.save()
            messages.success(request, _("The report for %(year)s has been saved.") % {"year": year})
            return redirect(f"{request.path}?year={year}")
        messages.error(request, _("Some lines need attention; nothing has been saved yet."))
    return render(
        request,
        "masterplan/roadmap/report.html",
        {"programme": programme, "year": year, "forms": forms},
    )


@require_POST
@role_required(EVERYONE)
def report_item(request: AuthenticatedRequest, item_id: int) -> HttpResponse:
    """Report one year of one item from its page; another OPD's item is not found."""
    item = _visible_item(request, item_id)
    if not can_report_roadmap(request.user, item):
        raise PermissionDenied
    year = _year(request, item.programme)
    if year not in item.years:
        raise Http404
    realisation = RoadmapRealisation.objects.filter(item=item, year=year).first()
    form = RealisationForm(request.POST, instance=realisation, prefix="report")
    if not form.is_valid():
        messages.error(request, _("Some fields need attention; nothing has been saved yet."))
        return _item_page(request, item, year, form, status=400)
    realisation = form.save(commit=False)
    realisation.item, realisation.year, realisation.reported_by = item, year, request.user
    realisation.save()
    messages.success(request, _("The report for %(year)s has been saved.") % {"year": year})
    return redirect(f"{reverse('masterplan:roadmap:item', args=[item.pk])}?year={year}")


@role_required(READERS)
def monitoring(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current_or_404()
    year = _year(request, programme)
    return render(
        request,
        "masterplan/roadmap/monitoring.html",
        {
            "programme": programme,
            "year": year,
            "rows": services.dimension_progress(programme, year),
            "not_reported": services.opds_not_reported(programme, year),
            "chart": services.dimension_chart(
                list(services.items_of_year(programme, year)), f"dimensions-{year}"
            ),
        },
    )


@role_required(READERS)
def evaluation(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current_or_404()
    form = None
    if has_role(request.user, SECRETARIAT):
        form = EvaluationForm(request.POST or None, programme=programme)
        if request.method == "POST" and form.is_valid():
            evaluation = form.save(commit=False)
            evaluation.programme = programme
            evaluation.save()
            messages.success(request, _("The evaluation has been saved."))
            return redirect("masterplan:roadmap:evaluation")
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "masterplan/roadmap/evaluation.html",
        {
            "programme": programme,
            "years": EvaluationYear.objects.filter(programme=programme),
            "form": form,
        },
    )


@role_required(SECRETARIAT)
def evaluation_edit(request: AuthenticatedRequest, year: int) -> HttpResponse:
    """Correct the weights and scores of a year already entered."""
    programme = Programme.current_or_404()
    evaluation = get_object_or_404(EvaluationYear, programme=programme, year=year)
    form = EvaluationForm(request.POST or None, instance=evaluation, programme=programme)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The evaluation has been saved."))
        return redirect("masterplan:roadmap:evaluation")
    return render(
        request,
        "masterplan/roadmap/evaluation_edit.html",
        {"programme": programme, "evaluation": evaluation, "form": form},
    )
