"""Reading an uploaded XLSX or CSV table safely, and running a large import as a job.

Every import of the app (worksheets, the register of participants) reads its file here. An
XLSX file is a zip: its entries are checked before openpyxl opens it, so a few hundred KB
that unpack to gigabytes (a zip bomb) are refused in milliseconds; openpyxl then streams the
sheet (read-only mode) and reading stops at the row cap.
"""

import csv
import io
import logging
import zipfile
from collections.abc import Callable
from typing import Any

from celery import Task
from django.core.files.base import ContentFile, File
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .jobs import DONE, FAILED, failure_message, heartbeat
from .models import ImportJob, User
from .outbox import enqueue

logger = logging.getLogger(__name__)

MAX_ROWS = 5_000  # under the header
# rows read at all, empty ones included (a table of MAX_ROWS with blank lines between fits)
MAX_SHEET_ROWS = 4 * MAX_ROWS
MAX_COLUMNS = 60
MAX_UNPACKED_MEGABYTES = 25  # the whole workbook unpacked; 5,000 full rows need about 10
MAX_ZIP_ENTRIES = 200  # a workbook from Excel or LibreOffice has 10 to 30
MAX_RATIO = 100  # unpacked / packed of one entry; spreadsheet XML packs 5 to 20 times
RATIO_FROM_BYTES = 1024 * 1024  # tiny entries may pack absurdly well without harm
QUEUE_ABOVE_ROWS = 300  # larger imports run in a task, and the page follows the job


