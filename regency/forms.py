from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from . import throttling
from .files import size_limit
from .models import User


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "The username or password is wrong. Both are case-sensitive; ask the "
            "secretariat (Diskominfo) if you have forgotten them."
        ),
        "inactive": _("This account has been deactivated by the secretariat."),
    }


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """Django's password change, with the old password checked as a sign-in is: counted by
    django-axes, and refused with the time to try again once too many were wrong."""

    def __init__(self, user: User, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        self.request = request
        self.locked_out = False

    def clean_old_password(self) -> str:
        old_password = self.cleaned_data["old_password"]
        try:
            right = throttling.confirm_password(
                self.user,
                old_password,
                address=throttling.client_address(self.request),
                user_agent=self.request.META.get("HTTP_USER_AGENT", ""),
            )
        except throttling.LockedOut as locked:
            self.locked_out = True
            raise forms.ValidationError(str(locked), code="locked_out") from locked
        if not right:
            raise forms.ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password


IMPORT_MAX_MEGABYTES = 5  # a table of thousands of rows is a few hundred KB


class TableImportForm(forms.Form):
    """The file of every import page: an XLSX or CSV table, at most IMPORT_MAX_MEGABYTES
    (refused in the browser before sending, and by the view's upload_limit before reading)."""

    accept = ".xlsx,.csv"
    file = forms.FileField(label=_("XLSX or CSV file"))

    def __init__(self, *args: Any, help_text: Any = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["file"]
        field.help_text = help_text
        field.widget.attrs.update({"accept": self.accept, **size_limit(IMPORT_MAX_MEGABYTES)})

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_MEGABYTES * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(megabytes)s MB.") % {"megabytes": IMPORT_MAX_MEGABYTES}
            )
        return upload
