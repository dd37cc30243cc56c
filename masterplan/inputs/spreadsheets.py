"""Worksheets to XLSX and back, in the one-row-per-item layout mentors use.

Import is all-or-nothing: every row is checked with the same form as the web page, every
rejected row is reported with its reason, and nothing is saved unless every row passes.
"""

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from celery import shared_task
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from regency import imports
from regency.models import Element, ImportJob, Opd, User

from . import workflow
from .forms import EntryForm, entry_kinds
from .models import FundingSource, InputWindow, ReadinessComponent, Worksheet, WorksheetEntry

SHEET_TITLE = "Kertas Kerja"
# (key, Indonesian header, width); the headers are what mentors read and type under
COLUMNS = [
    ("id", "ID", 8),
    ("opd", "OPD", 14),
    ("dimension", "Dimensi", 18),
    ("kind", "Jenis", 18),
    ("element", "Elemen", 28),
    ("title", "Nama", 36),
    ("description", "Deskripsi / catatan", 40),
    ("asset_status", "Status aset", 18),
    ("objective", "Tujuan", 30),
    ("indicator", "Indikator", 26),
    ("baseline", "Baseline", 14),
    ("funding_source", "Sumber dana", 14),
    ("partner_opds", "OPD mitra", 20),
    ("quick_win_candidate", "Kandidat quick win", 12),
    ("component", "Komponen kesiapan", 16),
    ("rating", "Penilaian", 12),
    ("evidence", "Bukti", 26),
    ("quadrant", "SWOT", 12),
]
# the version a row was exported at, last after the yearly columns: an import refuses a row
# whose entry was changed in the app since
VERSION_COLUMN = ("version", "Versi", 7)
YES, NO = "Ya", "Tidak"


def _choice_labels(choices: Iterable[tuple[str, Any]]) -> dict[str, str]:
    """value -> Indonesian label (without the English gloss in brackets)."""
    with override("id"):
        return {value: str(label).split(" (")[0] for value, label in choices}


def _choice_values(choices: Iterable[tuple[str, Any]]) -> dict[str, str]:
    """Lower-cased label or value -> value, so that a typed 'baik' or 'Baik' both work."""
    values = {value.lower(): value for value, _label in choices}
    values.update({label.lower(): value for value, label in _choice_labels(choices).items()})
    return values


CHOICES = {
    "kind": WorksheetEntry.Kind.choices,
    "asset_status": WorksheetEntry.AssetStatus.choices,
    "component": ReadinessComponent.choices,
    "rating": WorksheetEntry.Rating.choices,
    "quadrant": WorksheetEntry.Quadrant.choices,
}


def _columns(years: Iterable[int]) -> list[tuple[str, str, int]]:
    return (
        COLUMNS
        + [(f"target_{y}", f"Target {y}", 10) for y in years]
        + [(f"budget_{y}", f"Anggaran {y} (Rp)", 16) for y in years]
        + [VERSION_COLUMN]
    )


# --- Export ----------------------------------------------------------------------------------


