"""People of the programme: adding one or a table of them, the e-mail that lets them set a
password, deactivating those who leave, and the record of administrative changes."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from celery import shared_task
from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from ..models import ROLES_WITH_OPD, Opd, Role, User
from ..outbox import enqueue

INVITATION, RESET = "invitation", "reset"

COLUMNS = {
    "nama": "full_name", "name": "full_name",
    "nip": "nip",
    "jabatan": "position", "position": "position",
    "opd": "opd",
    "peran": "role", "role": "role",
    "email": "email", "e-mail": "email", "surel": "email",
    "telepon": "phone", "phone": "phone", "hp": "phone", "no. hp": "phone",
}  # fmt: skip


class PasswordLinkTokens(PasswordResetTokenGenerator):
    """Django's reset tokens, void once the person is deactivated (a link sent before then
    sets no password)."""

    def _make_hash_value(self, user: Any, timestamp: int) -> str:
        return super()._make_hash_value(user, timestamp) + str(user.is_active)


tokens = PasswordLinkTokens()


def add_person(
    person: User, *, username: str = "", password_hash: str = "", send_link: bool = True
) -> User:
    """Save a new person without a password and queue the e-mail that lets them set one.

    The demo gives a ``username`` other than the e-mail, a ``password_hash`` (from
    make_password) and ``send_link=False``: its accounts sign in at once, without mail."""
    person.username = username or person.email.lower()
    if password_hash:
        person.password = password_hash
    else:
        person.set_unusable_password()
    person.save()
    if send_link:
        invite(person)
    return person


def invite(person: User) -> None:
    """Queue the e-mail with the link to set a password (again, if the first one was lost)."""
    enqueue(send_password_link_task, person.pk, INVITATION)


def note_last_login(sender: Any, user: User, **kwargs: Any) -> None:
    """Django's update_last_login, without a row in the record of changes for each sign-in."""
    user.last_login = timezone.now()
    user.skip_history_when_saving = True  # type: ignore[attr-defined]  # read by simple-history
    try:
        user.save(update_fields=["last_login"])
    finally:
        del user.skip_history_when_saving  # type: ignore[attr-defined]  # set above


def deactivate(person: User) -> None:
    """A person who leaves can no longer sign in; their signatures and history stay."""
    person.is_active = False
    person.save(update_fields=["is_active"])


def reactivate(person: User) -> None:
    person.is_active = True
    person.save(update_fields=["is_active"])


