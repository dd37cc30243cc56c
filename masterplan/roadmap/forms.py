"""Forms of the roadmap: an item, a yearly report line, an evaluation year."""

from typing import Any, cast

from django import forms
from django.db.models import Q
from django.forms import BoundField
from django.utils.translation import gettext_lazy as _

from regency.local_time import stamp
from regency.models import Opd, Programme

from ..inputs.models import FundingSource, Worksheet, WorksheetEntry
from .models import EvaluationYear, QuickWinOrigin, RoadmapItem, RoadmapRealisation


class RoadmapItemForm(forms.ModelForm):
    # ModelChoiceFields and ChoiceFields among them: __init__ sets their querysets and choices
    fields: dict[str, Any]

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

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        self.fields["lead_opd"].queryset = Opd.objects.filter(is_active=True)
        self.fields["supporting_opds"].queryset = Opd.objects.filter(is_active=True)
        self.fields["funding_source"].queryset = FundingSource.objects.filter(
            Q(is_active=True) | Q(pk=self.instance.funding_source_id)
        )
        self.fields["element"].queryset = self.fields["element"].queryset.select_related(
            "dimension"
        )
        self.fields["element"].label_from_instance = lambda e: f"{e.dimension.label} · {e.label}"
        # A target and a budget for every year of the masterplan, laid out as a table.
        self.years = programme.years
        targets, budgets = self.instance.yearly_targets, self.instance.yearly_budgets
        for year in self.years:
            self.fields[f"target_{year}"] = forms.CharField(
                label=_("Target %(year)s") % {"year": year},
                max_length=255,
                required=False,
                initial=targets.get(str(year), ""),
            )
            self.fields[f"budget_{year}"] = forms.IntegerField(
                label=_("Budget %(year)s (Rp)") % {"year": year},
                min_value=0,
                required=False,
                initial=budgets.get(str(year)),
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1}),
            )

    loaded = forms.CharField(widget=forms.HiddenInput, required=False)

    @property
    def version(self) -> str:
        """The item's last change as the page shows it; a save made from an older page is
        refused so that a colleague's changes are not overwritten unseen."""
        updated = self.instance.updated_at
        return updated.isoformat() if updated else ""

    @property
    def main_fields(self) -> list[BoundField]:
        return [self[name] for name in self.Meta.fields]

    @property
    def yearly_rows(self) -> list[tuple[int, BoundField, BoundField]]:
        return [(year, self[f"target_{year}"], self[f"budget_{year}"]) for year in self.years]

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())  # Form.clean returns cleaned_data
        if self.instance.pk and data.get("loaded") != self.version:
            raise forms.ValidationError(
                _(
                    "Someone saved this item at %(time)s, after you opened it. What you typed is "
                    "kept below: compare it with the saved item, then save again to keep yours."
                )
                % {"time": stamp(self.instance.updated_at, "%H:%M")}
            )
        start, end = data.get("start_year"), data.get("end_year")
        if start and end:
            for year in self.years:
                if start <= year <= end:
                    continue
                for kind in ("target", "budget"):
                    value = data.get(f"{kind}_{year}")
                    if value not in (None, ""):
                        self.add_error(
                            f"{kind}_{year}",
                            _("%(year)s lies outside the programme's years %(start)s–%(end)s.")
                            % {"year": year, "start": start, "end": end},
                        )
        return data

    def save(self, commit: bool = True) -> RoadmapItem:
        item = self.instance
        item.yearly_targets = {
            str(year): self.cleaned_data[f"target_{year}"].strip()
            for year in self.years
            if self.cleaned_data[f"target_{year}"].strip()
        }
        item.yearly_budgets = {
            str(year): self.cleaned_data[f"budget_{year}"]
            for year in self.years
            if self.cleaned_data[f"budget_{year}"] is not None
        }
        return super().save(commit)


class RealisationForm(forms.ModelForm):
    class Meta:
        model = RoadmapRealisation
        fields = ["realisation", "target_met", "spent", "evidence", "reason", "solution"]
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 2}),
            "solution": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())  # Form.clean returns cleaned_data
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

    def __init__(self, *args: Any, programme: Programme | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.programme = programme

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())  # Form.clean returns cleaned_data
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


class QuickWinOriginForm(forms.ModelForm):
    """Link a quick win to the roadmap item or the accepted proposal it came from."""

    # ModelChoiceFields and ChoiceFields among them: __init__ sets their querysets and choices
    fields: dict[str, Any]

    class Meta:
        model = QuickWinOrigin
        fields = ["roadmap_item", "proposal"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        quick_win = self.instance.quick_win
        programme = quick_win.programme
        items = RoadmapItem.objects.filter(programme=programme).select_related("lead_opd")
        self.fields["roadmap_item"].queryset = items
        self.fields["roadmap_item"].label_from_instance = lambda item: (
            f"{item.title} · {item.lead_opd.display_name} ({item.start_year}–{item.end_year})"
        )
        proposals = WorksheetEntry.objects.filter(
            kind=WorksheetEntry.Kind.PROPOSAL,
            worksheet__window__programme=programme,
            worksheet__state=Worksheet.State.ACCEPTED,
        ).select_related("worksheet__opd")
        self.fields["proposal"].queryset = proposals.order_by("-quick_win_candidate", "title", "pk")
        candidate = _("quick-win candidate")
        self.fields["proposal"].label_from_instance = lambda entry: (
            f"{entry.title} · {entry.worksheet.opd.display_name}"
            + (f" ({candidate})" if entry.quick_win_candidate else "")
        )
        self.fields["proposal"].help_text = _(
            "Proposals of accepted worksheets; the ones marked as quick wins come first."
        )

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())  # Form.clean returns cleaned_data
        item, proposal = data.get("roadmap_item"), data.get("proposal")
        if not item and not proposal:
            raise forms.ValidationError(_("Choose a roadmap item or a proposal."))
        if item and proposal:
            raise forms.ValidationError(_("Choose either a roadmap item or a proposal, not both."))
        return data
