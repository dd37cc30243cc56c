"""What every job row a Celery task works on shares (masterplan.RenderJob, workshops.PrintJob):
the statuses queued, running, done and failed, and giving up on a job no worker will finish."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


class JobQuerySet(models.QuerySet):
    def finished(self):
        return self.filter(status__in=[DONE, FAILED])

    def unfinished(self):
        return self.filter(status__in=[QUEUED, RUNNING])

    def fail_stale(self) -> int:
        """Mark as failed the jobs that no worker can still be working on.

        A worker killed mid-render leaves its job running; past the task's hard time limit
        (plus a margin for the queue) nobody will finish it, so say so instead of spinning.
        """
        limit = settings.CELERY_TASK_TIME_LIMIT + 120
        cutoff = timezone.now() - datetime.timedelta(seconds=limit)
        return (
            self.unfinished()
            .filter(created_at__lt=cutoff)
            .update(
                status=FAILED,
                error=gettext("The worker stopped before finishing; render again."),
                finished_at=timezone.now(),
            )
        )
