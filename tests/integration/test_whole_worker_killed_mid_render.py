"""The whole worker killed with SIGKILL mid-render (the OOM killer, a lost machine), with the
default time limits: nobody is left to give the message back, yet within about a minute and
a half the job is rendered by another worker, because its heartbeat stopped and Celery beat's
round (called here each second in its place) queued it again."""

import os
import signal
import time

import pytest
from django.conf import settings as django_settings

from masterplan.models import RenderJob
from regency.tasks import requeue_stale_jobs

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def wait_for(condition, seconds: float, what: str, every: float = 0.05):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"{what}: still not true after {seconds} s")


def test_a_render_whose_whole_worker_died_is_rendered_by_the_next_worker_within_90_s(
    own_queue, worker_storage, login, secretariat, programme
):
    assert django_settings.CELERY_TASK_TIME_LIMIT == 600
    book = programme.books.get(number=2)
    chapter = book.chapters.get(order=1)
    chapter.body = "".join(
        f"<h2>Bagian {n}</h2>" + "<p>Kalimat panjang untuk mengisi halaman buku.</p>" * 40
        for n in range(30)
    )
    chapter.save()
    first = own_queue("first")
    client = login(secretariat)
    client.post(f"/books/{book.pk}/render/")
    job = RenderJob.objects.get()

    def running():
        job.refresh_from_db()
        return job.status == RenderJob.Status.RUNNING

    wait_for(running, 120, "the job never started")
    os.killpg(first.pid, signal.SIGKILL)  # the worker and its pool process, nobody says goodbye
    killed_at = time.monotonic()
    first.wait(timeout=10)
    dead_worker = job.worker
    own_queue("second")  # systemd (or the operator) starts a worker again

    def finished_as_the_page_polls():
        requeue_stale_jobs()  # Celery beat's round (every 30 s in production)
        row = client.get(f"/renders/{job.pk}/").content.decode()  # what htmx does every second
        job.refresh_from_db()
        return job.is_finished and row

    row = wait_for(finished_as_the_page_polls, 90, "the job stayed unfinished", every=1)
    took = time.monotonic() - killed_at
    print(f"rendered again {took:.0f} s after the worker was killed")
    assert job.status == RenderJob.Status.DONE, job.error
    assert job.attempts == 2
    assert job.worker != dead_worker
    assert (worker_storage / job.file.name).exists()
    assert "percobaan ke-2" in row
