"""``{{ moment|at:"j M Y H:i" }}``: a time in the regency's zone with its label, 1 Des 2026 14:05 WITA.

A builtin of the templates (config/settings.py), so every template shows times one way."""

import datetime

from django import template
from django.template.defaultfilters import date

from regency.local_time import label

register = template.Library()


@register.filter(expects_localtime=True)
def at(moment: datetime.datetime | None, fmt: str = "j M Y H:i") -> str:
    if not moment:
        return ""
    return f"{date(moment, fmt)} {label()}"
