"""Setting a regency up and keeping its settings: the work behind the setup and settings pages.

The setup pages and ``load_demo`` both create the regency, its OPDs and its programme here.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..imports import read_table
from ..models import Opd, Programme, Regency, Role, User

OFFICE_FIELDS = ("office_name", "office_address", "office_phone", "office_email", "office_website")


@dataclass
class Step:
    """One step of the first-run setup, and whether the data say it is done."""

    slug: str
    title: Any
    done: bool
    required: bool = True
    link: str = ""  # another page that does the work (the certificate, people)


def _url(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def steps() -> list[Step]:
    """The steps in order, each done or not, computed from what is stored."""
    regency = Regency.load()
    has_admin_besides = User.objects.filter(is_active=True).exclude(role="").count() > 1
    return [
        Step("regency", gettext_lazy("The regency"), regency is not None),
        Step(
            "office",
            gettext_lazy("The secretariat's office"),
            bool(regency and regency.office_name and regency.office_address),
        ),
        Step("opds", gettext_lazy("The OPDs"), Opd.objects.filter(is_active=True).exists()),
        Step("programme", gettext_lazy("The programme"), Programme.objects.exists()),
        Step(
            "certificate",
            gettext_lazy("The signing certificate"),
            False,
            required=False,
            link=_url("masterplan:commitments:certificate"),
        ),
        Step(
            "people",
            gettext_lazy("The first people"),
            has_admin_besides,
            required=False,
            link=_url("people:add"),
        ),
    ]


def is_complete() -> bool:
    """Whether the regency and its programme exist: until then, the home page leads whoever
    may set the regency up to the setup."""
    return Regency.objects.exists() and Programme.objects.exists()


def become_secretariat(user: User) -> None:
    """The person who sets the regency up is its secretariat, unless they have a role."""
    if not user.role:
        user.role = Role.SECRETARIAT
        user.save(update_fields=["role"])


def save_regency(values: dict[str, Any], emblem: File | None = None) -> Regency:
    """Create or change the one regency with ``values`` (fields of Regency) and an emblem."""
    regency = Regency.load() or Regency()
    for name, value in values.items():
        setattr(regency, name, value)
    if emblem is not None:
        regency.emblem.save(emblem.name or "emblem.png", emblem, save=False)
    regency.full_clean()
    regency.save()
    return regency


# The first word of an OPD's name, and the kind it says (for a table without a kind column).
KIND_BY_WORD = {
    "dinas": Opd.Kind.DINAS,
    "badan": Opd.Kind.BADAN,
    "bagian": Opd.Kind.BAGIAN,
    "sekretariat": Opd.Kind.SEKRETARIAT,
    "inspektorat": Opd.Kind.INSPEKTORAT,
    "rsud": Opd.Kind.RSUD,
    "rumah": Opd.Kind.RSUD,
    "satuan": Opd.Kind.SATPOL,
    "satpol": Opd.Kind.SATPOL,
    "kecamatan": Opd.Kind.KECAMATAN,
    "kelurahan": Opd.Kind.KELURAHAN,
    "desa": Opd.Kind.DESA,
}


def kind_of(text: str, name: str = "") -> str | None:
    """The Opd.Kind that ``text`` names (a value or a label, any case), or that the first
    word of ``name`` says when ``text`` is empty; None when ``text`` names none."""
    text = (text or "").strip().lower()
    if not text:
        word = (name.split() or ["other"])[0].lower()
        return KIND_BY_WORD.get(word, Opd.Kind.OTHER)
    for kind in Opd.Kind:
        if text in (kind.value, str(kind.label).lower()):
            return kind.value
    return KIND_BY_WORD.get(text.split()[0])


@dataclass
class OpdRow:
    name: str
    acronym: str = ""
    kind: str = Opd.Kind.DINAS
    head_name: str = ""
    head_nip: str = ""
    head_position: str = ""


@dataclass
class ImportReport:
    """What an import of OPDs did, row by row (rows counted as in the file, header = 1)."""

    added: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


def add_opds(rows: list[OpdRow]) -> tuple[list[Opd], list[Opd]]:
    """Add the OPDs not there yet (by name); return (added, already there)."""
    added: list[Opd] = []
    existing: list[Opd] = []
    for row in rows:
        opd, created = Opd.objects.get_or_create(
            name=row.name,
            defaults={
                "acronym": row.acronym,
                "kind": row.kind,
                "head_name": row.head_name,
                "head_nip": row.head_nip,
                "head_position": row.head_position,
            },
        )
        (added if created else existing).append(opd)
    return added, existing


# Header words of an OPD table (Indonesian or English) and the field each column fills.
COLUMNS = {
    "name": ("nama", "nama opd", "name", "opd", "nama perangkat daerah"),
    "acronym": ("singkatan", "akronim", "acronym", "abbreviation"),
    "kind": ("jenis", "kind", "type", "tipe"),
    "head_name": ("nama kepala", "kepala", "head", "head name", "name of the head"),
    "head_nip": ("nip kepala", "nip", "head nip"),
    "head_position": ("jabatan kepala", "jabatan", "position", "head position"),
}


def _columns(header: tuple) -> dict[str, int]:
    found = {}
    for index, cell in enumerate(header):
        text = re.sub(r"\s+", " ", str(cell or "")).strip().lower()
        for name, words in COLUMNS.items():
            if text in words and name not in found:
                found[name] = index
    return found


def import_opds(upload: File) -> ImportReport:
    """Add the OPDs of an uploaded XLSX or CSV table (a header row, then one OPD a row).

    Raises RefusedFile when the file cannot be read; each bad row is reported, the good
    ones are added."""
    table = read_table(upload)
    report = ImportReport()
    if not table:
        report.errors.append((1, _("The file is empty.")))
        return report
    columns = _columns(table[0])
    if "name" not in columns:
        report.errors.append((1, _("The first row must name the columns, with at least “Nama”.")))
        return report
    rows: list[tuple[int, OpdRow]] = []
    for number, cells in enumerate(table[1:], start=2):
        values = {
            name: str(
                cells[index] if index < len(cells) and cells[index] is not None else ""
            ).strip()
            for name, index in columns.items()
        }
        if not any(values.values()):
            continue
        if not values["name"]:
            report.errors.append((number, _("The name is missing.")))
            continue
        kind = kind_of(values.get("kind", ""), values["name"])
        if kind is None:
            report.errors.append((number, _("Unknown kind “%(kind)s”.") % {"kind": values["kind"]}))
            continue
        row = OpdRow(**{**values, "kind": kind})
        try:
            Opd(**vars(row)).clean_fields()
        except ValidationError as exc:
            report.errors.append((number, " ".join(exc.messages)))
            continue
        rows.append((number, row))
    with transaction.atomic():
        added, existing = add_opds([row for _number, row in rows])
    report.added = [opd.name for opd in added]
    report.existing = [opd.name for opd in existing]
    return report


def create_programme(values: dict[str, Any]) -> Programme:
    """Create a programme; its signals add the four Bimtek and the three books."""
    programme = Programme(**values)
    programme.full_clean()
    programme.save()
    return programme


def next_period(programme: Programme) -> tuple[int, int]:
    """The period after ``programme``'s, of the same length."""
    length = programme.period_end - programme.period_start
    return programme.period_end + 1, programme.period_end + 1 + length


@transaction.atomic
def start_next_programme(current: Programme, period_start: int, period_end: int) -> Programme:
    """Close ``current`` and create the programme of the next period, which becomes current."""
    if period_start <= current.period_end:
        raise ValidationError(
            {
                "period_start": _("The next period must begin after %(year)s.")
                % {"year": current.period_end}
            }
        )
    current.status = Programme.Status.CLOSED
    current.save(update_fields=["status"])
    return create_programme(
        {
            "name": current.name,
            # Programme.current() takes the latest year joined
            "year_joined": max(current.year_joined + 1, period_start - 1),
            "period_start": period_start,
            "period_end": period_end,
        }
    )
