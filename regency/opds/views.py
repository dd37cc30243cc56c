"""The secretariat's OPD pages: list, add, edit, deactivate, import and merge."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import files, imports
from ..forms import IMPORT_MAX_MEGABYTES, TableImportForm
from ..models import Opd
from ..permissions import SECRETARIAT, AuthenticatedRequest, role_required
from .forms import MergeForm, OpdForm
from .merging import MergeRefused, merge_opds, plan_merge
from .register import import_opds

# The columns of a table of OPDs, for the import pages of the setup and of the OPDs.
OPD_COLUMNS = _(
    "A header row, then one OPD a row. Columns: Nama, Singkatan, Jenis, Nama Kepala, "
    "NIP Kepala, Jabatan Kepala; only Nama is needed."
)


@role_required(SECRETARIAT)
def opd_list(request: AuthenticatedRequest) -> HttpResponse:
    opds = Opd.objects.select_related("merged_into").annotate(
        people_count=Count("people", filter=Q(people__is_active=True))
    )
    return render(
        request,
        "regency/opds/opd_list.html",
        {"active": opds.filter(is_active=True), "inactive": opds.filter(is_active=False)},
    )


@role_required(SECRETARIAT)
def opd_add(request: AuthenticatedRequest) -> HttpResponse:
    form = OpdForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        opd = form.save()
        messages.success(request, _("%(opd)s was added.") % {"opd": opd.display_name})
        return redirect("opds:list")
    return render(request, "regency/opds/opd_form.html", {"form": form, "opd": None})


@role_required(SECRETARIAT)
def opd_edit(request: AuthenticatedRequest, opd_id: int) -> HttpResponse:
    opd = get_object_or_404(Opd, pk=opd_id)
    form = OpdForm(request.POST or None, instance=opd)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("%(opd)s was saved.") % {"opd": opd.display_name})
        return redirect("opds:list")
    return render(request, "regency/opds/opd_form.html", {"form": form, "opd": opd})


@require_POST
@role_required(SECRETARIAT)
def opd_deactivate(request: AuthenticatedRequest, opd_id: int) -> HttpResponse:
    opd = get_object_or_404(Opd, pk=opd_id, is_active=True)
    opd.is_active = False
    opd.save(update_fields=["is_active"])
    messages.success(
        request,
        _("%(opd)s was deactivated: its history stays, and it is offered for no new work.")
        % {"opd": opd.display_name},
    )
    return redirect("opds:list")


@require_POST
@role_required(SECRETARIAT)
def opd_activate(request: AuthenticatedRequest, opd_id: int) -> HttpResponse:
    opd = get_object_or_404(Opd, pk=opd_id, is_active=False, merged_into__isnull=True)
    opd.is_active = True
    opd.save(update_fields=["is_active"])
    messages.success(request, _("%(opd)s is active again.") % {"opd": opd.display_name})
    return redirect("opds:list")


@files.upload_limit(IMPORT_MAX_MEGABYTES)
@role_required(SECRETARIAT)
def opd_import(request: AuthenticatedRequest) -> HttpResponse:
    form = TableImportForm(request.POST or None, request.FILES or None, help_text=OPD_COLUMNS)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            rows = imports.read_table(form.cleaned_data["file"])
        except imports.RefusedFile as refused:
            form.add_error("file", refused.message)
        else:
            report = import_opds(rows)
    return render(request, "regency/opds/opd_import.html", {"form": form, "report": report})


@role_required(SECRETARIAT)
def opd_merge(request: AuthenticatedRequest) -> HttpResponse:
    """Choose two OPDs, see what would move and what clashes, then confirm."""
    data = request.POST if request.method == "POST" else request.GET
    form = MergeForm(data if "source" in data else None)
    plan = None
    if form.is_valid():
        source, target = form.cleaned_data["source"], form.cleaned_data["target"]
        if request.method == "POST":
            try:
                merge_opds(source, target)
            except MergeRefused as refused:
                messages.error(request, refused.message)
            else:
                messages.success(
                    request,
                    _("%(source)s was merged into %(target)s and deactivated.")
                    % {"source": source.display_name, "target": target.display_name},
                )
                return redirect("opds:list")
        try:
            plan = plan_merge(source, target)
        except MergeRefused as refused:
            form.add_error(None, refused.message)
    return render(request, "regency/opds/opd_merge.html", {"form": form, "plan": plan})
