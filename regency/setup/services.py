"""Setting a regency up and keeping its settings: the work behind the setup and settings pages.

The setup pages and ``load_demo`` both create the regency, its OPDs and its programme here.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..imports import read_table
from ..models import Opd, Programme, Regency, Role, User
from ..opds import register

OFFICE_FIELDS = ("office_name", "office_address", "office_phone", "office_email", "office_website")


@dataclass
class Step:
    """One step of the first-run setup, and whether the data say it is done."""

    slug: str
    title: Any
    done: bool
    required: bool = True
    link: str = ""  # another page that does the work (the certificate, people)
    later: Any = ""  # a step that may wait: until when


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
            has_certificate(),
            required=False,
            link=_url("masterplan:commitments:certificate"),
            later=gettext_lazy("Before the first sheet"),
        ),
        Step(
            "people",
            gettext_lazy("The first people"),
            has_admin_besides,
            required=False,
            link=_url("people:add"),
        ),
    ]


def has_certificate() -> bool:
    """Whether a signing key and certificate are stored (masterplan makes and reads them;
    a path check needs no import of it)."""
    return Path(settings.SIGNING_CERT_FILE).is_file() and Path(settings.SIGNING_KEY_FILE).is_file()


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


@dataclass
class OpdRow:
    name: str
    acronym: str = ""
    kind: str = Opd.Kind.DINAS
    head_name: str = ""
    head_nip: str = ""
    head_position: str = ""


def add_opds(rows: list[OpdRow]) -> tuple[list[Opd], list[Opd]]:
    """Add the OPDs not there yet (by name); return (added, already there)."""
    added: list[Opd] = []
    existing: list[Opd] = []
    for row in rows:
        found = Opd.objects.filter(name=row.name).first()
        if found:
            existing.append(found)
        else:
            added.append(register.add_opd(**vars(row)))
    return added, existing


def import_opds(upload: File) -> register.ImportReport:
    """Add or update the OPDs of an uploaded XLSX or CSV table, as the OPD pages do.

    Raises RefusedFile when the file cannot be read; each bad row is reported."""
    return register.import_opds(read_table(upload))


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
