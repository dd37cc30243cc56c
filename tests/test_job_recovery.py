"""A job whose worker died: its heartbeat stops, and within a minute it is queued again, or,
after JOB_MAX_ATTEMPTS runs, failed with the reason in Indonesian. A message the broker
delivers late does nothing to a job that is finished or running elsewhere."""

import datetime
import socket
import time

import pytest
from django.db import OperationalError
from django.utils import timezone

from masterplan.books import rendering
from masterplan.models import RenderJob
from regency.jobs import heartbeat
from regency.models import OutboxTask
from regency.tasks import requeue_stale_jobs
from workshops import planning, printing
from workshops.models import PrintJob


@pytest.fixture
def book(programme):
    return programme.books.get(number=1)


@pytest.fixture
def day(programme):
    workshop = programme.workshops.get(stage=1)
    workshop.start_date = datetime.date(2026, 7, 7)
    workshop.save()
    return planning.sync_days(workshop)[0]


def seconds_ago(seconds: float):
    return timezone.now() - datetime.timedelta(seconds=seconds)


def running(job, *, beat_seconds_ago: float, attempts: int = 1, worker="other-host:4242"):
    """The job as a worker on another machine left it, its last heartbeat so long ago."""
    type(job).objects.filter(pk=job.pk).update(
        status="running", heartbeat_at=seconds_ago(beat_seconds_ago), attempts=attempts,
        worker=worker,
    )  # fmt: skip
    job.refresh_from_db()
    return job


@pytest.mark.django_db
class TestARenderWhoseWorkerDied:
    def test_a_minute_of_silence_queues_it_again_and_it_is_rendered(
        self, login, secretariat, book, django_capture_on_commit_callbacks
    ):
        job = running(RenderJob.objects.create(book=book), beat_seconds_ago=65)
        client = login(secretariat)
        with django_capture_on_commit_callbacks(execute=True):
            requeue_stale_jobs()  # Celery beat's round, every 30 s
        job.refresh_from_db()
        assert job.status == RenderJob.Status.DONE, job.error
        assert job.attempts == 2 and job.page_count
        assert "percobaan ke-2" in client.get(f"/renders/{job.pk}/").content.decode()
        assert OutboxTask.objects.get().task == "masterplan.tasks.render_book"

    def test_a_job_still_beating_is_left_to_its_worker(self, login, secretariat, book):
        job = running(RenderJob.objects.create(book=book), beat_seconds_ago=20)
        requeue_stale_jobs()
        job.refresh_from_db()
        assert (job.status, job.attempts, job.worker) == ("running", 1, "other-host:4242")
        assert not OutboxTask.objects.exists()

    def test_after_the_last_attempt_it_fails_with_the_reason_in_indonesian(
        self, login, secretariat, book, settings
    ):
        job = running(
            RenderJob.objects.create(book=book),
            beat_seconds_ago=65,
            attempts=settings.JOB_MAX_ATTEMPTS,
        )
        requeue_stale_jobs()
        row = login(secretariat).get(f"/renders/{job.pk}/").content.decode()
        job.refresh_from_db()
        assert job.status == RenderJob.Status.FAILED and job.finished_at
        assert "Worker berhenti sebelum pekerjaan selesai, 3 kali berturut-turut" in job.error
        assert "Worker berhenti sebelum pekerjaan selesai" in row
        assert not OutboxTask.objects.exists()

    def test_the_pages_that_follow_a_job_only_read_it(self, login, secretariat, book):
        job = running(RenderJob.objects.create(book=book), beat_seconds_ago=65)
        client = login(secretariat)
        for url in (f"/renders/{job.pk}/", f"/books/{book.pk}/", "/books/"):
            assert client.get(url).status_code == 200
        job.refresh_from_db()
        assert (job.status, job.attempts, job.worker) == ("running", 1, "other-host:4242")
        assert not OutboxTask.objects.exists()


@pytest.mark.django_db
class TestALateRedeliveryDoesNoHarm:
    def test_a_done_job_is_not_rendered_again(self, book):
        job = rendering.run_render_job(RenderJob.objects.create(book=book).pk)
        finished = (job.file.name, job.finished_at, job.attempts)
        again = rendering.run_render_job(job.pk)
        assert (again.file.name, again.finished_at, again.attempts) == finished

    def test_a_job_running_on_a_live_worker_is_not_taken_over(self, book):
        job = running(RenderJob.objects.create(book=book), beat_seconds_ago=5)
        rendering.run_render_job(job.pk)
        job.refresh_from_db()
        assert (job.status, job.attempts, job.worker) == ("running", 1, "other-host:4242")

    def test_a_job_given_up_stays_failed(self, book, settings):
        job = running(
            RenderJob.objects.create(book=book),
            beat_seconds_ago=65,
            attempts=settings.JOB_MAX_ATTEMPTS,
        )
        RenderJob.objects.filter(pk=job.pk).recover_stale()
        rendering.run_render_job(job.pk)
        job.refresh_from_db()
        assert job.status == RenderJob.Status.FAILED and not job.file

    def test_the_message_of_a_dead_process_on_this_host_is_taken_at_once(self, book):
        """The pool process died and Celery gave its message back (reject_on_worker_lost)."""
        dead = f"{socket.gethostname()}:999999"
        job = running(RenderJob.objects.create(book=book), beat_seconds_ago=5, worker=dead)
        rendering.run_render_job(job.pk)
        job.refresh_from_db()
        assert job.status == RenderJob.Status.DONE and job.attempts == 2


