"""Roadmap items per dimension over the masterplan's years, their yearly monitoring, the
ministry's evaluation index, and where a quick win came from."""

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from regency.models import Programme
from regency.permissions import READERS, scope_to_opd

from ..inputs.models import FundingSource, WorksheetEntry

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# Roadmap: programmes per dimension over the masterplan's years, their yearly monitoring and
# the ministry's evaluation index.


class RoadmapItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The secretariat, mentors and the regional head see all; an OPD the items it leads."""
        return scope_to_opd(self, user, readers=READERS, field="lead_opd_id")


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
        super().clean()
        errors: dict[str, Any] = {}
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
        if self.element_id and self.dimension_id and self.element.dimension_id != self.dimension_id:  # type: ignore[union-attr]
            errors["element"] = _("The element does not belong to this dimension.")
        if errors:
            raise ValidationError(errors)

    @property
    def horizon(self) -> str:
        return horizon(self.programme.period_start, self.end_year)

    def get_horizon_display(self) -> "StrOrPromise":
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
        return f"{self.proposal.title} ({self.proposal.worksheet.opd.display_name})"  # type: ignore[union-attr]  # an item or a proposal


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

    history = HistoricalRecords()

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
        return evaluation_index(self.weights(), self.scores())


SHORT_YEARS = 1
MEDIUM_YEARS = 5


def horizon(period_start: int, end_year: int) -> str:
    """Short ends in the period's first year, medium within five years, long after that."""
    years = end_year - period_start + 1
    if years <= SHORT_YEARS:
        return RoadmapItem.Horizon.SHORT
    if years <= MEDIUM_YEARS:
        return RoadmapItem.Horizon.MEDIUM
    return RoadmapItem.Horizon.LONG


def evaluation_index(weights: dict, scores: dict) -> Decimal | None:
    """The weighted score: sum(weight x score) / sum(weights), over the parts with a score.

    None while no part is scored or the weights of the scored parts add up to nothing.
    """
    scored = [part for part, score in scores.items() if score is not None]
    total_weight = sum(Decimal(weights.get(part) or 0) for part in scored)
    if not scored or not total_weight:
        return None
    total = sum(Decimal(weights.get(part) or 0) * Decimal(scores[part]) for part in scored)
    return (total / total_weight).quantize(Decimal("0.01"))
