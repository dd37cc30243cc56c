"""Forms of the setup and settings pages."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from ..files import check_picture, size_limit
from ..models import Opd, Programme, Regency
from .services import OFFICE_FIELDS

EMBLEM_MAX_MEGABYTES = 2


class RegencyForm(forms.ModelForm):
    """The regency and its regional head: the first step of the setup, and its settings page."""

    emblem = forms.FileField(
        label=_("Emblem"),
        required=False,
        help_text=_("PNG, JPEG or WebP, at most 2 MB; shown on covers and letterheads."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/png,image/jpeg,image/webp", **size_limit(EMBLEM_MAX_MEGABYTES)}
        ),
    )

    class Meta:
        model = Regency
        fields = [
            "kind",
            "name",
            "province",
            "head_title",
            "head_name",
            "head_nip",
            "time_zone",
            "address",
        ]

    def clean_emblem(self) -> UploadedFile | None:
        emblem = self.cleaned_data.get("emblem")
        if isinstance(emblem, UploadedFile):
            check_picture(emblem, max_megabytes=EMBLEM_MAX_MEGABYTES)
            return emblem
        return None


class OfficeForm(forms.ModelForm):
    """The secretariat's office, as on the letterheads of its letters."""

    office_website = forms.URLField(
        label=_("Office website"), required=False, assume_scheme="https"
    )

    class Meta:
        model = Regency
        fields = list(OFFICE_FIELDS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office_name"].required = True
        self.fields["office_address"].required = True


class OpdRowForm(forms.Form):
    """One OPD typed in the setup's small table."""

    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    acronym = forms.CharField(label=_("Acronym"), max_length=40, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=Opd.Kind.choices, initial=Opd.Kind.DINAS)


OpdFormSet = forms.formset_factory(OpdRowForm, extra=5, max_num=30, absolute_max=30)


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["name", "year_joined", "period_start", "period_end"]


class ProgrammeSettingsForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = [
            "name",
            "year_joined",
            "period_start",
            "period_end",
            "status",
            "roadmap_published",
        ]


class NextProgrammeForm(forms.Form):
    period_start = forms.IntegerField(label=_("Masterplan period: first year"), min_value=2000)
    period_end = forms.IntegerField(label=_("Masterplan period: last year"), min_value=2000)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and not 5 <= end - start + 1 <= 20:
            self.add_error("period_end", _("A masterplan covers between 5 and 20 years."))
        return data
