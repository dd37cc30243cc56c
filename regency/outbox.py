"""Queueing Celery tasks so that none is lost while the broker (Redis) is down.

Every caller queues through enqueue(): the task's name and arguments become a row, in the
same transaction as the work that asked for it, and are sent once that transaction commits.
If the broker does not answer, the row stays unsent, the request is told so (see
regency.middleware), and send_unsent() sends it once the broker is back: Celery beat runs it
every minute and every worker runs it at start. A task may so arrive twice, never zero
times; every task is idempotent.
"""

import contextlib
import contextvars
import datetime
import logging
from collections.abc import Iterator
from typing import Any

from celery import Task, current_app
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import RedisError


class OutboxTask(models.Model):
    """A Celery task to send: kept until the broker has taken it (regency/outbox.py)."""

    task = models.CharField(_("task"), max_length=200, help_text=_("The task's registered name."))
    args = models.JSONField(_("arguments"), default=list)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("failed attempts to send"), default=0)
    error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("task waiting for the queue")
        verbose_name_plural = _("tasks waiting for the queue")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.task}{tuple(self.args)}"


log = logging.getLogger(__name__)

# One quick retry: a broker that refuses the connection answers within milliseconds, one that
# does not answer at all within CELERY_BROKER_CONNECTION_TIMEOUT.
RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
# An unsent row younger than this may still be waiting for its own transaction to commit.
GRACE = datetime.timedelta(seconds=30)
KEEP_SENT = datetime.timedelta(days=7)  # sent rows, for the admin to look back on

_failed_in_this_request: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "outbox_failed", default=False
)


def enqueue(task: "Task | str", *args: Any) -> OutboxTask:
    """Queue `task` (a Celery task or its registered name) with `args` once the transaction commits."""
    name = task if isinstance(task, str) else task.name
    row = OutboxTask.objects.create(task=name, args=list(args))
    transaction.on_commit(lambda: send(row))
    return row


# What a broker that is down or unreachable raises; anything else is a fault of the row.
BROKER_DOWN = (KombuOperationalError, OSError, RedisError)


def send(row: OutboxTask) -> bool:
    """Hand one row to the broker; on failure keep it for later and say so."""
    try:
        _publish(row.task, row.args)
    except Exception as exc:  # the row waits for the next round, whatever went wrong
        OutboxTask.objects.filter(pk=row.pk).update(
            attempts=F("attempts") + 1, error=f"{type(exc).__name__}: {exc}"[:1000]
        )
        if isinstance(exc, BROKER_DOWN):
            log.warning(
                "Task queue unavailable, %s%s kept to send later: %s", row.task, row.args, exc
            )
        else:
            log.exception("Task %s%s could not be queued", row.task, row.args)
        _failed_in_this_request.set(True)
        return False
    OutboxTask.objects.filter(pk=row.pk).update(sent_at=timezone.now())
    return True


def send_unsent() -> int:
    """Send the rows the broker did not take; return how many went out."""
    cutoff = timezone.now() - GRACE
    sent = 0
    with transaction.atomic():
        rows = (
            OutboxTask.objects.select_for_update(skip_locked=True)
            .filter(sent_at=None, created_at__lt=cutoff)
            .order_by("created_at", "pk")[:500]
        )
        for row in rows:
            if send(row):
                sent += 1
            elif not _broker_answers():
                break  # the broker is still down; the next round tries again
            # else: this row alone failed (its error is kept); the others still go out
    OutboxTask.objects.filter(sent_at__lt=timezone.now() - KEEP_SENT).delete()
    return sent


def waiting(task_name: str, *args: Any) -> bool:
    """Whether this task with these arguments is kept unsent, waiting for the broker."""
    return OutboxTask.objects.filter(task=task_name, args=list(args), sent_at=None).exists()


def queued_args(task_name: str) -> list[list]:
    """The arguments of this task's rows, unsent or handed to the broker (kept a week)."""
    return list(OutboxTask.objects.filter(task=task_name).values_list("args", flat=True))


@contextlib.contextmanager
def watching() -> Iterator[dict[str, bool]]:
    """Within the block, note whether a task could not be sent (one request, one thread)."""
    token = _failed_in_this_request.set(False)
    result = {"failed": False}
    try:
        yield result
    finally:
        result["failed"] = _failed_in_this_request.get()
        _failed_in_this_request.reset(token)


def _publish(name: str, args: list) -> None:
    app = current_app
    if app.conf.task_always_eager:  # no broker (make run, unit tests): run it here and now
        if name not in app.tasks:
            app.loader.import_default_modules()
        app.tasks[name].apply_async(args=tuple(args))
        return
    # By name: the worker knows the task, whether or not this process imported its module.
    app.send_task(name, args=args, retry=True, retry_policy=RETRY_POLICY)


def _broker_answers() -> bool:
    try:
        with current_app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1)
    except BROKER_DOWN:
        return False
    return True