@pytest.mark.django_db
def test_a_print_job_whose_worker_died_is_queued_again_and_printed(
    login, secretariat, day, django_capture_on_commit_callbacks
):
    job = PrintJob.objects.create(kind="attendance_list", workshop=day.workshop, day=day)
    running(job, beat_seconds_ago=65)
    with django_capture_on_commit_callbacks(execute=True):
        requeue_stale_jobs()
    job.refresh_from_db()
    assert job.status == PrintJob.Status.DONE, job.error
    assert job.attempts == 2 and job.page_count


@pytest.mark.django_db(
    transaction=True
)  # the heartbeat thread has a database connection of its own
def test_a_running_task_beats_while_it_works(day, settings):
    settings.JOB_HEARTBEAT_INTERVAL = 0.1
    job = PrintJob.objects.create(kind="attendance_list", workshop=day.workshop, day=day)
    assert PrintJob.objects.claim(job.pk)
    job.refresh_from_db()
    claimed_beat = job.heartbeat_at
    with heartbeat(PrintJob, job.pk):
        time.sleep(0.5)
    job.refresh_from_db()
    assert job.heartbeat_at > claimed_beat
    assert printing.run_print_job(job.pk).status == "running"  # live: not taken over


@pytest.mark.django_db(transaction=True)
def test_one_failed_beat_does_not_stop_the_heartbeat(day, settings, monkeypatch):
    settings.JOB_HEARTBEAT_INTERVAL = 0.05
    job = PrintJob.objects.create(kind="attendance_list", workshop=day.workshop, day=day)
    assert PrintJob.objects.claim(job.pk)
    real_update = type(PrintJob.objects.all()).update
    calls = []

    def blinking_update(queryset, **fields):
        calls.append(fields)
        if len(calls) == 1 and "heartbeat_at" in fields:
            raise OperationalError("server closed the connection unexpectedly")
        return real_update(queryset, **fields)

    monkeypatch.setattr(type(PrintJob.objects.all()), "update", blinking_update)
    with heartbeat(PrintJob, job.pk):
        time.sleep(0.5)
    assert len([c for c in calls if "heartbeat_at" in c]) > 2  # it went on beating


@pytest.mark.django_db
def test_beats_round_recovers_the_jobs_of_every_app(book, day, django_capture_on_commit_callbacks):
    from regency.tasks import requeue_stale_jobs

    render = running(RenderJob.objects.create(book=book), beat_seconds_ago=65)
    document = running(
        PrintJob.objects.create(kind="attendance_list", workshop=day.workshop, day=day),
        beat_seconds_ago=65,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert requeue_stale_jobs() == 2
    render.refresh_from_db()
    document.refresh_from_db()
    assert (render.status, document.status) == ("done", "done")


@pytest.mark.django_db
class TestAJobWaitingInTheQueue:
    def test_a_queued_job_whose_message_the_broker_holds_is_left_queued(self, book, settings):
        long_ago = seconds_ago(settings.CELERY_TASK_TIME_LIMIT + 600)
        job = RenderJob.objects.create(book=book)
        RenderJob.objects.filter(pk=job.pk).update(created_at=long_ago)
        OutboxTask.objects.create(task=RenderJob.task_name, args=[job.pk], sent_at=long_ago)
        requeue_stale_jobs()  # the workers were stopped, or busy with a long queue
        job.refresh_from_db()
        assert job.status == RenderJob.Status.QUEUED and not job.error
        rendering.run_render_job(job.pk)  # a worker reaches the message at last
        job.refresh_from_db()
        assert job.status == RenderJob.Status.DONE

    def test_a_queued_job_whose_message_was_lost_is_failed_with_the_reason(self, book, settings):
        job = RenderJob.objects.create(book=book)
        long_ago = seconds_ago(settings.CELERY_TASK_TIME_LIMIT + 600)
        RenderJob.objects.filter(pk=job.pk).update(created_at=long_ago)
        requeue_stale_jobs()
        job.refresh_from_db()
        assert job.status == RenderJob.Status.FAILED
        assert job.error == "Proses berhenti sebelum selesai; silakan minta ulang."
