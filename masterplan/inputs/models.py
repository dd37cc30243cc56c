"""OPD inputs (kertas kerja): input windows, worksheets, their entries and review."""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regency.models import Programme
from regency.permissions import READERS, scope_to_opd
from regency.reference import ROMAN

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# --- OPD inputs (kertas kerja): input windows, worksheets, their entries and review ---------


class FundingSource(models.Model):
    """A source of funds a proposal may name (APBD, APBN, Dana Desa, CSR, KPBU, other)."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Proposals name only active sources.")
    )

    history = HistoricalRecords()

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

    def kind_labels(self) -> list["StrOrPromise"]:
        return [InputKind(kind).label for kind in self.kinds if kind in InputKind.values]


class WorksheetQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The secretariat, mentors and the regional head see all; an OPD only its own."""
        return scope_to_opd(self, user, readers=READERS)


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

    def get_absolute_url(self) -> str:
        return reverse("masterplan:inputs:worksheet", args=[self.pk])

    @property
    def is_blank(self) -> bool:
        """Never submitted, so an OPD merge may drop it if nothing points at it either."""
        return self.state in (self.State.NOT_STARTED, self.State.DRAFT)

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
