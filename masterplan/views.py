from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from quickwins import home as quickwins_home
from regency import files
from regency.models import ROLES_WITH_OPD, Programme
from regency.permissions import READERS, SECRETARIAT, role_required
from workshops import home as workshops_home

from . import books, inputs, roadmap, signing
from .models import Book, Chapter, RenderJob


@login_required
def home(request):
    """Each person's own to-do. It lives here because it shows every app's work, and
    masterplan is the one app allowed to import them all."""
    user = request.user
    programme = Programme.current()
    context = {"programme": programme, "role": user.role, "opd_roles": ROLES_WITH_OPD}
    if programme:
        context["workshops"] = programme.workshops.all()
        if user.role in READERS:
            context["books"] = _books_with_progress(programme)
    if user.opd_id and user.role in ROLES_WITH_OPD:
        context["opd_people"] = user.opd.people.filter(is_active=True).order_by("full_name")
    context.update(workshops_home.todo(user))
    context.update(signing.home_context(user))
    context.update(inputs.home_context(user, programme))
    context.update(books.review_todo(user, programme))
    context.update(quickwins_home.todo(user, programme))
    context.update(roadmap.home_context(user, programme))
    return render(request, "masterplan/home.html", context)


def _books_with_progress(programme):
    return programme.books.annotate(
        chapter_count=Count("chapters", distinct=True),
        final_count=Count("chapters", filter=Q(chapters__state=Chapter.State.FINAL), distinct=True),
    )


@role_required(READERS)
def book_list(request):
    programme = Programme.current()
    book_set = _books_with_progress(programme) if programme else Book.objects.none()
    from .views_books import masterplan_jobs

    context = {
        "programme": programme,
        "books": book_set,
        "has_roadmap_book": book_set.filter(number=4).exists(),
        "jobs": masterplan_jobs(programme),
    }
    return render(request, "masterplan/book_list.html", context)


@role_required(READERS)
def book_detail(request, book_id):
    book = get_object_or_404(Book.objects.select_related("programme"), pk=book_id)
    RenderJob.objects.filter(book=book).recover_stale()
    jobs = book.render_jobs.select_related("requested_by")[:10]
    chapters = book.chapters.annotate(
        open_comments=Count("comments", filter=Q(comments__resolved_at__isnull=True))
    )
    final = sum(1 for chapter in chapters if chapter.state == Chapter.State.FINAL)
    return render(
        request,
        "masterplan/book_detail.html",
        {"book": book, "chapters": chapters, "jobs": jobs, "final_count": final},
    )


@require_POST
@role_required(SECRETARIAT)
def render_book(request, book_id):
    book = get_object_or_404(Book, pk=book_id)
    job = books.request_render(book, request.user)
    if request.htmx:
        return render(request, "masterplan/_job.html", {"job": job})
    return redirect("masterplan:book_detail", book_id=book.pk)


@role_required(READERS)
def job_status(request, job_id):
    """One job's row; htmx polls it until the job is finished."""
    job = get_object_or_404(RenderJob.objects.select_related("requested_by", "book"), pk=job_id)
    if not job.is_finished:
        RenderJob.objects.filter(pk=job.pk).recover_stale()
        job.refresh_from_db()
    return render(request, "masterplan/_job.html", {"job": job})


@role_required(READERS)
def job_download(request, job_id):
    job = get_object_or_404(RenderJob.objects.select_related("book__programme"), pk=job_id)
    if job.status != RenderJob.Status.DONE or not job.file:
        raise Http404
    return files.serve(job.file, filename=job.filename)


@role_required(READERS)
def chapter_detail(request, chapter_id):
    from .views_books import chapter_page  # the editing views build this page

    chapter = get_object_or_404(Chapter.objects.select_related("book__programme"), pk=chapter_id)
    return chapter_page(request, chapter)
