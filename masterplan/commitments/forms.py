"""Forms of the commitment sheets: preparing one, signing or declining it, verifying a PDF."""

import base64
import binascii
from typing import Any, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from regency.files import size_limit
from regency.models import Regency, User

from . import certificate, signing
from .models import CommitmentSheet

PNG_DATA_URI = "data:image/png;base64,"


class SignatoryChoiceField(forms.ModelMultipleChoiceField):
    regency: Regency | None = None

    def label_from_instance(self, user: User) -> str:
        return f"{user.display_name} · {signing.position_of(user, self.regency)}"


class SheetForm(forms.ModelForm):
    # ModelChoiceFields and ChoiceFields among them: __init__ sets their querysets and choices
    fields: dict[str, Any]

    people = SignatoryChoiceField(
        label=_("Signatories"),
        queryset=signing.possible_signatories(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one signatory.")},
    )

    class Meta:
        model = CommitmentSheet
        fields = ["title", "statement", "place", "date", "regional_head_last"]
        widgets = {
            "statement": forms.Textarea(attrs={"rows": 9}),
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "statement": _("One paragraph or numbered point per line."),
            "regional_head_last": _("The regional head can sign only after everyone else."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = signing.possible_signatories()
        self.fields["people"].regency = Regency.load()


class AnswerForm(forms.Form):
    """What both signing and declining send: the password again, the form's token, the hash."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Enter again the password you sign in with, to confirm it is you."),
    )
    nonce = forms.CharField(widget=forms.HiddenInput)
    content_hash = forms.CharField(widget=forms.HiddenInput)


class SignForm(AnswerForm):
    method = forms.ChoiceField(
        choices=[("drawn", _("Draw")), ("typed", _("Type my name"))],
        initial="drawn",
        widget=forms.RadioSelect,
        label=_("How do you sign?"),
    )
    image = forms.CharField(widget=forms.HiddenInput, required=False)
    typed_name = forms.CharField(label=_("Your name as signature"), max_length=120, required=False)

    def clean(self) -> dict[str, Any]:
        data = cast(dict[str, Any], super().clean())  # Form.clean returns cleaned_data
        if data.get("method") == "typed":
            name = (data.get("typed_name") or "").strip()
            if len(name) < 3:
                self.add_error("typed_name", _("Type your name to sign."))
            else:
                data["png"] = signing.typed_signature_png(name)
            return data
        uri = data.get("image") or ""
        if not uri:
            self.add_error(None, _("Draw your signature in the box before signing."))
            return data
        if not uri.startswith(PNG_DATA_URI):
            self.add_error(None, _("The signature is not a PNG image."))
            return data
        try:
            png = base64.b64decode(uri[len(PNG_DATA_URI) :], validate=True)
            data["png"] = signing.validate_png(png)
        except (binascii.Error, ValueError) as exc:
            message = (
                str(exc)
                if isinstance(exc, ValueError) and not isinstance(exc, binascii.Error)
                else _("The signature image cannot be read.")
            )
            self.add_error(None, message)
        return data


class DeclineForm(AnswerForm):
    reason = forms.CharField(
        label=_("Why do you decline to sign?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VoidForm(forms.Form):
    reason = forms.CharField(label=_("Reason for voiding"), max_length=300)


VERIFY_MAX_MEGABYTES = 20


class VerifyForm(forms.Form):
    file = forms.FileField(
        label=_("Signed PDF of a commitment sheet"),
        widget=forms.FileInput(attrs=size_limit(VERIFY_MAX_MEGABYTES)),
    )

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > VERIFY_MAX_MEGABYTES * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


CERTIFICATE_MAX_MEGABYTES = 1


class CertificateForm(forms.Form):
    """The regency's certificate: one PKCS#12 file, or a PEM key with its PEM certificate."""

    bundle = forms.FileField(
        label=_("PKCS#12 file (.p12, .pfx)"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": ".p12,.pfx", **size_limit(CERTIFICATE_MAX_MEGABYTES)}
        ),
    )
    key = forms.FileField(
        label=_("or: private key (PEM)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pem,.key"}),
    )
    certificate = forms.FileField(
        label=_("and its certificate (PEM)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pem,.crt,.cer"}),
    )
    password = forms.CharField(
        label=_("Password of the file or the key"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        bundle, key, cert = data.get("bundle"), data.get("key"), data.get("certificate")
        password = data.get("password", "")
        try:
            if bundle:
                pair = certificate.read_pkcs12(_read(bundle), password)
            elif key and cert:
                pair = certificate.read_pem(_read(key), _read(cert), password)
            else:
                raise forms.ValidationError(
                    _("Choose a PKCS#12 file, or a private key together with its certificate.")
                )
            certificate.check(pair[0], pair[1])
        except certificate.CertificateRefused as refusal:
            raise forms.ValidationError(str(refusal)) from refusal
        data["pair"] = pair
        return data


def _read(upload: UploadedFile) -> bytes:
    return cast(bytes, upload.read(CERTIFICATE_MAX_MEGABYTES * 1024 * 1024))