def password_link(person: User) -> str:
    """The address of the page where ``person`` sets a new password (Django's reset token)."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
            "token": tokens.make_token(person),
        },
    )
    return settings.SITE_URL.rstrip("/") + path


def send_password_link(user_id: int, purpose: str) -> bool:
    """E-mail a person, in their own language, the link to set their password."""
    person = User.objects.filter(pk=user_id, is_active=True).first()
    if person is None or not person.email:
        return False
    with translation.override(person.language):
        context = {"person": person, "link": password_link(person), "purpose": purpose}
        body = render_to_string("people/password_link_email.txt", context)
        if purpose == INVITATION:
            subject = _("Your account for the Smart City Masterplan")
        else:
            subject = _("Setting a new password for the Smart City Masterplan")
    send_mail(subject, body, None, [person.email])
    return True


@shared_task(name="regency.people.send_password_link", time_limit=60, soft_time_limit=50)
def send_password_link_task(user_id: int, purpose: str) -> bool:
    return send_password_link(user_id, purpose)


# --- Importing a table of people --------------------------------------------------------------


@dataclass
class ImportReport:
    created: list[User] = field(default_factory=list)
    rejected: list[tuple[int, str]] = field(default_factory=list)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _role(value: str) -> str | None:
    value = value.strip().lower()
    for code, label in Role.choices:
        if value in (code, str(label).lower()):
            return code
    aliases = {
        "sekretariat": Role.SECRETARIAT, "diskominfo": Role.SECRETARIAT,
        "perwakilan opd": Role.OPD_REPRESENTATIVE, "kepala opd": Role.OPD_HEAD,
        "kepala daerah": Role.REGIONAL_HEAD, "bupati": Role.REGIONAL_HEAD,
        "wali kota": Role.REGIONAL_HEAD, "pendamping": Role.MENTOR,
    }  # fmt: skip
    return aliases.get(value)


def accepted_roles() -> str:
    return ", ".join(str(label) for _code, label in Role.choices)


def import_people(rows: Sequence[Sequence[Any]]) -> ImportReport:
    """Add the people of a table (header first) row by row; report each row refused and why.

    Every row is checked first, then the accepted ones are saved in one transaction, each
    with its invitation queued."""
    report = ImportReport()
    if not rows:
        report.rejected.append((1, _("The file is empty.")))
        return report
    header = [COLUMNS.get(_cell(h).lower()) for h in rows[0]]
    if "full_name" not in header or "email" not in header:
        report.rejected.append(
            (1, _("The first row must name the columns; Nama and Email columns are needed."))
        )
        return report
    opds: dict[str, Opd] = {}
    for active in Opd.objects.filter(is_active=True):
        opds[active.name.lower()] = active
        if active.acronym:
            opds[active.acronym.lower()] = active
    accepted: list[User] = []
    emails = {e.lower() for e in User.objects.values_list("email", flat=True) if e}
    usernames = set(User.objects.values_list("username", flat=True))
    for number, raw in enumerate(rows[1:], start=2):
        values = {key: _cell(v) for key, v in zip(header, raw, strict=False) if key}
        if not any(values.values()):
            continue
        errors = []
        opd = None
        if values.get("opd"):
            opd = opds.get(values["opd"].lower())
            if opd is None:
                errors.append(
                    _("unknown OPD “%(opd)s” (accepted: the name or acronym of an active OPD)")
                    % {"opd": values["opd"]}
                )
        role = _role(values.get("role", ""))
        if role is None:
            errors.append(
                _("unknown role “%(role)s” (accepted: %(roles)s)")
                % {"role": values.get("role", ""), "roles": accepted_roles()}
            )
        email = values.get("email", "").lower()
        if email and (email in emails or email in usernames):
            errors.append(_("the e-mail %(email)s already has an account") % {"email": email})
        person = User(
            full_name=values.get("full_name", "")[:200],
            nip=values.get("nip", "").replace(" ", "").replace(".", ""),
            position=values.get("position", "")[:200],
            opd=opd,
            role=role or "",
            email=email,
            phone=values.get("phone", "")[:30],
            username=email or f"row-{number}",
        )
        try:
            person.full_clean(exclude=["password", "username"], validate_unique=False)
        except ValidationError as exc:
            for field_name, messages in exc.message_dict.items():
                if field_name == "opd" and opd is None and values.get("opd"):
                    continue  # already named above
                errors.extend(str(m) for m in messages)
        if not values.get("full_name"):
            errors.append(_("the name is missing"))
        if not email:
            errors.append(_("the e-mail is missing"))
        if role in ROLES_WITH_OPD and not values.get("opd"):
            pass  # User.clean() said so
        if errors:
            report.rejected.append((number, "; ".join(dict.fromkeys(errors))))
            continue
        emails.add(email)
        accepted.append(person)
    with transaction.atomic():
        for person in accepted:
            report.created.append(add_person(person))
    return report


def administered():
    """The people the secretariat may edit, deactivate or send links to: not the developers'
    accounts (superusers and staff), which only the Django admin changes."""
    return User.objects.filter(is_superuser=False, is_staff=False)


RESET_LINKS_PER_HOUR = 3


def reset_links_exhausted(person: User) -> bool:
    """Whether this person was already sent RESET_LINKS_PER_HOUR links in the past hour, so
    that requests from many addresses cannot flood one inbox (counted in the cache)."""
    key = f"password-links:{person.pk}"
    try:
        added = cache.add(key, 1, timeout=3600)
        count = 1 if added else cache.incr(key)
    except Exception:  # the cache is down: send, as the login page keeps working too
        return False
    return count > RESET_LINKS_PER_HOUR
