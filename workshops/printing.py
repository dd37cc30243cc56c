"""Workshop documents as print HTML and as PDFs rendered by a task: the attendance list
(daftar hadir) of a day and the invitation letters with each person's check-in QR code."""

import base64
import io
import logging
from collections.abc import Iterable

from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from regency.files import html_to_pdf
from regency.jobs import failure_message, heartbeat
from regency.models import Regency, User
from regency.outbox import enqueue

from .attendance import checkin_token, local_time, regency_zone
from .models import Attendance, Invitation, PrintJob, Workshop, WorkshopDay

log = logging.getLogger(__name__)


def checkin_url(invitation: Invitation) -> str:
    path = reverse("workshops:checkin", args=[checkin_token(invitation)])
    return settings.SITE_URL.rstrip("/") + path


def qr_svg(text: str) -> str:
    """A QR code of ``text`` as an SVG document."""
    import qrcode
    from qrcode.image.svg import SvgPathImage

    buffer = io.BytesIO()
    qrcode.make(text, image_factory=SvgPathImage, box_size=8, border=2).save(buffer)
    return buffer.getvalue().decode()


def _common(workshop: Workshop) -> dict:
    regency = Regency.load()
    emblem_uri = f"file://{regency.emblem.path}" if regency and regency.emblem else ""
    return {"regency": regency, "workshop": workshop, "emblem_uri": emblem_uri}


def attendance_html(day: WorkshopDay) -> str:
    """The print HTML of a day's attendance list, people in alphabetical order."""
    rows = list(
        Attendance.objects.filter(day=day)
        .select_related("participant__opd")
        .order_by("participant__name", "pk")
    )
    zone = regency_zone()
    for row in rows:
        row.local_time = local_time(row.checked_in_at, zone)  # type: ignore[attr-defined]  # for the template
    with translation.override("id"):
        return render_to_string(
            "workshops/print/attendance.html",
            {**_common(day.workshop), "day": day, "rows": rows},
        )


def letters_html(workshop: Workshop, invitations: Iterable[Invitation]) -> str:
    """One invitation letter per page, each with the person's own check-in QR code."""
    letters = []
    for invitation in invitations:
        svg = qr_svg(checkin_url(invitation)).encode()
        letters.append(
            {
                "invitation": invitation,
                "qr_uri": "data:image/svg+xml;base64," + base64.b64encode(svg).decode(),
                "expires": workshop.end_date or workshop.start_date,
            }
        )
    with translation.override("id"):
        return render_to_string(
            "workshops/print/invitations.html",
            {
                **_common(workshop),
                "letters": letters,
                "days": workshop.days.prefetch_related("agenda"),
            },
        )


def job_html(job: PrintJob) -> str:
    if job.kind == PrintJob.Kind.ATTENDANCE_LIST:
        return attendance_html(job.day)  # type: ignore[arg-type]  # an attendance list has its day
    invitations = Invitation.objects.filter(workshop=job.workshop).select_related(
        "participant__opd"
    )
    if job.invitation_id:
        invitations = invitations.filter(pk=job.invitation_id)
    return letters_html(job.workshop, invitations.order_by("participant__name", "pk"))


def request_print(
    user: User,
    kind: str,
    workshop: Workshop,
    day: WorkshopDay | None = None,
    invitation: Invitation | None = None,
) -> PrintJob:
    """Record a print request and queue it for a worker once the transaction commits."""
    job = PrintJob.objects.create(
        kind=kind, workshop=workshop, day=day, invitation=invitation, requested_by=user
    )
    enqueue(render_print_job, job.pk)
    return job


def run_print_job(job_id: int) -> PrintJob | None:
    """Render the job's document and record the outcome (a finished job is left alone)."""
    if not PrintJob.objects.claim(job_id, started_at=timezone.now()):
        return PrintJob.objects.filter(pk=job_id).first()  # finished, running elsewhere, deleted
    job = PrintJob.objects.select_related("workshop", "day").get(pk=job_id)
    try:
        with heartbeat(PrintJob, job_id):
            pdf, pages = html_to_pdf(job_html(job))
        job.file.save(f"{job.kind}-{job.pk}.pdf", ContentFile(pdf), save=False)
        job.page_count = pages
        job.status = PrintJob.Status.DONE
    except Exception as exc:  # the job must say why it failed, whatever failed
        log.exception("Print job %s failed", job_id)
        job.status = PrintJob.Status.FAILED
        job.error = failure_message(exc)
    job.finished_at = timezone.now()
    job.save()
    return job


@shared_task(name="workshops.tasks.render_print_job")
def render_print_job(job_id: int) -> str:
    job = run_print_job(job_id)
    return job.status if job else "missing"