class RefusedFile(Exception):
    """The file cannot be read, or is over a limit; the message says which, in full."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _limits() -> str:
    return _(
        "An import may hold at most %(rows)s rows and %(columns)s columns, and an XLSX file "
        "at most %(megabytes)s MB unpacked."
    ) % {
        "rows": number_format(MAX_ROWS, force_grouping=True),
        "columns": MAX_COLUMNS,
        "megabytes": MAX_UNPACKED_MEGABYTES,
    }


def read_table(upload: File, sheet_name: str | None = None) -> list[tuple]:
    """The rows of an uploaded .xlsx or .csv file, header first; RefusedFile if unsafe."""
    name = (getattr(upload, "name", "") or "").lower()
    if name.endswith(".csv"):
        return _read_csv(upload)
    if name.endswith(".xlsx"):
        return _read_xlsx(upload, sheet_name)
    raise RefusedFile(_("Upload an .xlsx or .csv file."))


def check_zip(upload: File) -> None:
    """Refuse a zip whose entries would unpack too large, too many or too well packed."""
    not_xlsx = _(
        "The file is not an Excel workbook (.xlsx); save it from Excel or LibreOffice again."
    )
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise RefusedFile(not_xlsx) from exc
    finally:
        upload.seek(0)
    if len(entries) > MAX_ZIP_ENTRIES:
        raise RefusedFile(
            _("The file is refused: it holds %(count)s parts, a workbook at most %(max)s.")
            % {"count": len(entries), "max": MAX_ZIP_ENTRIES}
            + " "
            + _limits()
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_MEGABYTES * 1024 * 1024:
        raise RefusedFile(
            _("The file is refused: unpacked it would take %(megabytes)s MB.")
            % {"megabytes": number_format(unpacked / 1024 / 1024, 0, force_grouping=True)}
            + " "
            + _limits()
        )
    for entry in entries:
        if entry.file_size > RATIO_FROM_BYTES and (
            entry.file_size > MAX_RATIO * max(entry.compress_size, 1)
        ):
            raise RefusedFile(
                _(
                    "The file is refused: a part of it unpacks %(ratio)s times larger than it "
                    "is packed (at most %(max)s times), which no real workbook does."
                )
                % {"ratio": entry.file_size // max(entry.compress_size, 1), "max": MAX_RATIO}
                + " "
                + _limits()
            )


def _too_many_rows() -> RefusedFile:
    return RefusedFile(
        _(
            "The file has more than %(rows)s rows; split it into files of at most %(rows)s "
            "rows each."
        )
        % {"rows": number_format(MAX_ROWS, force_grouping=True)}
        + " "
        + _limits()
    )


def _sheet_too_long() -> RefusedFile:
    return RefusedFile(
        _(
            "The sheet goes on past row %(rows)s, empty rows included; delete the rows below "
            "the table and save the file again."
        )
        % {"rows": number_format(MAX_SHEET_ROWS, force_grouping=True)}
        + " "
        + _limits()
    )


def _too_many_columns() -> RefusedFile:
    return RefusedFile(
        _("The file has more than %(columns)s columns.") % {"columns": MAX_COLUMNS}
        + " "
        + _limits()
    )


def _read_xlsx(upload: File, sheet_name: str | None) -> list[tuple]:
    from openpyxl import load_workbook  # imported here: only imports need it

    check_zip(upload)
    try:
        book = load_workbook(upload, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        logger.info("unreadable XLSX upload: %s", exc)
        raise RefusedFile(
            _("The file is not an Excel workbook (.xlsx); save it from Excel or LibreOffice again.")
        ) from exc
    try:
        if sheet_name and sheet_name in book.sheetnames:
            sheet = book[sheet_name]
        else:
            sheet = book.worksheets[0]
        rows: list[tuple[Any, ...]] = []
        try:
            # The sheet's own <dimension> may claim 16,384 columns and a million rows (and
            # openpyxl fills gaps with empty rows): read one column past the cap, and count
            # empty rows too, so that a tiny file cannot keep a web worker busy for minutes.
            read = sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True)
            for number, values in enumerate(read, start=1):
                if number > MAX_SHEET_ROWS:
                    raise _sheet_too_long()
                if any(value is not None for value in values[MAX_COLUMNS:]):
                    raise _too_many_columns()
                values = values[:MAX_COLUMNS]
                if rows and all(value is None for value in values):
                    continue  # an empty row between or below the table counts for nothing
                rows.append(values)
                if len(rows) > MAX_ROWS + 1:
                    raise _too_many_rows()
        except RefusedFile:
            raise
        except Exception as exc:  # a sheet's XML broken half-way
            logger.info("unreadable XLSX sheet: %s", exc)
            raise RefusedFile(
                _("The workbook cannot be read to its end; save it from Excel again.")
            ) from exc
        return rows
    finally:
        book.close()


def _read_csv(upload: File) -> list[tuple]:
    data = upload.read()
    upload.seek(0)
    text = data.decode("utf-8-sig", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t")
    except csv.Error:  # one column, or an empty file
        dialect = csv.excel
    rows: list[Any] = []  # of tuples
    try:
        for values in csv.reader(io.StringIO(text), dialect):
            if len(values) > MAX_COLUMNS and any(v.strip() for v in values[MAX_COLUMNS:]):
                raise _too_many_columns()
            values = tuple(values[:MAX_COLUMNS])  # type: ignore[assignment]  # a row is a tuple
            if rows and not any(v.strip() for v in values):
                continue
            rows.append(values)
            if len(rows) > MAX_ROWS + 1:
                raise _too_many_rows()
    except csv.Error as exc:  # a field over csv's own limit (128 KB), a stray NUL
        raise RefusedFile(_("The CSV file cannot be read: %(error)s") % {"error": exc}) from exc
    return rows


# --- Large imports as jobs -------------------------------------------------------------------


def queue(kind: str, target_id: int, upload: File, rows: int, user: User, task: Task) -> ImportJob:
    """Keep the file, record the job, and queue ``task`` (with the job's id) after commit."""
    upload.seek(0)
    job = ImportJob(
        kind=kind,
        target_id=target_id,
        rows_total=rows,
        requested_by=user,
        file_name=upload.name,  # type: ignore[misc]  # an upload always has a name
    )
    extension = upload.name.rsplit(".", 1)[-1].lower()  # type: ignore[union-attr]  # as above
    job.file.save(f"{kind}.{extension}", ContentFile(upload.read()))
    enqueue(task, job.pk)
    return job


def run(job_id: int, import_file: Callable) -> ImportJob | None:
    """Run a queued import: ``import_file(job, file, progress)`` returns the report to keep.

    ``progress(rows_done)`` is called as the rows are checked, so the page can show it.
    """
    if not ImportJob.objects.claim(job_id, started_at=timezone.now()):
        return ImportJob.objects.filter(pk=job_id).first()  # done, on a live worker, or deleted
    job = ImportJob.objects.select_related("requested_by").get(pk=job_id)

    def progress(done: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(rows_done=done)

    try:
        with (
            heartbeat(ImportJob, job.pk),
            job.file.storage.open(job.file.name, "rb") as stored,  # type: ignore[arg-type]  # kept by queue()
        ):
            # the readers go by the extension of the name the file was uploaded with
            job.report = import_file(job, File(stored, name=job.file_name), progress)
        job.status, job.rows_done = DONE, job.rows_total
    except RefusedFile as refused:
        job.status, job.error = FAILED, refused.message
    except Exception as exc:  # the job must say why it failed, whatever failed
        logger.exception("Import job %s failed", job_id)
        job.status, job.error = FAILED, failure_message(exc)
    job.finished_at = timezone.now()
    job.file.delete(save=False)  # an upload is kept only until it is imported
    job.save(update_fields=["status", "error", "report", "rows_done", "finished_at", "file"])
    return job
