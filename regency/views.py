"""Pages every app shares: the progress of a large import, and changing one's password."""

from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from .forms import ThrottledPasswordChangeForm
from .models import ImportJob
from .permissions import AuthenticatedRequest


@login_required
def import_job(request: AuthenticatedRequest, job_id: int) -> HttpResponse:
    """One import job's progress and report; htmx polls it until the job is finished (a job
    whose worker died is queued again or failed by Celery beat, never by a GET)."""
    job = get_object_or_404(ImportJob.objects.filter(requested_by=request.user), pk=job_id)
    return render(request, "regency/_import_job.html", {"job": job})


@login_required
def password_change(request: AuthenticatedRequest) -> HttpResponse:
    """Change one's own password; the old one is checked as a sign-in is (regency/throttling.py),
    so that a stolen session cannot guess it without being locked out."""
    form = ThrottledPasswordChangeForm(request.user, request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        return redirect("password_change_done")
    status = 429 if form.locked_out else 400 if form.is_bound else 200
    return render(request, "registration/password_change_form.html", {"form": form}, status=status)
