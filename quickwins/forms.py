from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from regency.files import check_picture, size_limit
from regency.models import Programme

from .models import FUNDING_SOURCES, ProgressUpdate, QuickWin

MAX_PHOTOS = 6
MAX_PHOTO_MEGABYTES = 10
DATE = {"type": "date"}


class QuickWinForm(forms.ModelForm):
    # ModelChoiceFields and ChoiceFields among them: __init__ sets their querysets and choices
    fields: dict[str, Any]

    class Meta:
        model = QuickWin
        fields = [
            "year",
            "selected",
            "title",
            "dimension",
            "element",
            "lead_opd",
            "problem",
            "solution",
            "beneficiaries",
            "start_date",
            "target_date",
            "budget",
            "funding_source",
            "budget_notes",
            "status",
            "indicators",
            "origin_note",
            "published",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "target_date": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "funding_source": forms.TextInput(attrs={"list": "funding-sources"}),
            "problem": forms.Textarea(attrs={"rows": 3}),
            "solution": forms.Textarea(attrs={"rows": 3}),
            "beneficiaries": forms.Textarea(attrs={"rows": 2}),
            "budget_notes": forms.Textarea(attrs={"rows": 2}),
            "indicators": forms.Textarea(attrs={"rows": 3}),
        }

    funding_sources = FUNDING_SOURCES

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        self.fields["lead_opd"].queryset = self.fields["lead_opd"].queryset.filter(is_active=True)
        self.fields["element"].queryset = self.fields["element"].queryset.select_related(
            "dimension"
        )
        self.fields["element"].label_from_instance = lambda e: f"{e.dimension.label} · {e.label}"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget",
            MultipleFileInput(
                attrs={
                    "accept": "image/jpeg,image/png,image/webp",
                    **size_limit(MAX_PHOTOS * MAX_PHOTO_MEGABYTES),
                }
            ),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if len(files) > MAX_PHOTOS:
            raise ValidationError(
                _("Attach at most %(count)d photos."), params={"count": MAX_PHOTOS}
            )
        cleaned = [super(MultiplePhotoField, self).clean(file, initial) for file in files]
        for upload in cleaned:
            check_picture(upload, max_megabytes=MAX_PHOTO_MEGABYTES)
        return cleaned


class ProgressUpdateForm(forms.ModelForm):
    photos = MultiplePhotoField(
        label=_("Photos"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 10 MB each."),
    )

    class Meta:
        model = ProgressUpdate
        fields = ["text", "links"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "links": forms.Textarea(attrs={"rows": 2, "placeholder": "https://"}),
        }
