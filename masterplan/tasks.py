from celery import shared_task
from django.conf import settings

from . import books


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
)
def render_book(job_id: int) -> str:
    job = books.run_render_job(job_id)
    return job.status if job else "missing"


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
)
def sign_commitment_pdf(sheet_id: int) -> str:
    from . import signed_pdf

    sheet = signed_pdf.produce(sheet_id)
    return sheet.pdf_status if sheet else "missing"


@shared_task(acks_late=True, reject_on_worker_lost=True, time_limit=120, soft_time_limit=100)
def send_signing_reminders(sheet_id: int, requested_at: str) -> int:
    import datetime

    from . import signing

    return signing.send_reminders(sheet_id, datetime.datetime.fromisoformat(requested_at))


# --- OPD inputs --------------------------------------------------------------------------------


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=120,
    soft_time_limit=100,
)
def mail_worksheet_state_change(change_id: int) -> int:
    from . import inputs

    return inputs.mail_state_change(change_id)


@shared_task(acks_late=True, reject_on_worker_lost=True, time_limit=300, soft_time_limit=270)
def send_input_reminders(window_id: int) -> int:
    from . import inputs
    from .models import InputWindow

    window = InputWindow.objects.filter(pk=window_id).first()
    return inputs.send_reminders(window) if window else 0


@shared_task(acks_late=True, reject_on_worker_lost=True, time_limit=300, soft_time_limit=270)
def send_due_input_reminders() -> list[int]:
    """Run by Celery beat (CELERY_BEAT_SCHEDULE in settings)."""
    from . import inputs

    return inputs.send_due_reminders()


@shared_task(
    name="masterplan.import_worksheet",
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=300,
    soft_time_limit=270,
)
def import_worksheet(job_id: int) -> str:
    from regency import imports

    from . import spreadsheets

    job = imports.run(job_id, spreadsheets.run_import_job)
    return job.status if job else "missing"
