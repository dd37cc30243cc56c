"""Forms of the OPD pages: one OPD, an import file, and the two OPDs of a merge."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Opd


class OpdForm(forms.ModelForm):
    class Meta:
        model = Opd
        fields = ["name", "acronym", "kind", "head_name", "head_nip", "head_position"]


class OpdChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Opd) -> str:
        return obj.display_name  # the full name: two OPDs may have close acronyms


class MergeForm(forms.Form):
    source = OpdChoiceField(
        label=_("OPD that is joined into another"),
        queryset=Opd.objects.filter(is_active=True),
        help_text=_("It is deactivated after the merge; its history stays."),
    )
    target = OpdChoiceField(
        label=_("OPD it is joined into"),
        queryset=Opd.objects.filter(is_active=True),
        help_text=_("Its people, worksheets, roadmap items and the rest are moved here."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("source") and data.get("source") == data.get("target"):
            self.add_error("target", _("Choose two different OPDs."))
        return data
