"""Forms of the people pages: one person, a table of people, the list's filters, and the
e-mail that lets a person set a new password."""

from typing import Any

import django_filters
from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from ..models import Opd, Role, User
from ..outbox import enqueue
from . import accounts

PERSON_FIELDS = ["full_name", "nip", "position", "opd", "role", "email", "phone", "language"]


class PersonForm(forms.ModelForm):
    """A person's details and role. Nobody changes their own role: on one's own page the
    role is shown and not taken from the form."""

    class Meta:
        model = User
        fields = PERSON_FIELDS
        labels = {"email": _("E-mail")}  # as on the person's page, not Django's "email address"

    def __init__(self, *args: Any, editor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        self.fields["email"].required = True
        self.fields["role"].required = True
        self.fields["opd"].queryset = Opd.objects.filter(  # type: ignore[attr-defined]  # a ModelChoiceField
            Q(is_active=True) | Q(pk=self.instance.opd_id)
        )
        if self.instance.pk and self.instance.pk == editor.pk:
            self.fields["role"].disabled = True
            self.fields["role"].help_text = _("Nobody changes their own role.")
        if self.instance.pk and self.instance.has_usable_password():
            # Else whoever edits could send the password link to an address of their own and
            # sign in, and sign, as that person.
            self.fields["email"].disabled = True
            self.fields["email"].required = False
            self.fields["email"].help_text = _(
                "Fixed once the person has set a password: the links to their account go there."
            )

    def clean_email(self) -> str:
        if self.fields["email"].disabled:
            return self.instance.email
        email = self.cleaned_data["email"].lower()
        others = User.objects.exclude(pk=self.instance.pk)
        if others.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
            raise forms.ValidationError(_("This e-mail address already has an account."))
        return email


class PersonFilter(django_filters.FilterSet):
    """The list's filters: OPD, role, active or not, and a search over names and numbers."""

    q = django_filters.CharFilter(label=_("Search"), method="search")
    opd = django_filters.ModelChoiceFilter(label=_("OPD"), queryset=Opd.objects.all())
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices)
    is_active = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("yes", _("Active")), ("no", _("Deactivated"))],
        empty_label=_("All"),
        method="by_status",
    )

    class Meta:
        model = User
        fields = ["q", "opd", "role", "is_active"]

    def by_status(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        return queryset.filter(is_active=value == "yes")

    def search(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        return queryset.filter(
            Q(full_name__icontains=value)
            | Q(username__icontains=value)
            | Q(email__icontains=value)
            | Q(nip__icontains=value)
            | Q(position__icontains=value)
        )


class PasswordLinkForm(PasswordResetForm):
    """Django's password reset, sent by the task queue in the person's own language. The page
    says the same whether or not the address has an account."""

    def get_users(self, email: str) -> Any:
        # an invited person who lost the invitation has no usable password yet: let them in too
        return User.objects.filter(email__iexact=email, is_active=True)

    def save(self, *args: Any, **kwargs: Any) -> None:  # no mail sent here
        for person in self.get_users(self.cleaned_data["email"]):
            if accounts.reset_links_exhausted(person):
                continue  # the page still says the same: nobody learns why no mail came
            enqueue(accounts.send_password_link_task, person.pk, accounts.RESET)
