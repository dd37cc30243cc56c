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
