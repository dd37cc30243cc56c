"""Merging two OPDs when a reorganisation joins agencies: everything follows to the new one.

regency imports no other app, so the merge does not name the rows it moves: it walks every
foreign key to Opd in every app (people, worksheets, roadmap items and their supporting OPDs,
quick wins, participants, follow-ups, target outputs, and whatever is added later) and
repoints them in one transaction. The record of changes (simple_history) is left as it was:
history says which OPD a row belonged to then.

Where a unique constraint would be broken (one worksheet per window, OPD and dimension), a row
of the old OPD that holds nothing (no other row points at it, and the model, if it has an
``is_blank`` property, says it is blank) is absorbed: dropped, and the new OPD's twin kept.
Opening an input window makes an empty worksheet for every OPD and dimension, so without this
no two OPDs could be merged. Where both rows hold data, no rule can say which one is right: the
merge lists them, with a link to each where the model has one (``get_absolute_url``), and is
refused until the secretariat has resolved them. Only rows of a plain many-to-many table (an OPD among a roadmap item's supporting
OPDs) are merged by themselves: a set that holds both OPDs holds the new one once.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import models, router, transaction
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from simple_history.models import HistoricalChanges

from ..models import Opd


class MergeRefused(Exception):
    """The merge cannot be done as asked; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Move:
    """The rows of one kind that point at the old OPD through one field."""

    label: str
    count: int
    duplicates: int = 0  # rows of a many-to-many set that already hold the new OPD
    absorbed: int = 0  # empty rows of the old OPD dropped in favour of the new OPD's twin
    plural: str = ""  # what the rows are, e.g. "worksheets"


@dataclass
class Conflict:
    """A row of the old OPD whose twin already belongs to the new OPD."""

    label: str
    row: str
    url: str
    twin: str
    twin_url: str


@dataclass
class MergePlan:
    source: Opd
    target: Opd
    moves: list[Move] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(move.count for move in self.moves)


def _links() -> list[models.ForeignKey]:
    """Every foreign key to Opd in every app, the tables behind many-to-many fields included,
    but not those of the record of changes."""
    found = []
    for relation in Opd._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and relation.is_relation and not relation.concrete):
            continue
        fk = relation.field  # type: ignore[union-attr]  # a reverse relation has its field
        if not isinstance(fk, models.ForeignKey):
            continue  # a ManyToManyField: its table's foreign key is walked instead
        if issubclass(fk.model, HistoricalChanges):
            continue
        found.append(fk)
    return sorted(found, key=lambda fk: (fk.model._meta.label, fk.name))


def _owning_m2m(through: type[models.Model]) -> models.ManyToManyField | None:
    """The many-to-many field whose plain table ``through`` is; None for a real model."""
    owner: Any = through._meta.auto_created  # the model that declares the field, or False
    if not owner:
        return None
    for m2m in owner._meta.many_to_many:
        if m2m.remote_field.through is through:
            return m2m
    return None


def _label(fk: models.ForeignKey) -> str:
    m2m = _owning_m2m(fk.model)
    if m2m is not None:
        owner = m2m.model._meta
        return f"{capfirst(owner.verbose_name_plural)} ({m2m.verbose_name})"
    meta = fk.model._meta
    return f"{capfirst(meta.verbose_name_plural)} ({fk.verbose_name})"


def _unique_sets(model: type[models.Model], fk: models.ForeignKey) -> list[tuple[list[str], Any]]:
    """The other fields that must differ from those of the new OPD's rows, with the condition
    under which they must (for a partial unique constraint)."""
    sets: list[tuple[list[str], Any]] = []
    if fk.unique:
        sets.append(([], None))
    for together in model._meta.unique_together:
        if fk.name in together:
            sets.append(([name for name in together if name != fk.name], None))
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and fk.name in constraint.fields:
            others = [name for name in constraint.fields if name != fk.name]
            sets.append((others, constraint.condition))
    return sets


def _attnames(model: type[models.Model], names: list[str]) -> list[str]:
    return [model._meta.get_field(name).attname for name in names]  # type: ignore[union-attr]


