"""Celery beat's rounds over what every app shares: the outbox and the job rows."""

from celery import shared_task
from celery.signals import worker_ready
from django.apps import apps
from django.db import connections

from . import outbox
from .jobs import JobQuerySet


@shared_task(name="regency.tasks.send_outbox", time_limit=120, soft_time_limit=100)
def send_outbox() -> int:
    """Send the tasks kept while the broker was down (Celery beat, every minute)."""
    return outbox.send_unsent()


@shared_task(name="regency.tasks.requeue_stale_jobs", time_limit=120, soft_time_limit=100)
def requeue_stale_jobs() -> int:
    """Queue again, or fail with the reason, the jobs whose worker died (Celery beat)."""
    return sum(model.objects.all().recover_stale() for model in job_models())


def job_models() -> list:
    return [
        model
        for model in apps.get_models()
        if isinstance(model._default_manager.get_queryset(), JobQuerySet)
    ]


@worker_ready.connect
def send_outbox_at_worker_start(**kwargs) -> None:
    """A worker that starts means the broker answers: send what waited for it."""
    try:
        outbox.send_unsent()
        for model in job_models():
            model.objects.all().recover_stale()
    finally:
        connections.close_all()  # pool processes forked later must not share this connection
