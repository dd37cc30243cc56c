"""The whole worker killed with SIGKILL mid-render (the OOM killer, a lost machine), with the
default time limits: nobody is left to give the message back, yet within about a minute and
a half the job is rendered by another worker, because its heartbeat stopped."""

import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings as django_settings

from config.celery import app as celery_app
from masterplan.models import RenderJob
from tests.services import ROOT, database_url

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def wait_for(condition, seconds: float, what: str, every: float = 0.05):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"{what}: still not true after {seconds} s")


@pytest.fixture
def own_queue(celery_worker, tmp_path):
    """A queue no other worker listens to, and a way to start workers on it."""
    queue = f"killed-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_QUEUE": queue,
        "PRIVATE_MEDIA_ROOT": str(celery_worker["private"]),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "CONN_MAX_AGE": "0",
    }
    for name in ("CELERY_TASK_TIME_LIMIT", "CELERY_TASK_SOFT_TIME_LIMIT", "JOB_HEARTBEAT_TIMEOUT"):
        env.pop(name, None)  # the defaults: 600 s, 540 s, 60 s
    started = []

    def start(name: str) -> subprocess.Popen:
        with open(tmp_path / f"{name}.log", "w") as log:  # the child keeps its own copy
            process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO",
                 "--concurrency=1", "--queues", queue, "--hostname", f"{name}-{queue}@%h",
                 "--without-gossip", "--without-mingle"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        started.append(process)
        return process

    previous = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    yield start
    celery_app.conf.task_default_queue = previous
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


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
