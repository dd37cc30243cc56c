"""Pages of the OPD inputs: windows and their matrix, worksheets, entries, review."""

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regency import files, imports
from regency.forms import IMPORT_MAX_MEGABYTES
from regency.models import Dimension, ImportJob, Opd, Programme, User
from regency.outbox import enqueue
from regency.permissions import (
    COMMENTERS,
    EVERYONE,
    READERS,
    SECRETARIAT,
    AuthenticatedRequest,
    can_comment_inputs,
    can_fill_worksheet,
    can_review_inputs,
    role_required,
)

from . import readiness, spreadsheets, workflow
from .forms import (
    CommentForm,
    DeadlineForm,
    EntryForm,
    FundingSourceForm,
    ImportForm,
    InputWindowForm,
    NewEntryForm,
    ReturnForm,
)
from .models import (
    FundingSource,
    InputKind,
    InputWindow,
    ReviewComment,
    Worksheet,
    WorksheetEntry,
    default_readiness_components,
)


def _worksheet(user: User, worksheet_id: int) -> Worksheet:
    return get_object_or_404(
        Worksheet.objects.visible_to(user).select_related("window__programme", "opd", "dimension"),
        pk=worksheet_id,
    )


def _entry(user: User, entry_id: int) -> WorksheetEntry:
    entry = get_object_or_404(
        WorksheetEntry.objects.filter(
            worksheet__in=Worksheet.objects.visible_to(user)
        ).select_related("worksheet__window__programme", "worksheet__opd", "worksheet__dimension"),
        pk=entry_id,
    )
    if not can_fill_worksheet(user, entry.worksheet):
        raise PermissionDenied
    return entry


# --- Windows ---------------------------------------------------------------------------------


