"""The masterplan books, their chapters and their renderings to PDF."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regency.files import PrivateStorage
from regency.jobs import JobQuerySet, waiting_for_queue
from regency.models import Programme

from .html import sanitize

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}


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
        self.body = sanitize(self.body)
        super().save(*args, **kwargs)


class RenderJob(models.Model):
    """One request to render a book to PDF, and its outcome."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Rendering")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

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
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    file = models.FileField(_("PDF file"), storage=PrivateStorage(), upload_to="books/", blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True, db_index=True)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    reused = models.BooleanField(
        _("reused an identical earlier rendering"), default=False, editable=False
    )
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
    task_name = "masterplan.tasks.render_book"

    class Meta:
        verbose_name = _("rendering")
        verbose_name_plural = _("renderings")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.book or self.programme} #{self.pk} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def waiting_for_queue(self) -> bool:
        return waiting_for_queue(self)

    @property
    def duration(self) -> datetime.timedelta | None:
        if self.started_at and self.finished_at:
            return self.finished_at - self.started_at
        return None

    @property
    def filename(self) -> str:
        if self.book is None:
            return f"{self.programme.name.replace(' ', '-')}-Lengkap.pdf"
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


# --- Commitment sheets and their signatures (masterplan/signing.py holds the rules) ----------


class CommitmentSheetQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Readers see every sheet; anyone else only the sheets they are asked to sign."""
        from regency.permissions import can_read_books

        if not user.is_authenticated:
            return self.none()
        if can_read_books(user):
            return self
        return self.filter(signatories__user=user).distinct()


class CommitmentSheet(models.Model):
    """One version of a programme's commitment sheet (lembar komitmen).

    Issued, its content is frozen by ``content_hash``; a change voids it and starts a new
    version, and the old one keeps its signatures.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Open for signing")
        COMPLETED = "completed", _("Signed by everyone")
        VOIDED = "voided", _("Voided")

    class PdfStatus(models.TextChoices):
        NONE = "", _("Not yet")
        QUEUED = "queued", _("Queued")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="commitment_sheets",
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        editable=False,
    )
    title = models.CharField(_("title"), max_length=200, default="Lembar Komitmen")
    statement = models.TextField(_("statement"))
    place = models.CharField(_("place"), max_length=100)
    date = models.DateField(_("date"))
    regional_head_last = models.BooleanField(_("the regional head signs last"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64, blank=True)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    completed_at = models.DateTimeField(_("signed by everyone"), null=True, blank=True)
    voided_at = models.DateTimeField(_("voided"), null=True, blank=True)
    void_reason = models.CharField(_("reason for voiding"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("prepared by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("prepared"), auto_now_add=True)
    pdf_status = models.CharField(
        _("signed PDF"), max_length=10, choices=PdfStatus.choices, default="", blank=True
    )
    pdf_error = models.TextField(_("error"), blank=True)
    signed_pdf = models.FileField(
        _("signed PDF"), storage=PrivateStorage(), upload_to="commitments/", blank=True
    )
    pdf_sha256 = models.CharField(_("SHA-256 of the signed PDF"), max_length=64, blank=True)
    pdf_certificate = models.TextField(_("certificate that signed the PDF (PEM)"), blank=True)

    objects = CommitmentSheetQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment sheet")
        verbose_name_plural = _("commitment sheets")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def filename(self) -> str:
        return f"Lembar-Komitmen-{self.programme.year_joined}-v{self.version}.pdf"


class Signatory(models.Model):
    """A person asked to sign a sheet; name and position are copied when the sheet is prepared."""

    sheet = models.ForeignKey(
        CommitmentSheet,
        verbose_name=_("commitment sheet"),
        on_delete=models.CASCADE,
        related_name="signatories",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="signatory_roles",
    )
    number = models.PositiveSmallIntegerField(_("No"))
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=300)
    is_regional_head = models.BooleanField(_("regional head"), default=False)
    last_notified_at = models.DateTimeField(_("last e-mail"), null=True, blank=True)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["sheet", "number"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "user"], name="one_signatory_per_person"),
        ]

    def __str__(self) -> str:
        return self.name


class Signature(models.Model):
    """A signatory's answer: a signature, or a refusal with its reason. Never changed."""

    class Outcome(models.TextChoices):
        SIGNED = "signed", _("Signed")
        DECLINED = "declined", _("Declined")

    class Method(models.TextChoices):
        DRAWN = "drawn", _("Drawn")
        TYPED = "typed", _("Typed")

    signatory = models.OneToOneField(
        Signatory,
        verbose_name=_("signatory"),
        on_delete=models.PROTECT,
        related_name="signature",
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    method = models.CharField(_("method"), max_length=10, choices=Method.choices, blank=True)
    image = models.BinaryField(_("signature image (PNG)"), blank=True, default=b"")
    image_sha256 = models.CharField(_("SHA-256 of the image"), max_length=64, blank=True)
    reason = models.CharField(_("reason for declining"), max_length=500, blank=True)
    content_hash = models.CharField(_("content hash signed"), max_length=64)
    signed_at = models.DateTimeField(_("time"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")

    def __str__(self) -> str:
        return f"{self.signatory} · {self.get_outcome_display()}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("A signature is never changed.")
        super().save(*args, **kwargs)

    @property
    def data_uri(self) -> str:
        """The image as a data: URI, so pages and the PDF show it without a file view."""
        import base64

        if not self.image:
            return ""
        return "data:image/png;base64," + base64.b64encode(bytes(self.image)).decode()


class SigningEvent(models.Model):
    """The audit trail of a sheet; each event's hash chains to the one before it."""

    class Kind(models.TextChoices):
        PREPARED = "prepared", _("Prepared")
        EDITED = "edited", _("Edited")
        ISSUED = "issued", _("Issued for signing")
        SIGNED = "signed", _("Signed")
        DECLINED = "declined", _("Declined")
        REFUSED = "refused", _("Signing attempt refused")
        REMINDED = "reminded", _("Reminder sent")
        COMPLETED = "completed", _("Signed by everyone")
        PDF_SIGNED = "pdf_signed", _("Signed PDF issued")
        VOIDED = "voided", _("Voided")

    sheet = models.ForeignKey(
        CommitmentSheet,
        verbose_name=_("commitment sheet"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    kind = models.CharField(_("event"), max_length=12, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("by"), max_length=200, blank=True)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    at = models.DateTimeField(_("time"), default=timezone.now)
    previous_hash = models.CharField(_("previous event hash"), max_length=64, blank=True)
    event_hash = models.CharField(_("event hash"), max_length=64)

    class Meta:
        verbose_name = _("signing event")
        verbose_name_plural = _("signing events")
        ordering = ["sheet", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.actor_name}"


class SigningNonce(models.Model):
    """A one-time token in each signing form, so that a replayed request is refused."""

    signatory = models.ForeignKey(
        Signatory, verbose_name=_("signatory"), on_delete=models.CASCADE, related_name="nonces"
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        verbose_name = _("signing form token")
        verbose_name_plural = _("signing form tokens")

    def __str__(self) -> str:
        return f"{self.signatory} · {self.created_at:%Y-%m-%d %H:%M}"


# --- OPD inputs (kertas kerja): input windows, worksheets, their entries and review ---------


class FundingSource(models.Model):
    """A source of funds a proposal may name (APBD, APBN, Dana Desa, CSR, KPBU, other)."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class InputKind(models.TextChoices):
    ISSUES = "issues", _("Issues and problems")
    ASSETS = "assets", _("Existing assets")
    PROPOSALS = "proposals", _("Programme proposals")
    QUICK_WINS = "quick_wins", _("Quick-win candidates")
    READINESS = "readiness", _("Readiness and SWOT")


class ReadinessComponent(models.TextChoices):
    STRUKTUR = "struktur", _("Struktur (organisation, skills, budget)")
    INFRASTRUKTUR = "infrastruktur", _("Infrastruktur (network, data centre, applications)")
    SUPRASTRUKTUR = "suprastruktur", _("Suprastruktur (regulations, policy, leadership)")
    ALAM = "alam", _("Alam (natural potential)")
    BUDAYA = "budaya", _("Budaya (culture)")


def default_readiness_components() -> list[str]:
    return [
        ReadinessComponent.STRUKTUR,
        ReadinessComponent.INFRASTRUKTUR,
        ReadinessComponent.SUPRASTRUKTUR,
    ]


class InputWindow(models.Model):
    """A period in which the secretariat asks OPDs for worksheets, with a deadline."""

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="input_windows",
    )
    stage = models.PositiveSmallIntegerField(
        _("Bimtek stage"), choices=[(n, f"Bimtek {ROMAN[n]}") for n in range(1, 5)]
    )
    title = models.CharField(_("title"), max_length=200)
    kinds = models.JSONField(_("kinds of input asked"), default=list)
    deadline = models.DateTimeField(_("deadline"))
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder, days before the deadline"),
        default=3,
        help_text=_("OPDs that have not submitted get an e-mail this many days before."),
    )
    reminded_at = models.DateTimeField(_("automatic reminder sent"), null=True, blank=True)
    readiness_components = models.JSONField(
        _("readiness components"), default=default_readiness_components, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("opened"), auto_now_add=True)

    class Meta:
        verbose_name = _("input window")
        verbose_name_plural = _("input windows")
        ordering = ["-deadline", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.title}"

    @property
    def is_past_deadline(self) -> bool:
        return timezone.now() > self.deadline

    def asks(self, kind: str) -> bool:
        return kind in self.kinds

    def kind_labels(self) -> list[str]:
        return [InputKind(kind).label for kind in self.kinds if kind in InputKind.values]


class WorksheetQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The secretariat, mentors and the regional head see all; an OPD only its own."""
        from regency.permissions import INPUT_READERS, scope_to_opd

        return scope_to_opd(self, user, readers=INPUT_READERS)


class Worksheet(models.Model):
    """The worksheet (kertas kerja) of one OPD for one dimension in one input window."""

    class State(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        ACCEPTED = "accepted", _("Accepted")

    EDITABLE = (State.NOT_STARTED, State.DRAFT, State.RETURNED)
    OPEN = (State.NOT_STARTED, State.DRAFT, State.RETURNED)

    window = models.ForeignKey(
        InputWindow,
        verbose_name=_("input window"),
        on_delete=models.CASCADE,
        related_name="worksheets",
    )
    opd = models.ForeignKey(
        "regency.Opd", verbose_name=_("OPD"), on_delete=models.CASCADE, related_name="worksheets"
    )
    dimension = models.ForeignKey(
        "regency.Dimension",
        verbose_name=_("dimension"),
        on_delete=models.CASCADE,
        related_name="worksheets",
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.NOT_STARTED
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = WorksheetQuerySet.as_manager()

    class Meta:
        verbose_name = _("worksheet")
        verbose_name_plural = _("worksheets")
        ordering = ["window", "opd__name", "dimension__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["window", "opd", "dimension"], name="one_worksheet_per_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.opd} · {self.dimension}"

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE

    @property
    def is_late(self) -> bool:
        return self.state in self.OPEN and self.window.is_past_deadline


class WorksheetEntry(models.Model):
    """One line of a worksheet: an issue, an existing asset or a programme proposal."""

    class Kind(models.TextChoices):
        ISSUE = "issue", _("Issue or problem")
        APPLICATION = "application", _("Application")
        DATASET = "dataset", _("Data set")
        INFRASTRUCTURE = "infrastructure", _("Infrastructure")
        REGULATION = "regulation", _("Regulation")
        PROPOSAL = "proposal", _("Programme proposal")
        READINESS = "readiness", _("Readiness item")
        SWOT = "swot", _("SWOT item")

    ASSET_KINDS = (Kind.APPLICATION, Kind.DATASET, Kind.INFRASTRUCTURE, Kind.REGULATION)

    class AssetStatus(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_DEVELOPMENT = "in_development", _("In development")
        IN_USE = "in_use", _("In use")
        NEEDS_IMPROVEMENT = "needs_improvement", _("Needs improvement")
        NOT_USED = "not_used", _("No longer used")

    class Rating(models.TextChoices):
        BAIK = "baik", _("Baik (good)")
        SEDANG = "sedang", _("Sedang (moderate)")
        KURANG = "kurang", _("Kurang (poor)")

    class Quadrant(models.TextChoices):
        STRENGTH = "S", _("Strength")
        WEAKNESS = "W", _("Weakness")
        OPPORTUNITY = "O", _("Opportunity")
        THREAT = "T", _("Threat")

    worksheet = models.ForeignKey(
        Worksheet, verbose_name=_("worksheet"), on_delete=models.CASCADE, related_name="entries"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    element = models.ForeignKey(
        "regency.Element",
        verbose_name=_("element"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    asset_status = models.CharField(
        _("status"), max_length=20, choices=AssetStatus.choices, blank=True
    )
    objective = models.TextField(_("objective"), blank=True)
    indicator = models.CharField(_("indicator"), max_length=255, blank=True)
    baseline = models.CharField(_("baseline"), max_length=255, blank=True)
    yearly_targets = models.JSONField(_("target per year"), default=dict, blank=True)
    yearly_budgets = models.JSONField(_("budget estimate per year (Rp)"), default=dict, blank=True)
    funding_source = models.ForeignKey(
        FundingSource,
        verbose_name=_("funding source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    partner_opds = models.ManyToManyField(
        "regency.Opd", verbose_name=_("partner OPDs"), blank=True, related_name="+"
    )
    quick_win_candidate = models.BooleanField(_("quick-win candidate"), default=False)
    component = models.CharField(
        _("readiness component"), max_length=20, choices=ReadinessComponent.choices, blank=True
    )
    rating = models.CharField(_("rating"), max_length=10, choices=Rating.choices, blank=True)
    evidence = models.CharField(
        _("evidence"),
        max_length=500,
        blank=True,
        help_text=_("A document, regulation number or link that supports the rating."),
    )
    quadrant = models.CharField(
        _("SWOT quadrant"), max_length=1, choices=Quadrant.choices, blank=True
    )
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
    # the page (browser tab) that saved the current version: its own autosave still under way
    # when it presses Save is no conflict, another tab of the same account is
    saved_from_page = models.CharField(
        _("saved from page"), max_length=32, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("worksheet entry")
        verbose_name_plural = _("worksheet entries")
        ordering = ["worksheet", "kind", "element__order", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_proposal(self) -> bool:
        return self.kind == self.Kind.PROPOSAL

    @property
    def is_asset(self) -> bool:
        return self.kind in self.ASSET_KINDS

    @property
    def total_budget(self) -> int:
        return sum(int(value or 0) for value in self.yearly_budgets.values())

    def yearly_plan(self, years) -> list[tuple[int, str, int | None]]:
        """(year, target, budget) for each year of the masterplan period."""
        return [
            (year, self.yearly_targets.get(str(year), ""), self.yearly_budgets.get(str(year)))
            for year in years
        ]


class ReviewComment(models.Model):
    """A remark of the secretariat or a mentor on a worksheet or on one of its entries."""

    worksheet = models.ForeignKey(
        Worksheet, verbose_name=_("worksheet"), on_delete=models.CASCADE, related_name="comments"
    )
    entry = models.ForeignKey(
        WorksheetEntry,
        verbose_name=_("entry"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class WorksheetStateChange(models.Model):
    """Who moved a worksheet from one state to another, and when."""

    worksheet = models.ForeignKey(
        Worksheet,
        verbose_name=_("worksheet"),
        on_delete=models.CASCADE,
        related_name="state_changes",
    )
    from_state = models.CharField(_("from"), max_length=12, choices=Worksheet.State.choices)
    to_state = models.CharField(_("to"), max_length=12, choices=Worksheet.State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)
    mailed_at = models.DateTimeField(_("e-mail sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("worksheet state change")
        verbose_name_plural = _("worksheet state changes")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.worksheet}: {self.from_state} → {self.to_state}"


# Roadmap: programmes per dimension over the masterplan's years, their yearly monitoring and
# the ministry's evaluation index.


class RoadmapItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The secretariat, mentors and the regional head see all; an OPD the items it leads."""
        from regency.permissions import INPUT_READERS, scope_to_opd

        return scope_to_opd(self, user, readers=INPUT_READERS, field="lead_opd_id")


class RoadmapItem(models.Model):
    """One programme of the roadmap: who leads it, over which years, with which targets."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        DELAYED = "delayed", _("Delayed")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    NEEDS_REASON = (Status.DELAYED, Status.POSTPONED)

    class Horizon(models.TextChoices):
        SHORT = "short", _("Short term")
        MEDIUM = "medium", _("Medium term")
        LONG = "long", _("Long term")

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="roadmap_items",
    )
    title = models.CharField(_("programme name"), max_length=255)
    dimension = models.ForeignKey(
        "regency.Dimension", verbose_name=_("dimension"), on_delete=models.PROTECT, related_name="+"
    )
    element = models.ForeignKey(
        "regency.Element",
        verbose_name=_("element"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    lead_opd = models.ForeignKey(
        "regency.Opd",
        verbose_name=_("lead OPD"),
        on_delete=models.PROTECT,
        related_name="led_roadmap_items",
    )
    supporting_opds = models.ManyToManyField(
        "regency.Opd", verbose_name=_("supporting OPDs"), blank=True, related_name="+"
    )
    description = models.TextField(_("description"), blank=True)
    problem = models.TextField(_("problem it answers"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    indicator = models.CharField(_("indicator"), max_length=255, blank=True)
    baseline = models.CharField(_("baseline"), max_length=255, blank=True)
    yearly_targets = models.JSONField(_("target per year"), default=dict, blank=True)
    yearly_budgets = models.JSONField(_("budget per year (Rp)"), default=dict, blank=True)
    funding_source = models.ForeignKey(
        FundingSource,
        verbose_name=_("funding source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    status_reason = models.TextField(_("reason"), blank=True)
    status_solution = models.TextField(_("planned solution"), blank=True)
    proposals = models.ManyToManyField(
        WorksheetEntry,
        verbose_name=_("proposals it came from"),
        blank=True,
        related_name="roadmap_items",
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = RoadmapItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("roadmap item")
        verbose_name_plural = _("roadmap items")
        ordering = ["dimension__order", "element__order", "start_year", "title", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        errors = {}
        programme = self.programme if self.programme_id else None
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("The last year cannot come before the first year.")
        if programme:
            for name in ("start_year", "end_year"):
                value = getattr(self, name)
                if value and not programme.period_start <= value <= programme.period_end:
                    errors[name] = _(
                        "The year must lie within the masterplan period %(period)s."
                    ) % {"period": programme.period_label}
        if self.status in self.NEEDS_REASON:
            if not self.status_reason.strip():
                errors["status_reason"] = _("Say why the programme is delayed or postponed.")
            if not self.status_solution.strip():
                errors["status_solution"] = _("Say what is planned to solve it.")
        if self.element_id and self.dimension_id and self.element.dimension_id != self.dimension_id:
            errors["element"] = _("The element does not belong to this dimension.")
        if errors:
            raise ValidationError(errors)

    @property
    def horizon(self) -> str:
        from .roadmap import horizon

        return horizon(self.programme.period_start, self.end_year)

    def get_horizon_display(self) -> str:
        return self.Horizon(self.horizon).label

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))

    def nearest_year(self, year: int) -> int:
        """``year`` when the item runs in it, else its first or last year."""
        return min(max(year, self.start_year), self.end_year)

    @property
    def total_budget(self) -> int:
        return sum(int(value or 0) for value in self.yearly_budgets.values())

    def yearly_plan(self) -> list[tuple[int, str, int | None]]:
        return [
            (year, self.yearly_targets.get(str(year), ""), self.yearly_budgets.get(str(year)))
            for year in self.years
        ]


class QuickWinOrigin(models.Model):
    """The roadmap item or the OPD proposal a quick win came from (kept here, since quickwins
    does not know the roadmap)."""

    quick_win = models.OneToOneField(
        "quickwins.QuickWin",
        verbose_name=_("quick win"),
        on_delete=models.CASCADE,
        related_name="origin",
    )
    roadmap_item = models.ForeignKey(
        RoadmapItem,
        verbose_name=_("roadmap item"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quick_win_origins",
    )
    proposal = models.ForeignKey(
        WorksheetEntry,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quick_win_origins",
    )

    class Meta:
        verbose_name = _("origin of a quick win")
        verbose_name_plural = _("origins of quick wins")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(roadmap_item__isnull=False) | models.Q(proposal__isnull=False),
                name="quick_win_origin_names_item_or_proposal",
            )
        ]

    def __str__(self) -> str:
        if self.roadmap_item_id:
            return str(self.roadmap_item)
        return f"{self.proposal.title} ({self.proposal.worksheet.opd.display_name})"


class RoadmapRealisation(models.Model):
    """What the lead OPD reports for one item in one year: realisation, money spent, evidence."""

    item = models.ForeignKey(
        RoadmapItem,
        verbose_name=_("roadmap item"),
        on_delete=models.CASCADE,
        related_name="realisations",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    realisation = models.CharField(_("realisation"), max_length=255, blank=True)
    target_met = models.BooleanField(_("target met"), default=False)
    spent = models.PositiveBigIntegerField(_("money spent (Rp)"), null=True, blank=True)
    evidence = models.CharField(_("evidence"), max_length=500, blank=True)
    reason = models.TextField(_("reason the target was missed"), blank=True)
    solution = models.TextField(_("planned solution"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reported_at = models.DateTimeField(_("reported"), auto_now=True)

    class Meta:
        verbose_name = _("yearly realisation")
        verbose_name_plural = _("yearly realisations")
        ordering = ["item", "year"]
        constraints = [
            models.UniqueConstraint(fields=["item", "year"], name="one_realisation_per_item_year")
        ]

    def __str__(self) -> str:
        return f"{self.item} · {self.year}"


class EvaluationYear(models.Model):
    """The ministry's evaluation of one year: the weight and the score of each of five parts."""

    PARTS = ("baseline", "output", "outcome", "impact", "quick_win")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="evaluations"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    baseline_weight = models.DecimalField(_("baseline weight (%)"), max_digits=5, decimal_places=2)
    output_weight = models.DecimalField(_("output weight (%)"), max_digits=5, decimal_places=2)
    outcome_weight = models.DecimalField(_("outcome weight (%)"), max_digits=5, decimal_places=2)
    impact_weight = models.DecimalField(_("impact weight (%)"), max_digits=5, decimal_places=2)
    quick_win_weight = models.DecimalField(
        _("quick win weight (%)"), max_digits=5, decimal_places=2
    )
    baseline_score = models.DecimalField(
        _("baseline score"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    output_score = models.DecimalField(
        _("output score"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    outcome_score = models.DecimalField(
        _("outcome score"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    impact_score = models.DecimalField(
        _("impact score"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    quick_win_score = models.DecimalField(
        _("quick win score"), max_digits=6, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("evaluation year")
        verbose_name_plural = _("evaluation years")
        ordering = ["programme", "year"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "year"], name="one_evaluation_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.programme} · {self.year}"

    def weights(self) -> dict:
        return {part: getattr(self, f"{part}_weight") for part in self.PARTS}

    def scores(self) -> dict:
        return {part: getattr(self, f"{part}_score") for part in self.PARTS}

    @property
    def index(self):
        from .roadmap import evaluation_index

        return evaluation_index(self.weights(), self.scores())
