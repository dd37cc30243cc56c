"""A worker that starts sends what was kept while the broker was down, without waiting for beat."""

import datetime
import time

import pytest
from django.utils import timezone

from masterplan.models import RenderJob
from regency import outbox
from regency.models import OutboxTask

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_a_starting_worker_sends_the_kept_render_and_renders_it(
    own_queue, worker_storage, secretariat, programme
):
    book = programme.books.get(number=1)
    job = RenderJob.objects.create(book=book, requested_by=secretariat)
    kept = OutboxTask.objects.create(task="masterplan.tasks.render_book", args=[job.pk])
    OutboxTask.objects.update(created_at=timezone.now() - outbox.GRACE - datetime.timedelta(1))
    own_queue("after-the-outage")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.is_finished:
            break
        time.sleep(0.2)
    assert job.status == RenderJob.Status.DONE, job.error or job.status
    kept.refresh_from_db()
    assert kept.sent_at is not None
