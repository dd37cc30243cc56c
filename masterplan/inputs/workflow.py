"""OPD inputs: opening input windows, saving worksheet entries safely, the review workflow,
the secretariat's matrix and the reminder e-mails."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from celery import shared_task
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mass_mail
from django.db import transaction
from django.forms import ModelForm
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from regency.local_time import regency_time, stamp
from regency.models import ROLES_WITH_OPD, Dimension, Opd, Programme, Role, User
from regency.outbox import enqueue
from regency.permissions import (
    READERS,
    can_fill_worksheet,
    can_review_inputs,
    has_role,
    works_in_opd,
)

from .models import InputWindow, ReviewComment, Worksheet, WorksheetEntry, WorksheetStateChange

State = Worksheet.State


class StaleEntry(Exception):
    """Someone saved the entry after this person loaded it; their save is refused."""

    def __init__(self, current: WorksheetEntry) -> None:
        super().__init__("stale entry")
        self.current = current


class WrongState(Exception):
    """The worksheet is not in a state that allows this change."""

    def __init__(self, state: str, empty: bool = False) -> None:
        super().__init__(state)
        self.state, self.empty = state, empty

    @property
    def message(self) -> str:
        if self.empty:
            return _("Add at least one entry before submitting the worksheet.")
        return _(
            "This cannot be done now: the worksheet is %(state)s. Nothing has been changed."
        ) % {"state": Worksheet.State(self.state).label.lower()}


# --- Input windows ---------------------------------------------------------------------------


@transaction.atomic
def open_window(
    programme: Programme,
    *,
    stage: int,
    title: str,
    kinds: Iterable[str],
    deadline: datetime.datetime,
    opds: Iterable[Opd],
    dimensions: Iterable[Dimension],
    reminder_days: int = 3,
    readiness_components: Iterable[str] | None = None,
    by: User | None = None,
) -> InputWindow:
    """Open a window and create one not-started worksheet per OPD and dimension asked."""
    window = InputWindow.objects.create(
        programme=programme,
        stage=stage,
        title=title,
        kinds=list(kinds),
        deadline=deadline,
        reminder_days=reminder_days,
        created_by=by,
        **({"readiness_components": list(readiness_components)} if readiness_components else {}),
    )
    Worksheet.objects.bulk_create(
        Worksheet(window=window, opd=opd, dimension=dimension)
        for opd in opds
        for dimension in dimensions
    )
    return window


def extend_deadline(window: InputWindow, deadline: datetime.datetime) -> None:
    """Move the deadline; a later deadline earns the OPDs a fresh automatic reminder."""
    if deadline > window.deadline:
        window.reminded_at = None
    window.deadline = deadline
    window.save(update_fields=["deadline", "reminded_at"])


# --- Entries ---------------------------------------------------------------------------------


def lock_editable(worksheet_id: int) -> Worksheet:
    """Lock the worksheet's row and refuse when it is no longer open for changes: submitted or
    accepted while this person was typing. Every change of an entry goes through here, so a
    change never lands in a worksheet under review."""
    locked = Worksheet.objects.select_for_update().get(pk=worksheet_id)
    if not locked.is_editable:
        raise WrongState(locked.state)
    return locked


def save_entry(
    entry: WorksheetEntry, form: ModelForm, expected_version: int, user: User, page: str = ""
) -> WorksheetEntry:
    """Save a valid entry form unless the stored entry changed since ``expected_version``.

    The row is locked while comparing versions, so of two simultaneous saves of one version
    exactly one wins and the other gets StaleEntry with the version that won. Whoever saved
    the newer version, the same person in another tab included, the save is refused; only a
    newer version saved from the same page (``page``, the token the page was loaded with) is
    no conflict: it is that page's own autosave, still under way when Save was pressed.
    """
    with transaction.atomic():
        lock_editable(entry.worksheet_id)
        current = WorksheetEntry.objects.select_for_update().get(pk=entry.pk)
        own_autosave = bool(page) and current.saved_from_page == page
        if current.version != expected_version and not own_autosave:
            raise StaleEntry(current)
        saved = form.save(commit=False)
        saved.version = current.version + 1
        saved.updated_by = user
        saved.saved_from_page = page
        saved.save()
        form.save_m2m()
        mark_started(saved.worksheet)
    return saved


def add_entry(worksheet: Worksheet, form: ModelForm, user: User) -> WorksheetEntry:
    entry = form.save(commit=False)
    entry.worksheet = worksheet
    entry.updated_by = user
    with transaction.atomic():
        lock_editable(worksheet.pk)
        entry.save()
        form.save_m2m()
        mark_started(worksheet)
    return entry


def delete_entry(entry: WorksheetEntry) -> None:
    with transaction.atomic():
        lock_editable(entry.worksheet_id)
        entry.delete()


def mark_started(worksheet: Worksheet) -> None:
    Worksheet.objects.filter(pk=worksheet.pk, state=State.NOT_STARTED).update(
        state=State.DRAFT, updated_at=timezone.now()
    )


# --- Review ----------------------------------------------------------------------------------

# action: (from states, to state); who may is may_change()
TRANSITIONS = {
    "submit": ((State.DRAFT, State.RETURNED), State.SUBMITTED),
    "accept": ((State.SUBMITTED,), State.ACCEPTED),
    "return": ((State.SUBMITTED,), State.RETURNED),
}


def may_change(user: User, worksheet: Worksheet, action: str) -> bool:
    if action == "submit":
        return can_fill_worksheet(user, worksheet)
    return can_review_inputs(user)


def change_state(
    worksheet: Worksheet, action: str, user: User, note: str = ""
) -> WorksheetStateChange:
    """Submit, accept or return a worksheet; record who and when; e-mail after commit."""
    if not may_change(user, worksheet, action):
        raise PermissionDenied
    sources, target = TRANSITIONS[action]
    with transaction.atomic():
        locked = Worksheet.objects.select_for_update().get(pk=worksheet.pk)
        if locked.state not in sources:
            raise WrongState(locked.state)
        if action == "submit" and not locked.entries.exists():
            raise WrongState(locked.state, empty=True)
        change = WorksheetStateChange.objects.create(
            worksheet=locked, from_state=locked.state, to_state=target, by=user, note=note
        )
        locked.state = target
        locked.save(update_fields=["state", "updated_at"])
        if note:
            ReviewComment.objects.create(worksheet=locked, author=user, text=note)
        enqueue(mail_worksheet_state_change, change.pk)
    worksheet.state = target
    return change


def add_comment(
    worksheet: Worksheet, user: User, text: str, entry: WorksheetEntry | None = None
) -> ReviewComment:
    return ReviewComment.objects.create(worksheet=worksheet, entry=entry, author=user, text=text)


def _by_language(people: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """E-mail addresses grouped by their owner's language, so that each mail is written in it."""
    grouped: dict[str, list[str]] = {}
    for email, language in people:
        grouped.setdefault(language or settings.LANGUAGE_CODE, []).append(email)
    return grouped


