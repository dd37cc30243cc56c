"""The record of administrative changes, read from django-simple-history: who changed the
regency's profile, the programme, an OPD or a person, what changed, and when."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Model
from django.utils.translation import gettext_lazy as _

from ..models import Opd, Programme, Regency, User

KINDS: dict[str, tuple[Any, type[Model]]] = {  # by the filter's value: its label and model
    "regency": (_("Regency profile"), Regency),
    "programme": (_("Programme"), Programme),
    "opd": (_("OPD"), Opd),
    "person": (_("Person"), User),
}
MOST = 2000  # rows of each kind that the page can reach; older ones stay in the database
HIDDEN_FIELDS = {"password", "last_login"}


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class Change:
    kind: str
    kind_label: Any
    record: Any  # a historical row of simple-history

    @property
    def changes(self) -> list[FieldChange]:
        """The fields this change set, with their values before and after."""
        previous = self.record.prev_record
        if previous is None or self.record.history_type != "~":
            return []
        model = KINDS[self.kind][1]
        delta = self.record.diff_against(previous)
        result = []
        for change in delta.changes:
            if change.field in HIDDEN_FIELDS:
                continue
            model_field = model._meta.get_field(change.field)
            result.append(
                FieldChange(
                    str(getattr(model_field, "verbose_name", change.field)),
                    _display(model_field, change.old),
                    _display(model_field, change.new),
                )
            )
        return result


def _display(model_field: Any, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        target = model_field.related_model.objects.filter(pk=value).first()
        return str(target) if target else str(value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


def recent(kind: str | None = None) -> list[tuple[Any, str, int]]:
    """(time, kind, history id) of the recorded changes, newest first, of one kind or all."""
    kinds = [kind] if kind in KINDS else list(KINDS)
    rows: list[tuple[Any, str, int]] = []
    for name in kinds:
        history = KINDS[name][1].history  # type: ignore[attr-defined]  # added by simple-history
        for date, history_id in history.order_by("-history_date").values_list(
            "history_date", "history_id"
        )[:MOST]:
            rows.append((date, name, history_id))
    rows.sort(key=lambda row: row[0], reverse=True)
    return rows


def load(rows: list[tuple[Any, str, int]]) -> list[Change]:
    """The changes of ``rows`` (from recent()), with who made them."""
    by_kind: dict[str, dict[int, Any]] = {}
    for name in {row[1] for row in rows}:
        history = KINDS[name][1].history  # type: ignore[attr-defined]  # added by simple-history
        ids = [row[2] for row in rows if row[1] == name]
        by_kind[name] = {
            record.history_id: record
            for record in history.filter(history_id__in=ids).select_related("history_user")
        }
    return [Change(name, KINDS[name][0], by_kind[name][hid]) for _date, name, hid in rows]


def of_person(person: User) -> list[Change]:
    """The recorded changes of one person, newest first."""
    records = person.history.order_by("-history_date").select_related("history_user")[:200]
    return [Change("person", KINDS["person"][0], record) for record in records]
