"""Forms of the roadmap: an item, a yearly report line, an evaluation year."""

from django import forms
from django.utils.translation import gettext_lazy as _

from regency.models import Opd

from .models import EvaluationYear, RoadmapItem, RoadmapRealisation


class RoadmapItemForm(forms.ModelForm):
    class Meta:
        model = RoadmapItem
        fields = [
            "title",
            "dimension",
            "element",
            "lead_opd",
            "supporting_opds",
            "description",
            "problem",
            "start_year",
            "end_year",
            "indicator",
            "baseline",
            "funding_source",
            "status",
            "status_reason",
            "status_solution",
        ]
        widgets = {
            "supporting_opds": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 3}),
            "problem": forms.Textarea(attrs={"rows": 2}),
            "status_reason": forms.Textarea(attrs={"rows": 2}),
            "status_solution": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_opd"].queryset = Opd.objects.filter(is_active=True)
        self.fields["supporting_opds"].queryset = Opd.objects.filter(is_active=True)


class RealisationForm(forms.ModelForm):
    class Meta:
        model = RoadmapRealisation
        fields = ["realisation", "target_met", "spent", "evidence", "reason", "solution"]
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 2}),
            "solution": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        data = super().clean()
        if not data.get("target_met"):
            if not (data.get("reason") or "").strip():
                self.add_error("reason", _("Say why the target was missed."))
            if not (data.get("solution") or "").strip():
                self.add_error("solution", _("Say what is planned to solve it."))
        return data


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = EvaluationYear
        fields = ["year"] + [
            f"{part}_{kind}" for kind in ("weight", "score") for part in EvaluationYear.PARTS
        ]

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme

    def clean(self):
        data = super().clean()
        weights = [data.get(f"{part}_weight") or 0 for part in EvaluationYear.PARTS]
        if sum(weights) != 100:
            raise forms.ValidationError(
                _("The weights must add up to 100%% (now %(total)s%%).") % {"total": sum(weights)}
            )
        year = data.get("year")
        if self.programme and year:
            if not self.programme.period_start <= year <= self.programme.period_end:
                self.add_error("year", _("The year must lie within the masterplan period."))
            exists = EvaluationYear.objects.filter(programme=self.programme, year=year)
            if self.instance.pk:
                exists = exists.exclude(pk=self.instance.pk)
            if exists.exists():
                self.add_error("year", _("This year has been evaluated already."))
        return data
