"""The register of OPDs: add one, or import many from XLSX or CSV with a row report.

The first-run setup and ``load_demo`` call these functions too, so that an OPD is made the
same way wherever it comes from.
"""

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Opd

FIELDS = ["name", "acronym", "kind", "head_name", "head_nip", "head_position"]
HEADERS = {
    "nama": "name", "name": "name", "nama opd": "name", "opd": "name", "nama skpd": "name",
    "singkatan": "acronym", "akronim": "acronym", "acronym": "acronym",
    "jenis": "kind", "kind": "kind", "type": "kind",
    "kepala": "head_name", "nama kepala": "head_name", "head": "head_name",
    "head's name": "head_name", "head name": "head_name",
    "nip": "head_nip", "nip kepala": "head_nip", "head's nip": "head_nip", "head nip": "head_nip",
    "jabatan": "head_position", "jabatan kepala": "head_position",
    "head's position": "head_position", "head position": "head_position",
}  # fmt: skip
# The kind a name begins with, when the table has no kind column or leaves it empty.
NAME_PREFIXES = [
    ("sekretariat", Opd.Kind.SEKRETARIAT),
    ("dinas", Opd.Kind.DINAS),
    ("badan", Opd.Kind.BADAN),
    ("bagian", Opd.Kind.BAGIAN),
    ("inspektorat", Opd.Kind.INSPEKTORAT),
    ("rsud", Opd.Kind.RSUD),
    ("rumah sakit", Opd.Kind.RSUD),
    ("satuan polisi", Opd.Kind.SATPOL),
    ("satpol", Opd.Kind.SATPOL),
    ("kecamatan", Opd.Kind.KECAMATAN),
    ("kelurahan", Opd.Kind.KELURAHAN),
    ("desa", Opd.Kind.DESA),
]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + len(self.rejected)


def add_opd(**fields: Any) -> Opd:
    """Check and save a new OPD; ValidationError (with every field's message) if it is wrong."""
    opd = Opd(**fields)
    opd.full_clean(exclude=["merged_into"])
    opd.save()
    return opd


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def kind_of(value: str, name: str = "") -> str | None:
    """The kind a cell names (its code, its label, or kelurahan/desa); guessed from the name
    when the cell is empty; None when the cell names no kind."""
    value = value.strip().lower()
    if value:
        for code, label in Opd.Kind.choices:
            if value in (code, str(label).lower(), str(label).split(" (")[0].lower()):
                return code
        if value in ("kelurahan/desa", "desa/kelurahan"):
            return Opd.Kind.KELURAHAN if name.lower().startswith("kelurahan") else Opd.Kind.DESA
        return None
    lowered = name.lower()
    for prefix, kind in NAME_PREFIXES:
        if lowered.startswith(prefix):
            return kind
    return Opd.Kind.OTHER


def import_opds(rows: Sequence[Sequence[Any]]) -> ImportReport:
    """Add or update OPDs row by row (an OPD already registered under the same name is
    updated); report every row rejected and why. Accepted rows are saved in one transaction."""
    report = ImportReport()
    if not rows:
        report.rejected.append((1, _("The file is empty.")))
        return report
    header = [HEADERS.get(_cell(h).lower()) for h in rows[0]]
    if "name" not in header:
        report.rejected.append(
            (1, _("The first row must name the columns; a Nama column is needed."))
        )
        return report
    existing = {opd.name.lower(): opd for opd in Opd.objects.all()}
    accepted: dict[str, Opd] = {}  # by name: a name twice in the file is one OPD
    for number, raw in enumerate(rows[1:], start=2):
        values = {key: _cell(v) for key, v in zip(header, raw, strict=False) if key}
        if not any(values.values()):
            continue
        name = " ".join(values.get("name", "").split())
        errors = []
        if not name:
            errors.append(_("the name is missing"))
        kind = kind_of(values.get("kind", ""), name)
        if kind is None:
            errors.append(_("unknown kind “%(value)s”") % {"value": values["kind"]})
        key = name.lower()
        found = accepted.get(key) or existing.get(key)
        # a copy: a rejected row leaves the OPD as an earlier row of the file made it
        opd = copy.copy(found) if found else Opd()
        updating = found is not None
        opd.name = name
        if not updating or values.get("kind"):  # a guess from the name never overrides a kind
            opd.kind = kind or Opd.Kind.OTHER
        for attribute in ("acronym", "head_name", "head_position"):
            if attribute in values:
                setattr(opd, attribute, values[attribute])
        if "head_nip" in values:
            opd.head_nip = values["head_nip"].replace(" ", "").replace(".", "")
        try:
            opd.full_clean(exclude=["merged_into"], validate_unique=False)
        except ValidationError as exc:
            for key, messages in exc.message_dict.items():
                if key != "name" or name:  # a missing name is already said
                    errors.extend(str(m) for m in messages)
        if errors:
            report.rejected.append((number, "; ".join(dict.fromkeys(errors))))
            continue
        if key in accepted:
            pass  # the same OPD again, later cells win
        elif updating:
            report.updated += 1
        else:
            report.created += 1
        accepted[key] = opd
    with transaction.atomic():
        for opd in accepted.values():
            opd.save()
    return report