def opd_addresses(opd_id: int) -> dict[str, list[str]]:
    """The addresses of the OPD's active people, by language."""
    return _by_language(
        User.objects.filter(opd_id=opd_id, role__in=ROLES_WITH_OPD, is_active=True)
        .exclude(email="")
        .values_list("email", "language")
    )


def secretariat_addresses() -> dict[str, list[str]]:
    """The addresses of the secretariat's active people, by language."""
    return _by_language(
        User.objects.filter(role=Role.SECRETARIAT, is_active=True)
        .exclude(email="")
        .values_list("email", "language")
    )


@regency_time()
def mail_state_change(change_id: int) -> int:
    """Tell the OPD (or, on submission, the secretariat) about a change; once only."""
    change = (
        WorksheetStateChange.objects.select_related(
            "worksheet__opd", "worksheet__dimension", "worksheet__window", "by"
        )
        .filter(pk=change_id, mailed_at__isnull=True)
        .first()
    )
    if change is None:
        return 0
    worksheet = change.worksheet
    if change.to_state == State.SUBMITTED:
        recipients = secretariat_addresses()
    else:
        recipients = opd_addresses(worksheet.opd_id)
    url = settings.SITE_URL.rstrip("/") + reverse(
        "masterplan:inputs:worksheet", args=[worksheet.pk]
    )
    messages = []
    for language, addresses in recipients.items():
        with override(language):
            state = State(change.to_state).label
            subject = _("Worksheet %(dimension)s of %(opd)s: %(state)s") % {
                "dimension": worksheet.dimension.label,
                "opd": worksheet.opd,
                "state": state,
            }
            body = _(
                "The worksheet %(dimension)s of %(opd)s (%(window)s) is now: %(state)s.\n"
                "Changed by %(by)s on %(at)s.\n\n%(note)s\n\nOpen it: %(url)s\n"
            ) % {
                "dimension": worksheet.dimension.label,
                "opd": worksheet.opd.display_name,
                "window": worksheet.window,
                "state": state,
                "by": change.by.display_name if change.by else "-",
                "at": stamp(change.at),
                "note": change.note,
                "url": url,
            }
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, addresses))
    sent = send_mass_mail(messages) if messages else 0
    WorksheetStateChange.objects.filter(pk=change.pk).update(mailed_at=timezone.now())
    return sent


# --- Reminders -------------------------------------------------------------------------------


