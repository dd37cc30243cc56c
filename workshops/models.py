"""The four Bimtek of a programme."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regency.models import Programme


class WorkshopQuerySet(models.QuerySet):
    def upcoming(self):
        today = timezone.localdate()
        return self.filter(models.Q(end_date__gte=today) | models.Q(end_date__isnull=True))


class Workshop(models.Model):
    """One Bimtek stage (I-IV) of a programme."""

    class Stage(models.IntegerChoices):
        I = 1, "I"  # noqa: E741
        II = 2, "II"
        III = 3, "III"
        IV = 4, "IV"

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        UNDER_WAY = "under_way", _("Under way")
        DONE = "done", _("Done")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="workshops"
    )
    stage = models.PositiveSmallIntegerField(_("stage"), choices=Stage.choices)
    title = models.CharField(_("title"), max_length=200)
    start_date = models.DateField(_("first day"), null=True, blank=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    target_outputs = models.TextField(
        _("target outputs"), blank=True, help_text=_("One output per line.")
    )

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        verbose_name = _("Bimtek")
        verbose_name_plural = _("Bimtek")
        ordering = ["programme", "stage"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "stage"], name="one_workshop_per_stage")
        ]

    def __str__(self) -> str:
        return f"Bimtek {self.get_stage_display()}"

    @property
    def target_output_list(self) -> list[str]:
        return [line.strip() for line in self.target_outputs.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot come before the first day.")})
