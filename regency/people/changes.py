"""The record of administrative changes, read from django-simple-history: who changed the
regency's profile, the programme, an OPD or a person, what changed, and when.

A page of changes costs a fixed number of queries, however many there are: the page is read
from the database (one query over the four history tables), then per kind one query for its
rows, one for the rows before them (paired in order) and one per related model for the names
of changed foreign keys."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import CharField, Model, QuerySet, Value
from django.utils.translation import gettext_lazy as _

from ..models import Opd, Programme, Regency, User

KINDS: dict[str, tuple[Any, type[Model]]] = {  # by the filter's value: its label and model
    "regency": (_("Regency profile"), Regency),
    "programme": (_("Programme"), Programme),
    "opd": (_("OPD"), Opd),
    "person": (_("Person"), User),
}


def register_kind(key: str, label: Any, model: type[Model]) -> None:
    """Another app's settings with a history (HistoricalRecords) join the record of changes:
    regency may not import those apps, so they register here from AppConfig.ready."""
    KINDS[key] = (label, model)


MOST = 200  # changes shown on a person's page; the record of changes pages through them all
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
    changes: list[FieldChange] = field(default_factory=list)  # the fields this change set


def _previous(model: type[Model], records: list[Any]) -> dict[int, Any]:
    """The history row before each edit among ``records`` (by history id), all in one query:
    every row of the same objects up to the newest of them, paired in order."""
    edits = [record for record in records if record.history_type == "~"]
    if not edits:
        return {}
    history = model.history  # type: ignore[attr-defined]  # added by simple-history
    pk = model._meta.pk.attname
    wanted = {record.history_id for record in edits}
    rows = history.filter(
        **{f"{pk}__in": {getattr(record, pk) for record in edits}},
        history_date__lte=max(record.history_date for record in edits),
    ).order_by(pk, "history_date", "history_id")
    previous: dict[int, Any] = {}
    before: Any = None
    for row in rows:
        if before is not None and getattr(before, pk) != getattr(row, pk):
            before = None
        if row.history_id in wanted:
            previous[row.history_id] = before
        before = row
    return previous


def _build(kind: str, records: list[Any]) -> list[Change]:
    """The changes of ``records`` (historical rows of one kind), with their fields' values
    before and after; related names are looked up in one query per related model."""
    model = KINDS[kind][1]
    previous = _previous(model, records)
    deltas: list[tuple[Any, list[tuple[Any, Any]]]] = []
    related: dict[Any, set[Any]] = defaultdict(set)
    for record in records:
        before = previous.get(record.history_id)
        found: list[tuple[Any, Any]] = []
        if before is not None:
            for delta in record.diff_against(before).changes:
                if delta.field in HIDDEN_FIELDS:
                    continue
                model_field = model._meta.get_field(delta.field)
                found.append((model_field, delta))
                if model_field.is_relation:
                    related[model_field.related_model].update(
                        value for value in (delta.old, delta.new) if value not in (None, "")
                    )
        deltas.append((record, found))
    names = {
        related_model: related_model._default_manager.in_bulk(list(pks))
        for related_model, pks in related.items()
    }
    return [
        Change(
            kind,
            KINDS[kind][0],
            record,
            [
                FieldChange(
                    str(getattr(model_field, "verbose_name", delta.field)),
                    _display(model_field, delta.old, names),
                    _display(model_field, delta.new, names),
                )
                for model_field, delta in found
            ],
        )
        for record, found in deltas
    ]


def _display(model_field: Any, value: Any, names: dict[Any, dict[Any, Model]]) -> str:
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        target = names.get(model_field.related_model, {}).get(value)
        return str(target) if target else str(value)
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


def recent(kind: str | None = None) -> QuerySet:
    """(time, kind, history id) of the recorded changes, newest first, of one kind or all:
    a query, so that a Paginator reads only one page of it from the database."""
    kinds = [kind] if kind in KINDS else list(KINDS)
    queries = [
        KINDS[name][1]
        .history.annotate(  # type: ignore[attr-defined]  # added by simple-history
            change_kind=Value(name, output_field=CharField())
        )
        .order_by()
        .values_list("history_date", "change_kind", "history_id")
        for name in kinds
    ]
    combined = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    return combined.order_by("-history_date", "-history_id")


def load(rows: list[tuple[Any, str, int]]) -> list[Change]:
    """The changes of ``rows`` (a page of recent()), with who made them."""
    by_kind: dict[str, dict[int, Change]] = {}
    for name in {row[1] for row in rows}:
        history = KINDS[name][1].history  # type: ignore[attr-defined]  # added by simple-history
        ids = [row[2] for row in rows if row[1] == name]
        records = list(history.filter(history_id__in=ids).select_related("history_user"))
        by_kind[name] = {change.record.history_id: change for change in _build(name, records)}
    return [by_kind[name][hid] for _date, name, hid in rows]


def of_person(person: User) -> list[Change]:
    """The recorded changes of one person, newest first (the latest MOST)."""
    records = person.history.order_by("-history_date").select_related("history_user")[:MOST]
    return _build("person", list(records))
