"""A worker process killed in the middle of a render: the job comes back and finishes."""

import os
import signal
import time

import pytest

from masterplan.models import Chapter, RenderJob

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def wait_for(condition, seconds: float = 120, what: str = "condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"{what}: still not true after {seconds} s")


def test_a_job_whose_worker_is_killed_is_retried_not_left_running(
    worker_storage, login, secretariat, programme
):
    book = programme.books.get(number=2)
    long_chapter = book.chapters.get(order=1)
    # Long enough that the render is surely under way when the process dies.
    long_chapter.body = "".join(
        f"<h2>Bagian {n}</h2>" + "<p>Kalimat panjang untuk mengisi halaman buku.</p>" * 40
        for n in range(60)
    )
    long_chapter.save()
    client = login(secretariat)
    client.post(f"/books/{book.pk}/render/")
    job = RenderJob.objects.get()

    def running_worker():
        job.refresh_from_db()
        return job.status == RenderJob.Status.RUNNING and job.worker

    worker = wait_for(running_worker, what="the job never started")
    host, pid = worker.rsplit(":", 1)
    assert host == os.uname().nodename
    os.kill(int(pid), signal.SIGKILL)  # the pool process dies mid-render, its task unacknowledged

    def finished():
        job.refresh_from_db()
        return job.is_finished

    wait_for(finished, what="the job stayed unfinished after its worker died")
    assert job.status == RenderJob.Status.DONE, job.error
    assert job.attempts == 2  # acks_late + reject_on_worker_lost brought it back once
    assert job.worker != worker
    assert job.page_count > 60
    assert (worker_storage / job.file.name).exists()
    assert Chapter.objects.filter(pk=long_chapter.pk).exists()
    row = client.get(f"/renders/{job.pk}/").content.decode()
    assert "percobaan ke-2" in row
