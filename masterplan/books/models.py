"""The masterplan books, their chapters, revisions, review comments and renderings to PDF."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regency.files import PrivateStorage
from regency.html import CHAPTER, sanitize
from regency.jobs import Job
from regency.models import Programme
from regency.reference import ROMAN


class Book(models.Model):
    """One book of a programme's masterplan set (Buku I, II, III, and optionally IV)."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="books"
    )
    number = models.PositiveSmallIntegerField(_("book number"))
    title = models.CharField(_("title"), max_length=200)
    subtitle = models.CharField(_("subtitle"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("book")
        verbose_name_plural = _("books")
        ordering = ["programme", "number"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "number"], name="unique_book_number")
        ]

    def __str__(self) -> str:
        return f"Buku {self.roman_number}: {self.title}"

    @property
    def roman_number(self) -> str:
        return ROMAN.get(self.number, str(self.number))


class Chapter(models.Model):
    """A numbered chapter of a book; its body is sanitised HTML."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        FINAL = "final", _("Final")

    book = models.ForeignKey(
        Book, verbose_name=_("book"), on_delete=models.CASCADE, related_name="chapters"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        ordering = ["book", "order"]

    def __str__(self) -> str:
        return f"Bab {self.order}. {self.title}"

    def save(self, *args, **kwargs):
        self.body = sanitize(self.body, CHAPTER)
        super().save(*args, **kwargs)


class RenderJob(Job):
    """One request to render a book to PDF, and its outcome."""

    book = models.ForeignKey(
        Book,
        verbose_name=_("book"),
        on_delete=models.CASCADE,
        related_name="render_jobs",
        null=True,
        blank=True,
        help_text=_("Empty for the whole masterplan in one file."),
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("whole masterplan of programme"),
        on_delete=models.CASCADE,
        related_name="masterplan_renders",
        null=True,
        blank=True,
    )
    file = models.FileField(_("PDF file"), storage=PrivateStorage(), upload_to="books/", blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True, db_index=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    reused = models.BooleanField(
        _("reused an identical earlier rendering"), default=False, editable=False
    )

    task_name = "masterplan.tasks.render_book"

    class Meta(Job.Meta):
        verbose_name = _("rendering")
        verbose_name_plural = _("renderings")

    def __str__(self) -> str:
        return f"{self.book or self.programme} #{self.pk} ({self.get_status_display()})"

    @property
    def filename(self) -> str:
        if self.book is None:
            return f"{self.programme.name.replace(' ', '-')}-Lengkap.pdf"  # type: ignore[union-attr]  # no book: a programme
        regency_slug = self.book.programme.name.replace(" ", "-")
        return f"{regency_slug}-Buku-{self.book.roman_number}.pdf"


# --- Editing the books: revisions and review comments ------------------------------------


class ChapterRevision(models.Model):
    """One saved state of a chapter: every save makes one, so any of them can be restored."""

    chapter = models.ForeignKey(
        Chapter, verbose_name=_("chapter"), on_delete=models.CASCADE, related_name="revisions"
    )
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saved"), default=timezone.now)
    restored_from = models.PositiveIntegerField(_("restored from version"), null=True, blank=True)

    class Meta:
        verbose_name = _("chapter revision")
        verbose_name_plural = _("chapter revisions")
        ordering = ["chapter", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["chapter", "version"], name="one_revision_per_chapter_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.chapter} v{self.version}"


class ChapterComment(models.Model):
    """A remark of a mentor or the secretariat on a chapter, resolved one by one."""

    chapter = models.ForeignKey(
        Chapter, verbose_name=_("chapter"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    text = models.TextField(_("comment"))
    version = models.PositiveIntegerField(_("on version"), default=1)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("chapter comment")
        verbose_name_plural = _("chapter comments")
        ordering = ["chapter", "created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None
