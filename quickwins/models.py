"""Quick-win programmes, their progress updates and the photos that document them."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from regency.files import PrivateStorage
from regency.models import Dimension, Element, Opd, Programme
from regency.permissions import READERS, SECRETARIAT, has_role, scope_to_opd, works_in_opd

FUNDING_SOURCES = ["APBD", "APBN", "Dana Desa", "CSR", "KPBU", "Lainnya"]


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


class QuickWinQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Readers see every quick win; an OPD's people see their own and the published ones."""
        if has_role(user, READERS):
            return self
        if works_in_opd(user):
            return self.filter(models.Q(lead_opd_id=user.opd_id) | models.Q(published=True))
        return self.none()

    def reportable_by(self, user):
        """The quick wins on which ``user`` may post progress: the lead OPD's own people."""
        return scope_to_opd(self, user, readers=SECRETARIAT, field="lead_opd_id")

    def published(self):
        return self.filter(published=True)

    def with_updates(self):
        """With what a quick win's page shows: its fields' objects and every update's photos."""
        updates = ProgressUpdate.objects.select_related("author").prefetch_related("photos")
        return self.select_related("dimension", "element", "lead_opd").prefetch_related(
            models.Prefetch("updates", queryset=updates)
        )


class QuickWin(models.Model):
    """A programme whose benefit citizens feel within a year of its start."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        DELAYED = "delayed", _("Delayed")
        CANCELLED = "cancelled", _("Cancelled")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="quick_wins"
    )
    year = models.PositiveSmallIntegerField(_("quick win of the year"))
    selected = models.BooleanField(
        _("selected by the secretariat"),
        default=False,
        help_text=_("One of the quick wins of its year (three is the usual target)."),
    )
    title = models.CharField(_("title"), max_length=200)
    dimension = models.ForeignKey(
        Dimension, verbose_name=_("dimension"), on_delete=models.PROTECT, related_name="+"
    )
    element = models.ForeignKey(
        Element, verbose_name=_("element"), on_delete=models.PROTECT, related_name="+"
    )
    lead_opd = models.ForeignKey(
        Opd, verbose_name=_("lead OPD"), on_delete=models.PROTECT, related_name="quick_wins"
    )
    problem = models.TextField(_("problem"))
    solution = models.TextField(_("solution"))
    beneficiaries = models.TextField(_("who benefits"))
    start_date = models.DateField(_("start date"))
    target_date = models.DateField(_("target date"))
    budget = models.DecimalField(
        _("budget (Rp)"), max_digits=15, decimal_places=0, null=True, blank=True
    )
    funding_source = models.CharField(
        _("funding source"), max_length=60, blank=True, help_text=_("e.g. APBD, APBN, Dana Desa")
    )
    budget_notes = models.TextField(
        _("budget notes (internal)"), blank=True, help_text=_("Never shown on the public page.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    indicators = models.TextField(_("indicators"), blank=True, help_text=_("One per line."))
    origin_note = models.CharField(
        _("other origin"),
        max_length=300,
        blank=True,
        help_text=_(
            "Where it came from when it is neither a roadmap item nor a proposal, "
            "e.g. the regent's instruction."
        ),
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown to citizens on the public page.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = QuickWinQuerySet.as_manager()

    class Meta:
        verbose_name = _("quick win")
        verbose_name_plural = _("quick wins")
        ordering = ["year", "-selected", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def indicator_list(self) -> list[str]:
        return [line.strip() for line in self.indicators.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        errors = {}
        if self.element_id and self.dimension_id and self.element.dimension_id != self.dimension_id:
            errors["element"] = _("Choose an element of the chosen dimension.")
        if self.start_date and self.target_date:
            if self.target_date < self.start_date:
                errors["target_date"] = _("The target date cannot come before the start date.")
            elif self.target_date > add_months(self.start_date, 12):
                errors["target_date"] = _(
                    "A quick win reaches its target within 12 months of its start."
                )
        if self.year and self.programme_id and self.year not in self.programme.years:
            errors["year"] = _("The year must lie within the masterplan period.")
        if errors:
            raise ValidationError(errors)


def validate_links(value: str) -> None:
    check = URLValidator(schemes=["http", "https"])
    for line in value.splitlines():
        if line.strip():
            try:
                check(line.strip())
            except ValidationError as exc:
                raise ValidationError(
                    _("“%(link)s” is not a web address (it starts with https://)."),
                    params={"link": line.strip()},
                ) from exc


class ProgressUpdate(models.Model):
    """What the lead OPD reports on a quick win: text, links and photos."""

    quick_win = models.ForeignKey(
        QuickWin, verbose_name=_("quick win"), on_delete=models.CASCADE, related_name="updates"
    )
    text = models.TextField(_("progress"))
    links = models.TextField(
        _("links"),
        blank=True,
        help_text=_("One web address per line."),
        validators=[validate_links],
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.quick_win} · {self.created_at:%Y-%m-%d}"

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class ProgressPhoto(models.Model):
    update = models.ForeignKey(
        ProgressUpdate,
        verbose_name=_("progress update"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = models.FileField(_("photo"), storage=PrivateStorage(), upload_to="quickwins/photos/")
    caption = models.CharField(_("caption"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.caption or f"Foto #{self.pk}"
