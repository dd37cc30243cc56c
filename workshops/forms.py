from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regency.files import PrivateFileField, check_document, check_picture, size_limit
from regency.models import Opd, Programme

from .models import (
    AgendaItem,
    FollowUp,
    Mentor,
    Minutes,
    Participant,
    TargetOutput,
    Workshop,
)
from .photos import MAX_MEGABYTES


class WorkshopForm(forms.ModelForm):
    confirm_open_outputs = forms.BooleanField(
        label=_("Yes, mark it done although some outputs are still open"), required=False
    )

    class Meta:
        model = Workshop
        fields = ["title", "start_date", "end_date", "venue", "status"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())  # Form.clean returns cleaned_data
        if (
            data.get("status") == Workshop.Status.DONE
            and self.instance.status != Workshop.Status.DONE
            and self.instance.open_output_count
            and not data.get("confirm_open_outputs")
        ):
            self.needs_confirmation = True
            raise forms.ValidationError(
                _(
                    "%(count)s target outputs of this Bimtek are not done yet. Tick the "
                    "confirmation to mark it done anyway."
                )
                % {"count": self.instance.open_output_count}
            )
        return data


class MentorForm(forms.ModelForm):
    class Meta:
        model = Mentor
        fields = ["name", "organisation", "role"]


class AgendaItemForm(forms.ModelForm):
    # ModelChoiceFields and ChoiceFields among them: __init__ sets their querysets and choices
    fields: dict[str, Any]

    class Meta:
        model = AgendaItem
        fields = ["day", "start_time", "end_time", "topic", "speaker"]
        widgets = {
            "start_time": forms.TimeInput(attrs={"type": "time"}),
            "end_time": forms.TimeInput(attrs={"type": "time"}),
        }

    def __init__(self, *args: Any, workshop: Workshop, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["day"].queryset = workshop.days.all()


EVIDENCE_MAX_MEGABYTES = 50


class TargetOutputForm(forms.ModelForm):
    # ModelChoiceFields and ChoiceFields among them: __init__ sets their querysets and choices
    fields: dict[str, Any]

    evidence_link = forms.URLField(
        label=_("evidence link"), required=False, assume_scheme="https", max_length=200
    )

    class Meta:
        model = TargetOutput
        fields = [
            "title",
            "status",
            "responsible_opd",
            "responsible_person",
            "evidence_link",
            "evidence_file",
        ]
        field_classes = {"evidence_file": PrivateFileField}
        widgets = {
            "evidence_file": forms.ClearableFileInput(attrs=size_limit(EVIDENCE_MAX_MEGABYTES))
        }
        help_texts = {
            "evidence_file": _(
                "PDF, JPEG, PNG or WebP picture, or office document (DOCX, XLSX, PPTX, ODT, "
                "ODS, ODP), at most 50 MB."
            )
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible_opd"].queryset = Opd.objects.filter(is_active=True)
        if self.instance.pk:
            self.fields["evidence_file"].download_url = reverse(
                "workshops:output_evidence", args=[self.instance.pk]
            )

    def clean_evidence_file(self) -> File | bool | None:
        upload = self.cleaned_data.get("evidence_file")
        if isinstance(upload, UploadedFile):
            check_document(upload, EVIDENCE_MAX_MEGABYTES)
        return upload


class ParticipantForm(forms.ModelForm):
    # ModelChoiceFields and ChoiceFields among them: __init__ sets their querysets and choices
    fields: dict[str, Any]

    class Meta:
        model = Participant
        fields = [
            "name",
            "position",
            "opd",
            "organisation",
            "category",
            "email",
            "phone",
            "nip",
            "user",
        ]
        help_texts = {
            "user": _(
                "Their sign-in account, so that they see their invitation and QR code. Found by "
                "NIP or e-mail when left empty."
            )
        }

    def __init__(self, *args: Any, programme: Programme | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.fields["opd"].queryset = Opd.objects.filter(is_active=True)
        self.fields["user"].queryset = get_user_model().objects.filter(is_active=True)

    def clean_nip(self) -> str:
        nip = self.cleaned_data["nip"].replace(" ", "").replace(".", "")
        if nip and self.programme:
            twins = self.programme.participants.filter(nip=nip).exclude(pk=self.instance.pk)
            if twins.exists():
                raise forms.ValidationError(_("Someone with this NIP is already in the register."))
        return nip


class WalkInForm(forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["name", "position", "opd", "organisation", "category"]


class InviteForm(forms.Form):
    # ModelChoiceFields and ChoiceFields among them: __init__ sets their querysets and choices
    fields: dict[str, Any]

    opds = forms.ModelMultipleChoiceField(
        label=_("All registered people of these OPDs"),
        queryset=Opd.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Individuals"), queryset=Participant.objects.none(), required=False
    )

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = programme.participants.select_related("opd")
        self.fields["participants"].widget.attrs["size"] = 10

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())  # Form.clean returns cleaned_data
        if not data.get("opds") and not data.get("participants"):
            raise forms.ValidationError(_("Choose at least one OPD or one person."))
        return data


class MinutesForm(forms.ModelForm):
    class Meta:
        model = Minutes
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 14, "data-rich-text": "minutes"})}
        help_texts = {
            "body": _(
                "Paragraphs, headings, lists, tables, bold and links are kept; anything else is removed."
            )
        }


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["kind", "text", "owner_opd", "due_date"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_opd"].queryset = Opd.objects.filter(is_active=True)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())  # Form.clean returns cleaned_data
        if data.get("kind") == FollowUp.Kind.ACTION and not data.get("owner_opd"):
            self.add_error("owner_opd", _("A follow-up action needs an owner OPD."))
        return data


class PhotoForm(forms.Form):
    image = forms.FileField(
        label=_("Photo"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", **size_limit(MAX_MEGABYTES)}),
    )
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)

    def clean_image(self) -> UploadedFile:
        upload = self.cleaned_data["image"]
        check_picture(upload, MAX_MEGABYTES)
        return upload
