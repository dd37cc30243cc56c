"""The register of participants: import from XLSX or CSV with a row report, export to XLSX."""

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from celery import shared_task
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from regency import imports
from regency.models import ImportJob, Opd, Programme, User

from .models import Category, Participant

COLUMNS = ["name", "position", "opd", "organisation", "category", "email", "phone", "nip"]
HEADERS = {
    "nama": "name", "name": "name",
    "jabatan": "position", "position": "position",
    "opd": "opd",
    "organisasi": "organisation", "organisation": "organisation", "instansi": "organisation",
    "kategori": "category", "category": "category",
    "email": "email", "e-mail": "email", "surel": "email",
    "telepon": "phone", "phone": "phone", "hp": "phone", "no. hp": "phone",
    "nip": "nip",
}  # fmt: skip
EXPORT_HEADERS = ["Nama", "Jabatan", "OPD", "Organisasi", "Kategori", "Email", "Telepon", "NIP"]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + len(self.rejected)


def _category(value: str) -> str | None:
    value = value.strip().lower()
    if not value:
        return Category.OPD
    for code, label in Category.choices:
        if value in (code, str(label).lower()):
            return code
    aliases = {"desa": "desa", "kelurahan": "desa", "dewan": "council", "akademisi": "academic",
               "bisnis": "business", "swasta": "business", "komunitas": "community",
               "pendamping": "mentor", "lainnya": "other", "tim": "team"}  # fmt: skip
    return aliases.get(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def import_participants(
    programme: Programme,
    rows: Sequence[Sequence[Any]],
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Create or update participants row by row; report every row rejected and why.

    A row whose NIP is already in the register updates that person instead of adding a twin.
    Every row is checked first (``progress(rows_checked)`` is called now and then), then the
    accepted ones are saved in one transaction.
    """
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
    opds = {}
    opd: Opd | None  # the loop's, then each row's
    for opd in Opd.objects.all():
        opds[opd.name.lower()] = opd
        if opd.acronym:
            opds[opd.acronym.lower()] = opd
    accepted: dict[int, Participant] = {}  # by id(): a NIP twice in the file is one person
    by_nip: dict[str, Participant] = {}
    for number, raw in enumerate(rows[1:], start=2):
        if progress and number % 100 == 0:
            progress(number - 1)
        values = {key: _cell(v) for key, v in zip(header, raw, strict=False) if key}
        if not any(values.values()):
            continue
        errors = []
        if not values.get("name"):
            errors.append(_("the name is missing"))
        opd = None
        if values.get("opd"):
            opd = opds.get(values["opd"].lower())
            if opd is None:
                errors.append(_("unknown OPD “%(opd)s”") % {"opd": values["opd"]})
        category = _category(values.get("category", ""))
        if category is None:
            errors.append(_("unknown category “%(value)s”") % {"value": values["category"]})
        nip = values.get("nip", "").replace(" ", "").replace(".", "")
        fields = {
            "name": values.get("name", "")[:200],
            "position": values.get("position", "")[:200],
            "opd": opd,
            "organisation": values.get("organisation", "")[:200],
            "category": category or Category.OTHER,
            "email": values.get("email", ""),
            "phone": values.get("phone", "")[:30],
            "nip": nip,
        }
        existing = None
        if nip:
            existing = by_nip.get(nip) or programme.participants.filter(nip=nip).first()
        participant = existing or Participant(programme=programme)
        for key, value in fields.items():
            setattr(participant, key, value)
        try:
            participant.full_clean(exclude=["programme", "user"], validate_unique=False)
        except ValidationError as exc:
            for messages in exc.message_dict.values():
                errors.extend(str(m) for m in messages)
        if errors:
            report.rejected.append((number, "; ".join(dict.fromkeys(errors))))
            continue
        if participant.user_id is None:
            participant.user = account_for(participant)
        accepted[id(participant)] = participant
        if nip:
            by_nip[nip] = participant
        if existing:
            report.updated += 1
        else:
            report.created += 1
    with transaction.atomic():
        for participant in accepted.values():
            participant.save()
    return report


def run_import_job(job: ImportJob, data: File, progress: Callable[[int], None]) -> dict:
    """The import of a queued job (regency.imports.run), as the report the page shows."""
    programme = Programme.objects.get(pk=job.target_id)
    report = import_participants(programme, imports.read_table(data), progress=progress)
    return {
        "created": report.created,
        "updated": report.updated,
        "all_or_nothing": False,
        "rejected": [{"row": row, "title": "", "reasons": [why]} for row, why in report.rejected],
    }


def account_for(participant: Participant) -> User | None:
    """The sign-in account of the same person, found by NIP or e-mail, if there is exactly one."""
    from django.contrib.auth import get_user_model

    match = Q()
    if participant.nip:
        match |= Q(nip=participant.nip)
    if participant.email:
        match |= Q(email__iexact=participant.email)
    if not match:
        return None
    accounts = list(get_user_model().objects.filter(match, is_active=True)[:2])
    return accounts[0] if len(accounts) == 1 else None


def export_participants(programme: Programme) -> bytes:
    """The register as an XLSX workbook, readable again by the import."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Peserta"
    sheet.append(EXPORT_HEADERS)
    for p in programme.participants.select_related("opd").order_by("name", "pk"):
        sheet.append(
            [p.name, p.position, p.opd.acronym or p.opd.name if p.opd else "", p.organisation,
             p.get_category_display(), p.email, p.phone, p.nip]
        )  # fmt: skip
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def search(programme: Programme, query: str) -> QuerySet[Participant]:
    people = programme.participants.select_related("opd")
    if query:
        people = people.filter(
            Q(name__icontains=query) | Q(opd__acronym__icontains=query) | Q(nip__startswith=query)
        )
    return people


@shared_task(name="workshops.import_participants", time_limit=300, soft_time_limit=270)
def import_participants_task(job_id: int) -> str:
    job = imports.run(job_id, run_import_job)
    return job.status if job else "missing"