def export(worksheets: Iterable[Worksheet], years: Iterable[int]) -> bytes:
    """One sheet, one row per entry of the given worksheets (ordered by OPD and dimension)."""
    columns = _columns(years)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    sheet.append([header for _key, header, _width in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="0B3D62")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, (_key, _header, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "F2"
    labels = {name: _choice_labels(choices) for name, choices in CHOICES.items()}
    entries = (
        WorksheetEntry.objects.filter(worksheet__in=worksheets)
        .select_related("worksheet__opd", "worksheet__dimension", "element", "funding_source")
        .prefetch_related("partner_opds")
        .order_by("worksheet__opd__name", "worksheet__dimension__order", "kind", "pk")
    )
    for entry in entries:
        row = {
            "id": entry.pk,
            "version": entry.version,
            "opd": entry.worksheet.opd.acronym or entry.worksheet.opd.name,
            "dimension": entry.worksheet.dimension.name_id,
            "element": entry.element.name_id if entry.element else "",
            "title": entry.title,
            "description": entry.description,
            "objective": entry.objective,
            "indicator": entry.indicator,
            "baseline": entry.baseline,
            "funding_source": entry.funding_source.name if entry.funding_source else "",
            "partner_opds": ", ".join(str(opd) for opd in entry.partner_opds.all()),
            "quick_win_candidate": (YES if entry.quick_win_candidate else NO)
            if entry.is_proposal
            else "",
            "evidence": entry.evidence,
        }
        for name in CHOICES:
            value = getattr(entry, name)
            row[name] = labels[name].get(value, "") if value else ""
        for year in years:
            row[f"target_{year}"] = entry.yearly_targets.get(str(year), "")
            row[f"budget_{year}"] = entry.yearly_budgets.get(str(year), "")
        sheet.append([row.get(key, "") for key, _header, _width in columns])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def filename(worksheet: Worksheet | None = None, window: InputWindow | None = None) -> str:
    stamp = timezone.localdate().isoformat()
    if worksheet is not None:
        opd = (worksheet.opd.acronym or worksheet.opd.name).replace(" ", "-")
        return f"kertas-kerja-{opd}-{worksheet.dimension.code}-{stamp}.xlsx"
    return f"kertas-kerja-bimtek-{window.stage}-{stamp}.xlsx"  # type: ignore[union-attr]  # no worksheet: a window


# --- Import ----------------------------------------------------------------------------------


@dataclass
class Rejection:
    row: int
    title: str
    reasons: list[str]


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    rejections: list | None = None

    @property
    def ok(self) -> bool:
        return not self.rejections


class UnreadableFile(Exception):
    pass


def import_worksheet(
    worksheet: Worksheet,
    data: File,
    user: User,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Read an XLSX file into one worksheet: every row valid, or nothing saved.

    ``progress(rows_checked)`` is called now and then while the rows are checked.
    """
    years = worksheet.window.programme.years
    rows = _read_rows(data)
    allowed_kinds = {value for value, _label in entry_kinds(worksheet.window)}
    kind_values = _choice_values(CHOICES["kind"])
    existing = {e.pk: e for e in worksheet.entries.all()}
    elements = {
        e.name_id.lower(): e.pk for e in Element.objects.filter(dimension_id=worksheet.dimension_id)
    }
    sources = {s.name.lower(): s.pk for s in FundingSource.objects.all()}
    opds = {}
    for opd in Opd.objects.filter(is_active=True):
        opds[opd.name.lower()] = opd.pk
        if opd.acronym:
            opds[opd.acronym.lower()] = opd.pk
    my_opd = {worksheet.opd.name.lower(), (worksheet.opd.acronym or "").lower()}

    headers = {key: header for key, header, _width in _columns(years)}
    forms, rejections = [], []
    for checked, (number, row) in enumerate(rows):
        if progress and checked and checked % 100 == 0:
            progress(checked)
        reasons = []
        title = row.get("title", "")
        opd_cell = row.get("opd", "").lower()
        if opd_cell and opd_cell not in my_opd:
            reasons.append(_("The row belongs to another OPD (%(opd)s).") % {"opd": row["opd"]})
        dimension_cell = row.get("dimension", "").lower()
        if dimension_cell and dimension_cell not in {
            worksheet.dimension.name_id.lower(),
            worksheet.dimension.name_en.lower(),
            worksheet.dimension.code,
        }:
            reasons.append(
                _("The row belongs to another dimension (%(dimension)s).")
                % {"dimension": row["dimension"]}
            )
        kind = kind_values.get(row.get("kind", "").lower())
        if kind not in allowed_kinds:
            reasons.append(_("Unknown or unasked kind “%(kind)s”.") % {"kind": row.get("kind", "")})
        entry = None
        if row.get("id"):
            try:
                entry = existing[int(float(row["id"]))]
            except (ValueError, KeyError):
                reasons.append(
                    _("ID %(id)s is not an entry of this worksheet; empty the ID to add the row.")
                    % {"id": row["id"]}
                )
            else:
                if kind and entry.kind != kind:
                    reasons.append(_("The kind of an existing entry cannot change."))
                if row.get("version") != str(entry.version):
                    reasons.append(_changed_since(entry.version))
        if reasons:
            rejections.append(Rejection(number, title, reasons))
            continue
        if entry is None:
            entry = WorksheetEntry(worksheet=worksheet, kind=kind)  # type: ignore[misc]  # known: no reasons
        form_data, lookup_errors = _form_data(row, entry, years, elements, sources, opds)
        form = EntryForm(form_data, instance=entry, years=years)
        lookup_errors += [
            _("“%(column)s” does not apply to this kind of entry; empty it.")
            % {"column": headers.get(key, key)}
            for key, value in row.items()
            if value and key not in form.fields and key not in ("id", "opd", "dimension", "kind")
        ]
        if lookup_errors or not form.is_valid():
            reasons = lookup_errors + [
                f"{form.fields[name].label if name in form.fields else name}: {' '.join(map(str, errors))}"
                for name, errors in form.errors.items()
            ]
            rejections.append(Rejection(number, title, reasons))
            continue
        forms.append((form, number))

    if not rows:
        rejections.append(Rejection(1, "", [_("The file has no rows under the header.")]))
    if rejections:
        return ImportResult(rejections=rejections)
    result = ImportResult(rejections=[])
    with transaction.atomic():
        workflow.lock_editable(worksheet.pk)
        # the versions read above are checked again under lock: a colleague may have saved
        # while the file was being checked
        current = dict(
            WorksheetEntry.objects.select_for_update()
            .filter(pk__in=[f.instance.pk for f, _n in forms if f.instance.pk])
            .order_by("pk")  # the default ordering joins elements, which cannot be locked
            .values_list("pk", "version")
        )
        stale = [
            Rejection(number, form.instance.title, [_changed_since(current.get(form.instance.pk))])
            for form, number in forms
            if form.instance.pk and current.get(form.instance.pk) != form.instance.version
        ]
        if stale:
            transaction.set_rollback(True)
            return ImportResult(rejections=stale)
        for form, _number in forms:
            is_new = form.instance.pk is None
            entry = form.save(commit=False)
            entry.updated_by = user
            entry.saved_from_page = ""  # no open page saved this version
            if not is_new:
                entry.version += 1
            entry.save()
            form.save_m2m()
            if is_new:
                result.created += 1
            else:
                result.updated += 1
        workflow.mark_started(worksheet)
    return result


def _changed_since(version: int | None) -> str:
    return _(
        "This entry was changed in the app after the file was downloaded (now version "
        "%(version)s); download the worksheet again so that nobody's change is lost."
    ) % {"version": version}


def _read_rows(data: File) -> list[tuple[int, dict[str, str]]]:
    try:
        rows = imports.read_table(data, sheet_name=SHEET_TITLE)
    except imports.RefusedFile as refused:
        raise UnreadableFile(refused.message) from refused
    header = rows[0] if rows else ()
    keys_by_header = {}
    key: str | None  # a column's key; None for a column the import does not know
    for key, title, _width in [*COLUMNS, VERSION_COLUMN]:
        keys_by_header[title.lower()] = key
    keys: list[str | None] = []
    for cell in header:
        text = str(cell or "").strip().lower()
        if text.startswith("target "):
            keys.append("target_" + text.removeprefix("target ").strip())
        elif text.startswith("anggaran "):
            keys.append("budget_" + text.removeprefix("anggaran ").split(" ")[0])
        else:
            keys.append(keys_by_header.get(text))
    if "title" not in keys:
        raise UnreadableFile(_("The first row must hold the column headers, among them “Nama”."))
    result = []
    for number, values in enumerate(rows[1:], start=2):
        row: dict[str, str] = {}
        for key, value in zip(keys, values, strict=False):
            if key is None or value is None:
                continue
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            row[key] = str(value).strip()
        if any(row.values()):
            result.append((number, row))
    return result


def count_rows(data: File) -> int:
    """How many rows under the header a file has (refusing it as the import would)."""
    rows = _read_rows(data)
    data.seek(0)
    return len(rows)


def run_import_job(job: ImportJob, data: File, progress: Callable[[int], None]) -> dict:
    """The import of a queued job (regency.imports.run), as the report the page shows."""
    worksheet = Worksheet.objects.select_related("window__programme", "opd", "dimension").get(
        pk=job.target_id
    )
    try:
        # who asked for the import answers for its rows (an account is never deleted)
        assert job.requested_by is not None
        result = import_worksheet(worksheet, data, job.requested_by, progress=progress)
    except UnreadableFile as error:
        raise imports.RefusedFile(str(error)) from error
    except workflow.WrongState as refused:
        raise imports.RefusedFile(refused.message) from refused
    return {
        "created": result.created,
        "updated": result.updated,
        "all_or_nothing": True,
        "rejected": [
            {"row": r.row, "title": r.title, "reasons": r.reasons}
            for r in result.rejections  # type: ignore[union-attr]  # a list once imported
        ],
    }


def _form_data(
    row: dict[str, str],
    entry: WorksheetEntry,
    years: Iterable[int],
    elements: dict[str, int],
    sources: dict[str, int],
    opds: dict[str, int],
) -> tuple["_QueryDict", list[str]]:
    errors = []
    data = {
        "version": entry.version,
        "title": row.get("title", ""),
        "description": row.get("description", ""),
        "objective": row.get("objective", ""),
        "indicator": row.get("indicator", ""),
        "baseline": row.get("baseline", ""),
        "evidence": row.get("evidence", ""),
    }
    for name in ("asset_status", "component", "rating", "quadrant"):
        typed = row.get(name, "")
        value = _choice_values(CHOICES[name]).get(typed.lower(), "") if typed else ""
        if typed and not value:
            column = next(header for key, header, _w in COLUMNS if key == name)
            errors.append(
                _("Unknown value “%(value)s” in %(column)s.") % {"value": typed, "column": column}
            )
        data[name] = value
    if row.get("element"):
        pk = elements.get(row["element"].lower())
        if pk is None:
            errors.append(_("Unknown element “%(value)s”.") % {"value": row["element"]})
        data["element"] = pk or ""
    if row.get("funding_source"):
        pk = sources.get(row["funding_source"].lower())
        if pk is None:
            errors.append(
                _("Unknown funding source “%(value)s”.") % {"value": row["funding_source"]}
            )
        data["funding_source"] = pk or ""
    partners = []
    for name in filter(None, (p.strip() for p in row.get("partner_opds", "").split(","))):
        pk = opds.get(name.lower())
        if pk is None:
            errors.append(_("Unknown partner OPD “%(value)s”.") % {"value": name})
        else:
            partners.append(pk)
    data["partner_opds"] = partners
    quick_win = row.get("quick_win_candidate", "").lower()
    if quick_win in ("ya", "yes", "1", "true", "x"):
        data["quick_win_candidate"] = "on"
    elif quick_win not in ("", "tidak", "no", "0", "false"):
        errors.append(_("Write Ya or Tidak under “Kandidat quick win”."))
    for year in years:
        data[f"target_{year}"] = row.get(f"target_{year}", "")
        data[f"budget_{year}"] = row.get(f"budget_{year}", "")
    return _QueryDict(data), errors


class _QueryDict(dict):
    """The little of QueryDict that a ModelForm reads: getlist for the partner OPDs."""

    def getlist(self, key: str, default: list[Any] | None = None) -> list[Any]:
        value = self.get(key, default or [])
        return value if isinstance(value, list) else [value]


@shared_task(name="masterplan.import_worksheet", time_limit=300, soft_time_limit=270)
def import_worksheet_task(job_id: int) -> str:
    job = imports.run(job_id, run_import_job)
    return job.status if job else "missing"
