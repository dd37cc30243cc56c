"""The books' pages: the list, a book and its renderings, a chapter, the editor, revisions,
review comments and the outline."""

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regency import files
from regency.html import CHAPTER, sanitize
from regency.middleware import allow_large_body
from regency.models import Programme
from regency.permissions import (
    COMMENTERS,
    READERS,
    SECRETARIAT,
    AuthenticatedRequest,
    role_required,
)

from . import blocks, rendering, revisions
from .forms import (
    MAX_CHAPTER_BYTES,
    MAX_CHAPTER_MEGABYTES,
    MAX_CHAPTER_REQUEST_BYTES,
    ChapterEditForm,
    ChapterImageForm,
    ChapterStateForm,
    CommentForm,
    NewChapterForm,
    chapter_too_large,
)
from .models import Book, Chapter, ChapterComment, RenderJob


@role_required(READERS)
def book_list(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current()
    book_set = rendering.books_with_progress(programme) if programme else Book.objects.none()
    context = {
        "programme": programme,
        "books": book_set,
        "has_roadmap_book": book_set.filter(number=4).exists(),
        "jobs": masterplan_jobs(programme),
    }
    return render(request, "masterplan/book_list.html", context)


@role_required(READERS)
def book_detail(request: AuthenticatedRequest, book_id: int) -> HttpResponse:
    book = get_object_or_404(Book.objects.select_related("programme"), pk=book_id)
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
def render_book(request: AuthenticatedRequest, book_id: int) -> HttpResponse:
    book = get_object_or_404(Book, pk=book_id)
    job = rendering.request_render(book, request.user)
    if request.htmx:
        return render(request, "masterplan/_job.html", {"job": job})
    return redirect("masterplan:books:book_detail", book_id=book.pk)


@role_required(READERS)
def job_status(request: AuthenticatedRequest, job_id: int) -> HttpResponse:
    """One job's row; htmx polls it until the job is finished (a job whose worker died is
    queued again or failed by Celery beat, never by a GET)."""
    job = get_object_or_404(RenderJob.objects.select_related("requested_by", "book"), pk=job_id)
    return render(request, "masterplan/_job.html", {"job": job})


@role_required(READERS)
def job_download(request: AuthenticatedRequest, job_id: int) -> HttpResponseBase:
    job = get_object_or_404(RenderJob.objects.select_related("book__programme"), pk=job_id)
    if job.status != RenderJob.Status.DONE or not job.file:
        raise Http404
    return files.serve(job.file, filename=job.filename)


@role_required(READERS)
def chapter_detail(request: AuthenticatedRequest, chapter_id: int) -> HttpResponse:
    chapter = get_object_or_404(Chapter.objects.select_related("book__programme"), pk=chapter_id)
    return chapter_page(request, chapter)


def preview_of(chapter: Chapter, body: str, title: str | None = None) -> rendering.PrintChapter:
    """A chapter's text as it will print: data blocks filled in, headings numbered."""
    filled = blocks.render_blocks(sanitize(body, CHAPTER), chapter.book.programme)
    return rendering.number_chapter(chapter.order, title or chapter.title, filled)


@allow_large_body(MAX_CHAPTER_REQUEST_BYTES, chapter_too_large, SECRETARIAT)
@role_required(SECRETARIAT)
def chapter_edit(request: AuthenticatedRequest, chapter_id: int) -> HttpResponse:
    chapter = get_object_or_404(Chapter.objects.select_related("book__programme"), pk=chapter_id)
    conflict = None
    status = 200
    if request.method == "POST":
        form = ChapterEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                revision = revisions.save_chapter(
                    chapter, data["body"], data["version"], request.user, title=data["title"]
                )
            except revisions.StaleSave as stale:
                conflict = _conflict(stale, data["body"])
                # Keep what this person typed; the next save knowingly replaces the other text.
                form = ChapterEditForm(
                    initial={
                        "title": stale.title,
                        "body": stale.body,
                        "version": stale.chapter.version,
                    }
                )
                status = 409
            else:
                messages.success(
                    request, _("Saved as version %(version)s.") % {"version": revision.version}
                )
                return redirect("masterplan:books:chapter_detail", chapter_id=chapter.pk)
        else:
            status = 400
    else:
        form = ChapterEditForm(
            initial={"title": chapter.title, "body": chapter.body, "version": chapter.version}
        )
    context = {
        "chapter": chapter,
        "form": form,
        "conflict": conflict,
        "numbered": preview_of(chapter, form["body"].value() or "", form["title"].value()),
        "block_choices": blocks.choices(),
        "max_bytes": MAX_CHAPTER_BYTES,
        "too_large": chapter_too_large(),
        "max_megabytes": MAX_CHAPTER_MEGABYTES,
    }
    return render(request, "masterplan/chapter_edit.html", context, status=status)


def _conflict(stale: revisions.StaleSave, typed: str) -> dict:
    theirs = stale.chapter
    return {
        "theirs": theirs,
        "theirs_numbered": preview_of(theirs, theirs.body),
        "diff": revisions.diff(theirs.body, stale.body, context=3),
    }


@allow_large_body(MAX_CHAPTER_REQUEST_BYTES, chapter_too_large, SECRETARIAT)
@require_POST
@role_required(SECRETARIAT)
def chapter_preview(request: AuthenticatedRequest, chapter_id: int) -> HttpResponse:
    """The print-style preview of the text in the editor, sent by htmx as one types."""
    chapter = get_object_or_404(Chapter.objects.select_related("book__programme"), pk=chapter_id)
    numbered = preview_of(chapter, request.POST.get("body", ""), request.POST.get("title"))
    return render(
        request, "masterplan/_chapter_preview.html", {"chapter": chapter, "numbered": numbered}
    )


@role_required(READERS)
def chapter_history(request: AuthenticatedRequest, chapter_id: int) -> HttpResponse:
    chapter = get_object_or_404(Chapter.objects.select_related("book"), pk=chapter_id)
    history = list(chapter.revisions.select_related("author"))
    return render(
        request, "masterplan/chapter_history.html", {"chapter": chapter, "history": history}
    )


@role_required(READERS)
def chapter_diff(request: AuthenticatedRequest, chapter_id: int) -> HttpResponse:
    chapter = get_object_or_404(Chapter.objects.select_related("book"), pk=chapter_id)
    try:
        old_version, new_version = int(request.GET["a"]), int(request.GET["b"])
    except (KeyError, ValueError):
        raise Http404 from None
    if old_version > new_version:
        old_version, new_version = new_version, old_version
    old = get_object_or_404(chapter.revisions.select_related("author"), version=old_version)
    new = get_object_or_404(chapter.revisions.select_related("author"), version=new_version)
    lines = revisions.diff(old.body, new.body, context=3)
    return render(
        request,
        "masterplan/chapter_diff.html",
        {"chapter": chapter, "old": old, "new": new, "lines": lines,
         "changed": any(line.kind != "same" for line in lines) or old.title != new.title},
    )  # fmt: skip


@require_POST
@role_required(SECRETARIAT)
def revision_restore(request: AuthenticatedRequest, chapter_id: int, version: int) -> HttpResponse:
    chapter = get_object_or_404(Chapter, pk=chapter_id)
    revision = get_object_or_404(chapter.revisions, version=version)
    new = revisions.restore(chapter, revision, request.user)
    messages.success(
        request,
        _("Version %(old)s restored as version %(new)s.") % {"old": version, "new": new.version},
    )
    return redirect("masterplan:books:chapter_detail", chapter_id=chapter.pk)


@require_POST
@role_required(SECRETARIAT)
def chapter_state(request: AuthenticatedRequest, chapter_id: int) -> HttpResponse:
    chapter = get_object_or_404(Chapter, pk=chapter_id)
    form = ChapterStateForm(request.POST)
    if form.is_valid():
        Chapter.objects.filter(pk=chapter.pk).update(state=form.cleaned_data["state"])
        chapter.refresh_from_db()
        messages.success(
            request, _("The chapter is now: %(state)s.") % {"state": chapter.get_state_display()}
        )
    return redirect("masterplan:books:chapter_detail", chapter_id=chapter.pk)


@require_POST
@role_required(COMMENTERS)
def comment_add(request: AuthenticatedRequest, chapter_id: int) -> HttpResponse:
    chapter = get_object_or_404(Chapter.objects.select_related("book"), pk=chapter_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        comment = form.save(commit=False)
        comment.chapter, comment.author, comment.version = chapter, request.user, chapter.version
        comment.save()
        messages.success(request, _("Your comment was added."))
        return redirect("masterplan:books:chapter_detail", chapter_id=chapter.pk)
    return chapter_page(request, chapter, comment_form=form, status=400)


@require_POST
@role_required(COMMENTERS)
def comment_resolve(request: AuthenticatedRequest, comment_id: int) -> HttpResponse:
    comment = get_object_or_404(ChapterComment, pk=comment_id)
    if not comment.is_resolved:
        comment.resolved_at, comment.resolved_by = timezone.now(), request.user
        comment.save(update_fields=["resolved_at", "resolved_by"])
    return redirect("masterplan:books:chapter_detail", chapter_id=comment.chapter_id)


def chapter_page(
    request: AuthenticatedRequest,
    chapter: Chapter,
    comment_form: CommentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The chapter's print-style page with its state, comments and history links."""
    comments = chapter.comments.select_related("author", "resolved_by")
    context = {
        "chapter": chapter,
        "numbered": preview_of(chapter, chapter.body),
        "comments": comments,
        "open_count": sum(1 for comment in comments if not comment.is_resolved),
        "comment_form": comment_form or CommentForm(),
        "state_form": ChapterStateForm(initial={"state": chapter.state}),
    }
    return render(request, "masterplan/chapter_detail.html", context, status=status)


# --- Outline ------------------------------------------------------------------------------


@require_POST
@role_required(SECRETARIAT)
def chapter_add(request: AuthenticatedRequest, book_id: int) -> HttpResponse:
    book = get_object_or_404(Book, pk=book_id)
    form = NewChapterForm(request.POST)
    if form.is_valid():
        chapter = rendering.add_chapter(book, form.cleaned_data["title"], request.user)
        return redirect("masterplan:books:chapter_edit", chapter_id=chapter.pk)
    messages.error(request, _("Give the new chapter a title."))
    return redirect("masterplan:books:book_detail", book_id=book.pk)


@require_POST
@role_required(SECRETARIAT)
def chapter_move(request: AuthenticatedRequest, chapter_id: int, direction: str) -> HttpResponse:
    if direction not in ("up", "down"):
        raise Http404
    chapter = get_object_or_404(Chapter, pk=chapter_id)
    rendering.move_chapter(chapter, -1 if direction == "up" else 1)
    return redirect("masterplan:books:book_detail", book_id=chapter.book_id)


@require_POST
@role_required(SECRETARIAT)
def roadmap_book_add(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current_or_404()
    book = rendering.add_roadmap_book(programme)
    return redirect("masterplan:books:book_detail", book_id=book.pk)


@require_POST
@role_required(SECRETARIAT)
def masterplan_render(request: AuthenticatedRequest) -> HttpResponse:
    """Queue the whole masterplan, every book, as one PDF."""
    programme = Programme.current_or_404()
    job = rendering.request_masterplan_render(programme, request.user)
    if request.htmx:
        return render(request, "masterplan/_job.html", {"job": job})
    return redirect("masterplan:books:book_list")


def masterplan_jobs(programme: Programme | None) -> list[RenderJob]:
    """The latest renderings of the whole masterplan, for the books page."""
    if programme is None:
        return []
    return list(programme.masterplan_renders.select_related("requested_by")[:5])


# --- Pictures in chapters -------------------------------------------------------------------


@files.upload_limit(5, json=True)
@require_POST
@role_required(SECRETARIAT)
def chapter_image_upload(request: AuthenticatedRequest) -> HttpResponse:
    """Store a picture from the editor; answer TinyMCE with where it can be fetched."""
    form = ChapterImageForm(request.POST, request.FILES)
    if not form.is_valid():
        return JsonResponse({"error": " ".join(map(str, form.errors.get("file", [])))}, status=400)
    name = rendering.store_chapter_image(form.cleaned_data["file"])
    return JsonResponse({"location": reverse("masterplan:books:chapter_image", args=[name])})


@role_required(READERS)
def chapter_image(request: AuthenticatedRequest, name: str) -> HttpResponseBase:
    path = rendering.chapter_image_path(name)
    if path is None:
        raise Http404
    return files.serve(path)
