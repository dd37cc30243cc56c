"""Pages every app shares: the progress of a large import."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from .models import ImportJob
from .permissions import AuthenticatedRequest


@login_required
def import_job(request: AuthenticatedRequest, job_id: int) -> HttpResponse:
    """One import job's progress and report; htmx polls it until the job is finished."""
    job = get_object_or_404(ImportJob.objects.filter(requested_by=request.user), pk=job_id)
    if not job.is_finished:
        ImportJob.objects.filter(pk=job.pk).recover_stale()
        job.refresh_from_db()
    return render(request, "regency/_import_job.html", {"job": job})