@regency_time()
def send_reminders(window: InputWindow) -> int:
    """E-mail every OPD of the window that still has worksheets to submit; return the count."""
    pending = (
        window.worksheets.filter(state__in=Worksheet.OPEN)
        .select_related("dimension")
        .order_by("opd_id", "dimension__order")
    )
    by_opd: dict[int, list[str]] = {}
    for worksheet in pending:
        by_opd.setdefault(worksheet.opd_id, []).append(worksheet.dimension.name_id)
    if not by_opd:
        return 0
    opds = Opd.objects.in_bulk(by_opd.keys())
    deadline = stamp(window.deadline)
    url = settings.SITE_URL.rstrip("/") + reverse("masterplan:home")
    messages = []
    for opd_id, dimensions in by_opd.items():
        for language, recipients in opd_addresses(opd_id).items():
            with override(language):
                subject = _("Reminder: worksheets due %(deadline)s") % {"deadline": deadline}
                body = _(
                    "%(opd)s has not yet submitted these worksheets of %(window)s: "
                    "%(dimensions)s.\nThe deadline is %(deadline)s.\n\nOpen them: %(url)s\n"
                ) % {
                    "opd": opds[opd_id].display_name,
                    "window": window,
                    "dimensions": ", ".join(dimensions),
                    "deadline": deadline,
                    "url": url,
                }
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, recipients))
    send_mass_mail(messages)
    return len(messages)


def send_due_reminders(now: datetime.datetime | None = None) -> list[int]:
    """Send the automatic reminder of every window within its reminder days; once each.

    Celery beat calls this (see CELERY_BEAT_SCHEDULE); tests call it with a chosen ``now``.
    """
    now = now or timezone.now()
    sent = []
    for window in InputWindow.objects.filter(reminded_at__isnull=True, deadline__gt=now):
        if now < window.deadline - datetime.timedelta(days=window.reminder_days):
            continue
        claimed = InputWindow.objects.filter(pk=window.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if claimed:  # another beat run may have taken it meanwhile
            send_reminders(window)
            sent.append(window.pk)
    return sent


# --- Overview and home -----------------------------------------------------------------------


@dataclass
class MatrixRow:
    opd: Opd
    cells: list  # Worksheet or None, one per dimension


def matrix(window: InputWindow) -> tuple[list[Dimension], list[MatrixRow], dict[str, int]]:
    """The OPD x dimension grid of a window, in a fixed number of queries."""
    worksheets = list(window.worksheets.select_related("opd", "dimension"))
    dimensions = sorted({w.dimension for w in worksheets}, key=lambda d: (d.order, d.pk))
    cells: dict[int, dict[int, Worksheet]] = {}
    opds: dict[int, Opd] = {}
    counts = dict.fromkeys(State.values, 0)
    counts["late"] = 0
    for worksheet in worksheets:
        worksheet.window = window  # spares a query per cell for is_late
        cells.setdefault(worksheet.opd_id, {})[worksheet.dimension_id] = worksheet
        opds[worksheet.opd_id] = worksheet.opd
        counts[worksheet.state] += 1
        counts["late"] += worksheet.is_late
    rows = [
        MatrixRow(opd, [cells[opd.pk].get(d.pk) for d in dimensions])
        for opd in sorted(opds.values(), key=lambda o: o.name)
    ]
    return dimensions, rows, counts


def home_context(user: User, programme: Programme | None) -> dict:
    """What the home page shows of the inputs: an OPD's worksheets due, or the open windows."""
    if programme is None:
        return {}
    windows = programme.input_windows.filter(
        deadline__gt=timezone.now() - datetime.timedelta(days=30)
    )
    if works_in_opd(user):
        mine = (
            Worksheet.objects.visible_to(user)
            .filter(window__in=windows)
            .select_related("window", "dimension")
            .order_by("window__deadline", "dimension__order")
        )
        due: list[Worksheet] = []
        done: list[Worksheet] = []
        for worksheet in mine:
            (due if worksheet.state in Worksheet.OPEN else done).append(worksheet)
        return {"inputs_due": due, "inputs_done": done, "inputs_now": timezone.now()}
    if has_role(user, READERS):
        return {"input_windows": list(windows.order_by("deadline")), "inputs_now": timezone.now()}
    return {}


# --- Tasks: thin wrappers for Celery, under the names they were first registered with ------


@shared_task(
    name="masterplan.tasks.mail_worksheet_state_change", time_limit=120, soft_time_limit=100
)
def mail_worksheet_state_change(change_id: int) -> int:
    return mail_state_change(change_id)


@shared_task(name="masterplan.tasks.send_input_reminders", time_limit=300, soft_time_limit=270)
def send_input_reminders(window_id: int) -> int:
    window = InputWindow.objects.filter(pk=window_id).first()
    return send_reminders(window) if window else 0


@shared_task(name="masterplan.tasks.send_due_input_reminders", time_limit=300, soft_time_limit=270)
def send_due_input_reminders() -> list[int]:
    """Run by Celery beat (CELERY_BEAT_SCHEDULE in settings)."""
    return send_due_reminders()
