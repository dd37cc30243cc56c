"""Forms of the OPD inputs: input windows, worksheet entries, comments."""

import datetime
import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from regency.forms import TableImportForm
from regency.models import Dimension, Element, Opd

from .models import (
    FundingSource,
    InputKind,
    InputWindow,
    ReadinessComponent,
    Worksheet,
    WorksheetEntry,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class InputWindowForm(forms.ModelForm):
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of input asked"),
        choices=InputKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    opds = forms.ModelMultipleChoiceField(
        label=_("OPDs asked"),
        queryset=Opd.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one OPD.")},
    )
    readiness_components = forms.MultipleChoiceField(
        label=_("Readiness components"),
        choices=ReadinessComponent.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Alam and budaya only if the programme wants them."),
    )
    dimensions = forms.ModelMultipleChoiceField(
        label=_("Dimensions asked"),
        queryset=Dimension.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one dimension.")},
    )

    class Meta:
        model = InputWindow
        fields = ["stage", "title", "kinds", "deadline", "reminder_days", "readiness_components"]
        widgets = {"deadline": DateTimeInput()}

    def clean_deadline(self) -> datetime.datetime:
        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.now():
            raise forms.ValidationError(_("The deadline must lie in the future."))
        return deadline


class DeadlineForm(forms.Form):
    deadline = forms.DateTimeField(label=_("New deadline"), widget=DateTimeInput())

    def clean_deadline(self) -> datetime.datetime:
        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.now():
            raise forms.ValidationError(_("The deadline must lie in the future."))
        return deadline


class NewEntryForm(forms.ModelForm):
    """The short form that starts an entry; the rest is filled on the entry's own page."""

    # ModelChoiceFields and ChoiceFields among them: __init__ sets their querysets and choices
    fields: dict[str, Any]

    class Meta:
        model = WorksheetEntry
        fields = ["kind", "element", "title"]

    def __init__(self, *args: Any, worksheet: Worksheet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["element"].queryset = Element.objects.filter(dimension=worksheet.dimension)
        self.fields["kind"].choices = entry_kinds(worksheet.window)


def entry_kinds(window: InputWindow) -> list[tuple[str, "StrOrPromise"]]:
    kinds: list[tuple[str, StrOrPromise]] = []
    Kind = WorksheetEntry.Kind
    if window.asks(InputKind.ISSUES):
        kinds.append((Kind.ISSUE, Kind.ISSUE.label))
    if window.asks(InputKind.ASSETS):
        kinds += [(kind, kind.label) for kind in WorksheetEntry.ASSET_KINDS]
    if window.asks(InputKind.PROPOSALS) or window.asks(InputKind.QUICK_WINS):
        kinds.append((Kind.PROPOSAL, Kind.PROPOSAL.label))
    if window.asks(InputKind.READINESS):
        kinds += [(Kind.READINESS, Kind.READINESS.label), (Kind.SWOT, Kind.SWOT.label)]
    return kinds


class EntryForm(forms.ModelForm):
    """The whole entry; a proposal gets a target and a budget field for each year."""

    # ModelChoiceFields and ChoiceFields among them: __init__ sets their querysets and choices
    fields: dict[str, Any]

    version = forms.IntegerField(widget=forms.HiddenInput)
    # one token per loaded page, so that two tabs of one account are told apart
    page = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)

    class Meta:
        model = WorksheetEntry
        fields = [
            "element",
            "title",
            "description",
            "asset_status",
            "objective",
            "indicator",
            "baseline",
            "funding_source",
            "partner_opds",
            "quick_win_candidate",
            "component",
            "rating",
            "evidence",
            "quadrant",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "objective": forms.Textarea(attrs={"rows": 2}),
            "partner_opds": forms.SelectMultiple(attrs={"size": 5}),
        }

    def __init__(self, *args: Any, years: Sequence[int] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        entry = self.instance
        self.years = list(years) if entry.is_proposal else []
        self.fields["element"].queryset = Element.objects.filter(
            dimension_id=entry.worksheet.dimension_id
        )
        # a deactivated source stays on the proposals that name it
        self.fields["funding_source"].queryset = FundingSource.objects.filter(
            Q(is_active=True) | Q(pk=entry.funding_source_id)
        )
        self.fields["partner_opds"].queryset = Opd.objects.filter(is_active=True).exclude(
            pk=entry.worksheet.opd_id
        )
        if not self.is_bound:
            self.initial["version"] = entry.version
            self.initial["page"] = secrets.token_hex(16)
        if entry.is_asset:
            self.fields["asset_status"].required = True
        if not entry.is_asset:
            del self.fields["asset_status"]
        if not entry.is_proposal:
            for name in ("objective", "indicator", "baseline", "funding_source"):
                del self.fields[name]
            del self.fields["partner_opds"], self.fields["quick_win_candidate"]
        Kind = WorksheetEntry.Kind
        if entry.kind == Kind.READINESS:
            components = entry.worksheet.window.readiness_components
            self.fields["component"].choices = [
                c for c in ReadinessComponent.choices if c[0] in components
            ]
            self.fields["component"].required = self.fields["rating"].required = True
            self.fields["description"].label = _("Note")
        else:
            del self.fields["component"], self.fields["rating"], self.fields["evidence"]
        if entry.kind == Kind.SWOT:
            self.fields["quadrant"].required = True
        else:
            del self.fields["quadrant"]
        for year in self.years:
            # in a table under the year and the column heading: the label is for screen readers
            target_label = _("Target %(year)s") % {"year": year}
            budget_label = _("Budget %(year)s (Rp)") % {"year": year}
            self.fields[f"target_{year}"] = forms.CharField(
                label=target_label,
                max_length=100,
                required=False,
                initial=entry.yearly_targets.get(str(year), ""),
                widget=forms.TextInput(attrs={"class": "form-control", "aria-label": target_label}),
            )
            self.fields[f"budget_{year}"] = forms.IntegerField(
                label=budget_label,
                min_value=0,
                required=False,
                initial=entry.yearly_budgets.get(str(year)),
                error_messages={"invalid": _("Write the budget as a whole number of rupiah.")},
                widget=forms.TextInput(
                    attrs={
                        "class": "form-control text-end",
                        "aria-label": budget_label,
                        "inputmode": "numeric",
                    }
                ),
            )

    def year_rows(self) -> list[tuple[int, forms.BoundField, forms.BoundField]]:
        return [(year, self[f"target_{year}"], self[f"budget_{year}"]) for year in self.years]

    def save(self, commit: bool = True) -> WorksheetEntry:
        entry = super().save(commit=False)
        if self.years:
            entry.yearly_targets = {
                str(year): self.cleaned_data[f"target_{year}"]
                for year in self.years
                if self.cleaned_data.get(f"target_{year}")
            }
            entry.yearly_budgets = {
                str(year): self.cleaned_data[f"budget_{year}"]
                for year in self.years
                if self.cleaned_data.get(f"budget_{year}") is not None
            }
        if commit:
            entry.save()
            self.save_m2m()
        return entry

    def differences(self, current: WorksheetEntry) -> list[tuple["StrOrPromise | None", str, str]]:
        """(label, what this person typed, what is stored) for every field that differs."""
        stored = EntryForm(instance=current, years=self.years)
        rows = []
        for name, field in self.fields.items():
            if name in ("version", "page"):
                continue
            data = cast(QueryDict, self.data)  # request.POST
            mine = data.getlist(name) if name == "partner_opds" else data.get(name, "")
            theirs = stored[name].value()
            if field.has_changed(theirs, mine):
                rows.append((field.label, _display(field, mine), _display(field, theirs)))
        return rows


def _display(field: forms.Field, value: Any) -> str:
    if isinstance(field, forms.ModelMultipleChoiceField):
        ids = [str(v.pk if hasattr(v, "pk") else v) for v in (value or [])]
        queryset = cast(QuerySet, field.queryset)  # never None once the form is built
        return ", ".join(str(o) for o in queryset.filter(pk__in=ids)) or "–"
    if isinstance(field, forms.ModelChoiceField):
        pk = getattr(value, "pk", value)
        queryset = cast(QuerySet, field.queryset)
        return str(queryset.filter(pk=pk).first() or "–") if pk else "–"
    if isinstance(field, forms.ChoiceField):
        choices = cast(list[tuple[Any, Any]], field.choices)  # normalised to pairs by Django
        return str(dict(choices).get(value, value or "–"))
    if isinstance(field, forms.BooleanField):
        answer = value in (True, "on", "true", "True")
        return str(pgettext("answer", "Yes") if answer else pgettext("answer", "No"))
    return str(value) if value not in (None, "") else "–"


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write a comment first.")},
    )
    entry = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("What should the OPD revise?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what the OPD should revise.")},
    )


class ImportForm(TableImportForm):
    """A worksheet exported from here and filled in offline: XLSX only (it carries versions)."""

    accept = ".xlsx"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(
            *args, help_text=_("A worksheet exported from here and filled in offline."), **kwargs
        )
        self.fields["file"].label = _("XLSX file")
        self.fields["file"].error_messages["required"] = _("Choose the XLSX file to import.")

    def clean_file(self) -> UploadedFile:
        upload = super().clean_file()
        if not (upload.name or "").lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Only .xlsx files can be imported."))
        return upload


class FundingSourceForm(forms.ModelForm):
    class Meta:
        model = FundingSource
        fields = ["name", "code", "order"]
        help_texts = {"code": _("Short, in lower case, e.g. apbd or dana-desa.")}