def _clashes(
    fk: models.ForeignKey, source: Opd, target: Opd
) -> list[tuple[models.Model, models.Model | None]]:
    """The rows of ``source`` that would break a unique constraint once they point at ``target``,
    each with the row of ``target`` it would clash with (None where that is not one row)."""
    model = fk.model
    found: dict[Any, tuple[models.Model, models.Model | None]] = {}
    for others, condition in _unique_sets(model, fk):
        rows = model._default_manager.filter(**{fk.name: source})
        theirs = model._default_manager.filter(**{fk.name: target})
        if condition is not None:
            rows, theirs = rows.filter(condition), theirs.filter(condition)
        attnames = _attnames(model, others)
        if not attnames:
            twin = theirs.first()
            if twin is not None:
                found.update((row.pk, (row, twin)) for row in rows)
            continue
        taken = {tuple(getattr(row, name) for name in attnames): row for row in theirs}
        for row in rows:
            key = tuple(getattr(row, name) for name in attnames)
            if key in taken and row.pk not in found:
                found[row.pk] = (row, taken[key])
    return list(found.values())


def holds_nothing(row: models.Model) -> bool:
    """True if dropping ``row`` loses nothing: no other row points at it (nothing would be
    deleted with it, set to null or protected) and the model, if it can tell, says it is blank."""
    if not getattr(row, "is_blank", True):
        return False
    collector = Collector(using=router.db_for_write(type(row)))
    try:
        collector.collect([row])
    except (ProtectedError, RestrictedError):
        return False
    if any(
        obj.pk != row.pk or type(obj) is not type(row)
        for objs in collector.data.values()
        for obj in objs
    ):
        return False
    if any(queryset.exists() for queryset in collector.fast_deletes):
        return False
    for updates in collector.field_updates.values():
        for objs in updates:
            if isinstance(objs, models.QuerySet) and not objs.exists():
                continue
            if objs:
                return False
    return True


def plan_merge(source: Opd, target: Opd) -> MergePlan:
    """What would move from ``source`` to ``target``, counted per kind, and what conflicts."""
    if source.pk == target.pk:
        raise MergeRefused(_("Choose two different OPDs."))
    if not source.is_active or not target.is_active:
        raise MergeRefused(_("Only active OPDs can be merged."))
    plan = MergePlan(source=source, target=target)
    for fk in _links():
        count = fk.model._default_manager.filter(**{fk.name: source}).count()
        if not count:
            continue
        clashes = _clashes(fk, source, target)
        if _owning_m2m(fk.model) is not None:
            plan.moves.append(Move(_label(fk), count, duplicates=len(clashes)))
            continue
        empty = [row for row, _twin in clashes if holds_nothing(row)]
        plural = str(fk.model._meta.verbose_name_plural)
        plan.moves.append(Move(_label(fk), count, absorbed=len(empty), plural=plural))
        plan.conflicts.extend(
            Conflict(_label(fk), _describe(row), _url(row), _describe(twin), _url(twin))
            for row, twin in clashes
            if row not in empty
        )
    return plan


def _describe(row: models.Model | None) -> str:
    return f"{row} (#{row.pk})" if row is not None else ""


def _url(row: models.Model | None) -> str:
    """The page of ``row``, if its model has one (get_absolute_url); regency imports no app."""
    get_url = getattr(row, "get_absolute_url", None)
    return str(get_url()) if get_url is not None else ""


@transaction.atomic
def merge_opds(source: Opd, target: Opd) -> MergePlan:
    """Repoint everything of ``source`` to ``target``, then deactivate ``source`` with a note
    that it was merged into ``target``. Refused (MergeRefused) while conflicts remain."""
    source = Opd.objects.select_for_update().get(pk=source.pk)
    target = Opd.objects.select_for_update().get(pk=target.pk)
    plan = plan_merge(source, target)
    if plan.conflicts:
        raise MergeRefused(
            _("The merge is refused: %(count)s rows would clash with rows of %(target)s.")
            % {"count": len(plan.conflicts), "target": target.display_name}
        )
    for fk in _links():
        rows = fk.model._default_manager.filter(**{fk.name: source})
        if _owning_m2m(fk.model) is not None:
            for row, _twin in _clashes(fk, source, target):
                row.delete()  # the set already holds the new OPD
        else:
            for row, _twin in _clashes(fk, source, target):
                if holds_nothing(row):
                    row.delete()  # absorbed: the new OPD's twin is kept
        if hasattr(fk.model, "history"):
            # saved one by one, so that the record of changes says who moved each row
            for row in rows:
                setattr(row, fk.name, target)
                row.save(update_fields=[fk.name])
        else:
            rows.update(**{fk.name: target})
    source.is_active = False
    source.merged_into = target
    source.save(update_fields=["is_active", "merged_into"])
    return plan


def moved_counts(plan: MergePlan) -> dict[str, int]:
    """The plan's moves as label: count, for a message or a test."""
    counts: dict[str, int] = defaultdict(int)
    for move in plan.moves:
        counts[move.label] += move.count
    return dict(counts)
