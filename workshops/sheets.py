"""The attendance list (daftar hadir) of a day, as print HTML and as a PDF rendered by a task."""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from regency.files import html_to_pdf
from regency.models import Regency

from .attendance import local_time, regency_zone
from .models import Attendance, AttendanceSheetJob, WorkshopDay

log = logging.getLogger(__name__)


def sheet_html(day: WorkshopDay) -> str:
    """The print HTML of a day's attendance list, in the order people arrived."""
    regency = Regency.load()
    rows = list(
        Attendance.objects.filter(day=day)
        .select_related("participant__opd")
        .order_by("participant__name", "pk")
    )
    zone = regency_zone()
    for row in rows:
        row.local_time = local_time(row.checked_in_at, zone)
    emblem_uri = f"file://{regency.emblem.path}" if regency and regency.emblem else ""
    with translation.override("id"):
        return render_to_string(
            "workshops/print/attendance.html",
            {
                "regency": regency,
                "day": day,
                "workshop": day.workshop,
                "rows": rows,
                "emblem_uri": emblem_uri,
            },
        )


def request_sheet(day: WorkshopDay, user) -> AttendanceSheetJob:
    from .tasks import render_attendance_sheet  # tasks import this module

    job = AttendanceSheetJob.objects.create(day=day, requested_by=user)
    transaction.on_commit(lambda: render_attendance_sheet.delay(job.pk))
    return job


def run_sheet_job(job_id: int) -> AttendanceSheetJob | None:
    """Render the job's attendance list and record the outcome (a finished job is left alone)."""
    claimed = AttendanceSheetJob.objects.filter(pk=job_id).exclude(
        status=AttendanceSheetJob.Status.DONE
    )
    if not claimed.update(status=AttendanceSheetJob.Status.RUNNING, error=""):
        return AttendanceSheetJob.objects.filter(pk=job_id).first()
    job = AttendanceSheetJob.objects.select_related("day__workshop").get(pk=job_id)
    try:
        pdf, pages = html_to_pdf(sheet_html(job.day))
        job.file.save(f"{job.day.pk}-{job.pk}.pdf", ContentFile(pdf), save=False)
        job.page_count = pages
        job.status = AttendanceSheetJob.Status.DONE
    except Exception as exc:  # the job must say why it failed, whatever failed
        log.exception("Attendance list job %s failed", job_id)
        job.status = AttendanceSheetJob.Status.FAILED
        job.error = f"{type(exc).__name__}: {exc}"
    job.finished_at = timezone.now()
    job.save()
    return job
