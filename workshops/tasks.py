from celery import shared_task
from django.conf import settings

from . import printing, register


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=settings.CELERY_TASK_TIME_LIMIT,
    soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
)
def render_print_job(job_id: int) -> str:
    job = printing.run_print_job(job_id)
    return job.status if job else "missing"


@shared_task(acks_late=True, reject_on_worker_lost=True, time_limit=120, soft_time_limit=100)
def make_thumbnail(photo_id: int) -> str:
    from . import photos

    photo = photos.make_thumbnail(photo_id)
    return "done" if photo else "missing"


@shared_task(
    name="workshops.import_participants",
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=300,
    soft_time_limit=270,
)
def import_participants(job_id: int) -> str:
    from regency import imports

    job = imports.run(job_id, register.run_import_job)
    return job.status if job else "missing"
