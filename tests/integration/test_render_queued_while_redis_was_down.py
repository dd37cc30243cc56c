"""A render asked for while Redis was down reaches the real worker once Redis is back."""

import datetime
import time

import pytest
from django.utils import timezone

from masterplan.models import RenderJob
from regency import outbox
from regency.models import OutboxTask
from regency.tasks import send_outbox
from tests.redis_down import redis_down, restore_celery

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def wait_for(condition, seconds: float = 60, what: str = "condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"{what}: still not true after {seconds} s")


def test_the_kept_render_is_sent_by_the_beat_round_and_rendered_by_the_worker(
    settings, worker_storage, login, secretariat, programme
):
    book = programme.books.get(number=1)
    client = login(secretariat)
    previous = redis_down(settings)
    try:
        started = time.monotonic()
        page = client.post(f"/books/{book.pk}/render/", follow=True).content.decode()
        took = time.monotonic() - started
    finally:
        restore_celery(previous)  # Redis answers again
    assert "Permintaan Anda sudah tersimpan." in page
    assert took < 5, f"queueing with Redis down took {took:.1f} s"
    job = RenderJob.objects.get()
    kept = OutboxTask.objects.get()
    assert kept.sent_at is None and job.status == RenderJob.Status.QUEUED
    time.sleep(2)
    job.refresh_from_db()
    assert job.status == RenderJob.Status.QUEUED  # nothing reached the worker meanwhile

    # The row is past its grace period (as it is a minute later, when beat's round comes).
    OutboxTask.objects.update(created_at=timezone.now() - outbox.GRACE - datetime.timedelta(1))
    send_outbox.delay()  # what Celery beat sends every minute, run by the real worker

    def rendered():
        job.refresh_from_db()
        return job.status == RenderJob.Status.DONE

    wait_for(rendered, what="the kept render was never rendered")
    assert (worker_storage / job.file.name).exists()
    assert job.attempts == 1
    kept.refresh_from_db()
    assert kept.sent_at is not None
