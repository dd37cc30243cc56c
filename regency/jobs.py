"""What every job row a Celery task works on shares (masterplan.RenderJob, workshops.PrintJob):
the statuses queued, running, done and failed, claiming a job for one worker, the heartbeat
of the running task, and recovering a job whose worker died.

A job model has the fields status, error, finished_at, worker, attempts and heartbeat_at,
a `task_name` (the registered name of the Celery task that runs it with the job's pk) and
`objects = JobQuerySet.as_manager()` or a subclass.
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
            waiting = {
                args[0]
                for name in task_names(self.model)
                for args in outbox.waiting_args(name)
                if args
            }
            never_taken = (  # or running since before jobs had a heartbeat
                self.unfinished()
                .filter(
                    Q(status=QUEUED, heartbeat_at__lt=forgotten)
                    | Q(heartbeat_at=None, created_at__lt=forgotten)
                )
                .exclude(pk__in=waiting)
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
                model.objects.filter(pk=pk, status=RUNNING).update(heartbeat_at=timezone.now())
        except Exception:  # a missed beat must not break the job; the next sweep tells
            log.exception("Heartbeat of %s #%s stopped", model.__name__, pk)
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