@role_required(READERS)
def window_list(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current()
    windows = programme.input_windows.all() if programme else InputWindow.objects.none()
    return render(
        request, "masterplan/inputs/window_list.html", {"programme": programme, "windows": windows}
    )


@role_required(SECRETARIAT)
def window_new(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current()
    if programme is None:
        raise PermissionDenied
    form = InputWindowForm(
        request.POST or None,
        initial={
            "dimensions": Dimension.objects.all(),
            "opds": Opd.objects.filter(is_active=True),
            "kinds": ["issues", "assets", "proposals"],
            "readiness_components": default_readiness_components(),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        window = workflow.open_window(
            programme,
            stage=data["stage"],
            title=data["title"],
            kinds=data["kinds"],
            deadline=data["deadline"],
            reminder_days=data["reminder_days"],
            readiness_components=data["readiness_components"],
            opds=data["opds"],
            dimensions=data["dimensions"],
            by=request.user,
        )
        messages.success(request, _("The input window is open."))
        return redirect("masterplan:inputs:window", window_id=window.pk)
    return render(request, "masterplan/inputs/window_form.html", {"form": form})


@role_required(READERS)
def window_detail(request: AuthenticatedRequest, window_id: int) -> HttpResponse:
    window = get_object_or_404(InputWindow, pk=window_id)
    dimensions, rows, counts = workflow.matrix(window)
    return render(
        request,
        "masterplan/inputs/window_detail.html",
        {
            "window": window,
            "dimensions": dimensions,
            "rows": rows,
            "counts": counts,
            "deadline_form": DeadlineForm(initial={"deadline": window.deadline}),
            "can_review": can_review_inputs(request.user),
            # the matrix links hundreds of cells: build their URLs from one reverse()
            "worksheet_base": reverse("masterplan:inputs:worksheet", args=[0]).removesuffix("0/"),
        },
    )


@require_POST
@role_required(SECRETARIAT)
def window_deadline(request: AuthenticatedRequest, window_id: int) -> HttpResponse:
    window = get_object_or_404(InputWindow, pk=window_id)
    form = DeadlineForm(request.POST)
    if form.is_valid():
        workflow.extend_deadline(window, form.cleaned_data["deadline"])
        messages.success(request, _("The deadline has been changed."))
    else:
        messages.error(request, " ".join(map(str, form.errors["deadline"])))
    return redirect("masterplan:inputs:window", window_id=window.pk)


@require_POST
@role_required(SECRETARIAT)
def window_remind(request: AuthenticatedRequest, window_id: int) -> HttpResponse:
    window = get_object_or_404(InputWindow, pk=window_id)
    enqueue(workflow.send_input_reminders, window.pk)
    messages.success(request, _("Reminders are being sent to the OPDs that have not submitted."))
    return redirect("masterplan:inputs:window", window_id=window.pk)


# --- Worksheets ------------------------------------------------------------------------------


@role_required(EVERYONE)
def worksheet_detail(
    request: AuthenticatedRequest, worksheet_id: int, new_entry_form: NewEntryForm | None = None
) -> HttpResponse:
    """The worksheet; ``new_entry_form`` is a refused new entry, shown again with its errors."""
    worksheet = _worksheet(request.user, worksheet_id)
    comments = ReviewComment.objects.select_related("author")
    entries = list(
        worksheet.entries.select_related(
            "element", "funding_source", "updated_by"
        ).prefetch_related("partner_opds", Prefetch("comments", queryset=comments))
    )
    years = worksheet.window.programme.years
    for entry in entries:
        # for the template only
        entry.plan = entry.yearly_plan(years) if entry.is_proposal else []  # type: ignore[attr-defined]
    can_fill = can_fill_worksheet(request.user, worksheet)
    return render(
        request,
        "masterplan/inputs/worksheet.html",
        {
            "worksheet": worksheet,
            "window": worksheet.window,
            "sections": _sections(worksheet.window, entries),
            "general_comments": worksheet.comments.filter(entry=None).select_related("author"),
            "history": worksheet.state_changes.select_related("by"),
            "can_fill": can_fill,
            "can_review": can_review_inputs(request.user),
            "can_comment": can_comment_inputs(request.user),
            "new_entry_form": new_entry_form
            or (NewEntryForm(worksheet=worksheet) if can_fill else None),
            "return_form": ReturnForm(),
        },
    )


def _sections(
    window: InputWindow, entries: list[WorksheetEntry]
) -> list[tuple[str, list[WorksheetEntry]]]:
    """The entries under the headings of the kinds of input the window asks for."""
    Kind = WorksheetEntry.Kind
    sections = []
    if window.asks(InputKind.ISSUES):
        sections.append((_("Issues and problems"), [e for e in entries if e.kind == Kind.ISSUE]))
    if window.asks(InputKind.ASSETS):
        sections.append((_("What the OPD already has"), [e for e in entries if e.is_asset]))
    if window.asks(InputKind.PROPOSALS) or window.asks(InputKind.QUICK_WINS):
        sections.append((_("Programme proposals"), [e for e in entries if e.is_proposal]))
    if window.asks(InputKind.READINESS):
        sections.append((_("Readiness"), [e for e in entries if e.kind == Kind.READINESS]))
        sections.append((_("SWOT"), [e for e in entries if e.kind == Kind.SWOT]))
    return sections


@require_POST
@role_required(EVERYONE)
def worksheet_action(request: AuthenticatedRequest, worksheet_id: int, action: str) -> HttpResponse:
    worksheet = _worksheet(request.user, worksheet_id)
    if action not in workflow.TRANSITIONS:
        return HttpResponseBadRequest()
    note = ""
    if action == "return":
        form = ReturnForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(map(str, form.errors["note"])))
            return redirect("masterplan:inputs:worksheet", worksheet_id=worksheet.pk)
        note = form.cleaned_data["note"]
    try:
        workflow.change_state(worksheet, action, request.user, note=note)
    except workflow.WrongState as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            _("The worksheet is now: %(state)s.") % {"state": worksheet.get_state_display()},
        )
    return redirect("masterplan:inputs:worksheet", worksheet_id=worksheet.pk)


@require_POST
@role_required(COMMENTERS)
def comment_add(request: AuthenticatedRequest, worksheet_id: int) -> HttpResponse:
    worksheet = _worksheet(request.user, worksheet_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        entry = None
        if form.cleaned_data["entry"]:
            entry = get_object_or_404(worksheet.entries, pk=form.cleaned_data["entry"])
        workflow.add_comment(worksheet, request.user, form.cleaned_data["text"], entry=entry)
        messages.success(request, _("Your comment has been saved."))
    else:
        messages.error(request, " ".join(map(str, form.errors["text"])))
    return redirect("masterplan:inputs:worksheet", worksheet_id=worksheet.pk)


# --- Entries ---------------------------------------------------------------------------------


@require_POST
@role_required(EVERYONE)
def entry_new(request: AuthenticatedRequest, worksheet_id: int) -> HttpResponse:
    worksheet = _worksheet(request.user, worksheet_id)
    if not can_fill_worksheet(request.user, worksheet):
        raise PermissionDenied
    form = NewEntryForm(request.POST, worksheet=worksheet)
    if form.is_valid():
        try:
            entry = workflow.add_entry(worksheet, form, request.user)
        except workflow.WrongState as refused:
            messages.error(request, refused.message)
            return redirect("masterplan:inputs:worksheet", worksheet_id=worksheet.pk)
        return redirect("masterplan:inputs:entry_edit", entry_id=entry.pk)
    return worksheet_detail(request, worksheet.pk, new_entry_form=form)


@role_required(EVERYONE)
def entry_edit(request: AuthenticatedRequest, entry_id: int) -> HttpResponse:
    entry = _entry(request.user, entry_id)
    years = entry.worksheet.window.programme.years
    form = EntryForm(request.POST or None, instance=entry, years=years)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            workflow.save_entry(
                entry, form, form.cleaned_data["version"], request.user, form.cleaned_data["page"]
            )
        except workflow.StaleEntry as stale:
            conflict = _conflict(form, stale.current)
        except workflow.WrongState as refused:  # submitted meanwhile; what was typed stays
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("masterplan:inputs:worksheet", worksheet_id=entry.worksheet_id)
    return render(
        request,
        "masterplan/inputs/entry_form.html",
        {"entry": entry, "worksheet": entry.worksheet, "form": form, "conflict": conflict},
    )


@require_POST
@role_required(EVERYONE)
def entry_autosave(request: AuthenticatedRequest, entry_id: int) -> HttpResponse:
    """htmx saves the draft as the person types; answers with a short status line."""
    entry = _entry(request.user, entry_id)
    form = EntryForm(request.POST, instance=entry, years=entry.worksheet.window.programme.years)
    context: dict[str, Any] = {"entry": entry}
    if not form.is_valid():
        context["invalid"] = True
    else:
        try:
            context["saved"] = workflow.save_entry(
                entry, form, form.cleaned_data["version"], request.user, form.cleaned_data["page"]
            )
        except workflow.StaleEntry as stale:
            context["conflict"] = _conflict(form, stale.current)
        except workflow.WrongState as refused:
            context["refused"] = refused.message
    return render(request, "masterplan/inputs/_autosave_status.html", context)


def _conflict(form: EntryForm, current: WorksheetEntry) -> dict[str, Any]:
    """Keep what the person typed, and let a deliberate second save replace the other one."""
    data = cast(QueryDict, form.data).copy()  # request.POST
    data["version"] = current.version  # type: ignore[assignment]  # QueryDict stores it as it is
    form.data = data
    return {"current": current, "differences": form.differences(current)}


@require_POST
@role_required(EVERYONE)
def entry_delete(request: AuthenticatedRequest, entry_id: int) -> HttpResponse:
    entry = _entry(request.user, entry_id)
    try:
        workflow.delete_entry(entry)
    except workflow.WrongState as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The entry has been deleted."))
    return redirect("masterplan:inputs:worksheet", worksheet_id=entry.worksheet_id)


# --- Readiness and SWOT ----------------------------------------------------------------------


@role_required(READERS)
def window_readiness(request: AuthenticatedRequest, window_id: int) -> HttpResponse:
    window = get_object_or_404(InputWindow, pk=window_id)
    accepted_only = request.GET.get("all") != "1"
    entries = list(readiness.entries_of(window, accepted_only=accepted_only))
    rows = readiness.summary(entries, window.readiness_components)
    quadrants = readiness.swot(entries)
    Quadrant = WorksheetEntry.Quadrant
    return render(
        request,
        "masterplan/inputs/readiness.html",
        {
            "window": window,
            "rows": rows,
            "chart": readiness.chart_svg(rows),
            "quadrants": [(Quadrant(q).label, q, items) for q, items in quadrants.items()],
            "accepted_only": accepted_only,
            "item_count": sum(row.total for row in rows),
        },
    )


# --- Spreadsheets ----------------------------------------------------------------------------

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@role_required(EVERYONE)
def worksheet_export(request: AuthenticatedRequest, worksheet_id: int) -> HttpResponse:
    worksheet = _worksheet(request.user, worksheet_id)
    content = spreadsheets.export([worksheet], worksheet.window.programme.years)
    return _xlsx_response(content, spreadsheets.filename(worksheet=worksheet))


@role_required(READERS)
def window_export(request: AuthenticatedRequest, window_id: int) -> HttpResponse:
    window = get_object_or_404(InputWindow.objects.select_related("programme"), pk=window_id)
    content = spreadsheets.export(window.worksheets.all(), window.programme.years)
    return _xlsx_response(content, spreadsheets.filename(window=window))


@files.upload_limit(IMPORT_MAX_MEGABYTES)
@role_required(EVERYONE)
def worksheet_import(request: AuthenticatedRequest, worksheet_id: int) -> HttpResponse:
    worksheet = _worksheet(request.user, worksheet_id)
    if not can_fill_worksheet(request.user, worksheet):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    job = ImportJob.objects.filter(
        # no job asked: pk=None finds none
        pk=request.GET.get("job") if request.GET.get("job", "").isdigit() else None,  # type: ignore[misc]
        kind=ImportJob.Kind.WORKSHEET,
        target_id=worksheet.pk,
        requested_by=request.user,
    ).first()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = spreadsheets.count_rows(upload)
            if rows > imports.QUEUE_ABOVE_ROWS:
                job = imports.queue(
                    ImportJob.Kind.WORKSHEET, worksheet.pk, upload, rows, request.user,
                    spreadsheets.import_worksheet_task,
                )  # fmt: skip
                url = reverse("masterplan:inputs:worksheet_import", args=[worksheet.pk])
                return redirect(f"{url}?job={job.pk}")
            else:
                result = spreadsheets.import_worksheet(worksheet, upload, request.user)
        except spreadsheets.UnreadableFile as error:
            form.add_error("file", str(error))
        except workflow.WrongState as refused:
            form.add_error(None, refused.message)
        else:
            if result is not None and result.ok:
                messages.success(
                    request,
                    _("Imported: %(created)s new and %(updated)s updated entries.")
                    % {"created": result.created, "updated": result.updated},
                )
                return redirect("masterplan:inputs:worksheet", worksheet_id=worksheet.pk)
    return render(
        request,
        "masterplan/inputs/import.html",
        {"worksheet": worksheet, "form": form, "result": result, "job": job},
    )


@role_required(SECRETARIAT)
def funding_sources(request: AuthenticatedRequest) -> HttpResponse:
    """The funding sources proposals may name: the active ones first."""
    sources = FundingSource.objects.order_by("-is_active", "order", "name")
    return render(request, "masterplan/inputs/funding_sources.html", {"sources": sources})


@role_required(SECRETARIAT)
def funding_source_edit(
    request: AuthenticatedRequest, source_id: int | None = None
) -> HttpResponse:
    source = get_object_or_404(FundingSource, pk=source_id) if source_id else None
    form = FundingSourceForm(request.POST or None, instance=source)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The funding source has been saved."))
        return redirect("masterplan:inputs:funding_sources")
    return render(
        request, "masterplan/inputs/funding_source_form.html", {"form": form, "source": source}
    )


@role_required(SECRETARIAT)
@require_POST
def funding_source_active(request: AuthenticatedRequest, source_id: int) -> HttpResponse:
    """Deactivate a source (proposals that name it keep it), or activate it again."""
    source = get_object_or_404(FundingSource, pk=source_id)
    source.is_active = request.POST.get("active") == "1"
    source.save(update_fields=["is_active"])
    if source.is_active:
        messages.success(request, _("%(name)s can be chosen again.") % {"name": source.name})
    else:
        messages.success(
            request,
            _("%(name)s can no longer be chosen for new proposals.") % {"name": source.name},
        )
    return redirect("masterplan:inputs:funding_sources")
