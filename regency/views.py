"""Pages every app shares: the progress of a large import."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import ImportJob
from .permissions import AuthenticatedRequest


@login_required
def import_job(request: AuthenticatedRequest, job_id: int) -> HttpResponse:
    """One import job's progress and report; htmx polls it until the job is finished (a job
    whose worker died is queued again or failed by Celery beat, never by a GET)."""
    job = get_object_or_404(ImportJob.objects.filter(requested_by=request.user), pk=job_id)
    return render(request, "regency/_import_job.html", {"job": job})
