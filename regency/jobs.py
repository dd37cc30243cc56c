"""What every job row a Celery task works on shares (masterplan.RenderJob, workshops.PrintJob,
regency.ImportJob): the abstract model Job with its statuses queued, running, done and failed,
who asked and when, claiming a job for one worker, the heartbeat of the running task, and the
one rule for a job whose worker died.

A job model inherits Job and names `task_name`, the registered name of the Celery task that
runs it with the job's pk (or `task_names` and a `task_name` property, one task per kind).
"""

import contextlib
import datetime
import logging
import os
import socket
import threading
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.db import connections, models, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import outbox

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"

log = logging.getLogger(__name__)


def this_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _worker_is_gone(worker: str) -> bool:
    """Whether `worker` ("host:pid") was a process on this host that no longer runs."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


# Any: the job models of the apps above (RenderJob, PrintJob) use it; their fields are not known here.
class JobQuerySet(models.QuerySet[Any]):
    def finished(self) -> "JobQuerySet":
        return self.filter(status__in=[DONE, FAILED])

    def unfinished(self) -> "JobQuerySet":
        return self.filter(status__in=[QUEUED, RUNNING])

    def claim(self, pk: int, **fields: Any) -> bool:
        """Mark the job running in this process; False if it is finished or a live worker has it.

        So a message the broker delivers again (a worker lost, visibility_timeout passed)
        does nothing to a job that is done, failed, or running elsewhere.
        """
        now = timezone.now()
        stale = now - datetime.timedelta(seconds=settings.JOB_HEARTBEAT_TIMEOUT)
        claimable = Q(status=QUEUED) | Q(status=RUNNING, heartbeat_at__lt=stale)
        current = self.filter(pk=pk, status=RUNNING).values_list("worker", flat=True).first()
        if current and _worker_is_gone(current):
            claimable |= Q(status=RUNNING, worker=current)
        return bool(
            self.filter(claimable, pk=pk).update(
                status=RUNNING,
                error="",
                worker=this_worker(),
                heartbeat_at=now,
                attempts=F("attempts") + 1,  # more than one: a worker died and the job came back
                **fields,
            )
        )

    def recover_stale(self) -> int:
        """Queue again, or fail with the reason, the jobs of these that no worker is on.

        A running job whose heartbeat stopped lost its worker (killed, out of memory, the
        machine gone): it is queued again up to JOB_MAX_ATTEMPTS runs, then failed. A queued
        job nobody took within the time limit (its message lost), or one running since before
        jobs had a heartbeat, is failed too, unless its task is kept in the outbox waiting for
        the broker. Returns how many jobs changed.
        """
        now = timezone.now()
        silent = now - datetime.timedelta(seconds=settings.JOB_HEARTBEAT_TIMEOUT)
        forgotten = now - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 120)
        changed = 0
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            lost = self.select_for_update(skip_locked=True).filter(
                status=RUNNING, heartbeat_at__lt=silent
            )
            for job in lost:
                if job.attempts >= settings.JOB_MAX_ATTEMPTS:
                    error = gettext(
                        "The worker stopped before finishing, %(attempts)s times in a row; "
                        "the job was given up. Request it again, and if it stops again tell "
                        "the administrator."
                    ) % {"attempts": job.attempts}
                    changed += self._finish_failed(job.pk, error)
                    continue
                log.warning("Job %s #%s lost its worker %s; queued again", job, job.pk, job.worker)
                requeued = self.model.objects.filter(pk=job.pk, status=RUNNING).update(
                    status=QUEUED, heartbeat_at=now
                )
                if requeued:
                    outbox.enqueue(job.task_name, job.pk)
                    changed += 1
            # A queued job whose task is in the outbox, waiting or handed to the broker, is in
            # a queue: a worker will take it, however long the queue. Only one whose message
            # was lost (or that ran before jobs had a heartbeat) is given up.
            in_a_queue = {
                args[0]
                for name in task_names(self.model)
                for args in outbox.queued_args(name)
                if args
            }
            never_taken = (
                self.unfinished()
                .filter(
                    Q(status=QUEUED, heartbeat_at__lt=forgotten)
                    | Q(heartbeat_at=None, created_at__lt=forgotten)
                )
                .exclude(pk__in=in_a_queue)
            )
            for pk in never_taken.values_list("pk", flat=True):
                changed += self._finish_failed(
                    pk, gettext("The worker stopped before finishing; request it again.")
                )
        return changed

    def _finish_failed(self, pk: int, error: str) -> int:
        return (
            self.model.objects.unfinished()
            .filter(pk=pk)
            .update(status=FAILED, error=error, finished_at=timezone.now())
        )


def failure_message(exc: BaseException) -> str:
    """What a person reads when a job failed unexpectedly: a plain sentence, in the site's
    language, with only the kind of error for the administrator (the details go to the log)."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(
            "Something went wrong; request it again, and if it fails again tell the "
            "administrator (error: %(kind)s)."
        ) % {"kind": type(exc).__name__}


def task_names(model: Any) -> tuple[str, ...]:
    """The registered names of the tasks that run a job model's rows (one, or one per kind)."""
    return getattr(model, "task_names", None) or (model.task_name,)


@contextlib.contextmanager
def heartbeat(model: Any, pk: int) -> Iterator[None]:
    """While the block runs, refresh the job's heartbeat_at every JOB_HEARTBEAT_INTERVAL s.

    The beat comes from a thread of the same process, so it stops exactly when the process
    dies, whatever killed it; recover_stale() then sees the silence within a minute.
    """
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(settings.JOB_HEARTBEAT_INTERVAL):
                try:
                    model.objects.filter(pk=pk, status=RUNNING).update(heartbeat_at=timezone.now())
                except Exception:  # a database that blinked: beat again next time, or the
                    # job would look dead and be run a second time beside this one
                    log.warning("Heartbeat of %s #%s missed", model.__name__, pk, exc_info=True)
                    connections.close_all()
        finally:
            connections.close_all()

    thread = threading.Thread(target=beat, name=f"heartbeat-{model.__name__}-{pk}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)


def waiting_for_queue(job: Any) -> bool:
    """Whether a queued job's task is kept in the outbox because the broker did not answer."""
    return job.status == QUEUED and outbox.waiting(job.task_name, job.pk)


class JobStatus(models.TextChoices):
    QUEUED = QUEUED, _("Queued")
    RUNNING = RUNNING, _("Rendering")
    DONE = DONE, _("Done")
    FAILED = FAILED, _("Failed")


class Job(models.Model):
    """One request for work a Celery task does, and its outcome."""

    Status = JobStatus

    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    worker = models.CharField(
        _("worker"), max_length=100, blank=True, help_text=_("Host and process that rendered it.")
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    heartbeat_at = models.DateTimeField(
        _("last sign of life"),
        null=True,
        blank=True,
        help_text=_("Refreshed by the running task; silence means its worker died."),
    )

    objects = JobQuerySet.as_manager()
    # Each job model names the registered task that runs it: `task_name` (a class attribute,
    # or a property where the task depends on the kind, with `task_names` listing them all).

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @property
    def is_finished(self) -> bool:
        return self.status in (DONE, FAILED)

    @property
    def waiting_for_queue(self) -> bool:
        """Queued, and its task kept in the outbox because the broker did not answer."""
        return waiting_for_queue(self)
