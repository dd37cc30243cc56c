"""Taking attendance at the door: ticks by staff, QR self check-in, walk-ins, and who came."""

import datetime
from collections import Counter
from typing import Any
from zoneinfo import ZoneInfo

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from regency.local_time import regency_zone
from regency.models import Opd, User

from .models import Attendance, Category, Invitation, Participant, Workshop, WorkshopDay

TOKEN_SALT = "workshops.checkin"


def local_time(moment: datetime.datetime, zone: ZoneInfo | None = None) -> datetime.datetime:
    """A check-in time as the regency's clocks show it (WIB, WITA or WIT)."""
    return timezone.localtime(moment, zone or regency_zone())


def check_in(
    day: WorkshopDay, participant: Participant, method: str, by: User | None = None
) -> Attendance:
    """Record a participant as present; a second check-in keeps the first time.

    Two staff ticking the same name at once both end up with the same row: the unique
    constraint lets one insert win and the other reads it back.
    """
    try:
        with transaction.atomic():
            attendance, _ = Attendance.objects.get_or_create(
                day=day,
                participant=participant,
                defaults={"checked_in_at": timezone.now(), "method": method, "recorded_by": by},
            )
    except IntegrityError:
        attendance = Attendance.objects.get(day=day, participant=participant)
    return attendance


def undo_check_in(day: WorkshopDay, participant: Participant) -> bool:
    """Take back a wrong tick; harmless when there was none."""
    deleted, _ = Attendance.objects.filter(day=day, participant=participant).delete()
    return bool(deleted)


def add_walk_in(day: WorkshopDay, by: User | None = None, **fields: Any) -> Attendance:
    """Register someone who was not invited, invite them, and check them in."""
    with transaction.atomic():
        participant = Participant.objects.create(
            programme=day.workshop.programme, is_walk_in=True, **fields
        )
        Invitation.objects.get_or_create(workshop=day.workshop, participant=participant)
        return check_in(day, participant, Attendance.Method.WALK_IN, by)


def door_list(day: WorkshopDay, query: str = "", limit: int = 40) -> list[Participant]:
    """Invited participants and anyone already present on the day, matching a search."""
    # Any: a queryset, then a list of participants with their attendance for the template
    people: Any = (
        Participant.objects.filter(
            Q(invitations__workshop_id=day.workshop_id) | Q(attendances__day=day)
        )
        .select_related("opd")
        .distinct()
    )
    if query:
        people = people.filter(
            Q(name__icontains=query)
            | Q(opd__acronym__icontains=query)
            | Q(opd__name__icontains=query)
            | Q(organisation__icontains=query)
            | Q(nip__startswith=query)
        )
    people = list(people.order_by("name", "pk")[:limit])
    present = {
        a.participant_id: a
        for a in Attendance.objects.filter(day=day, participant__in=[p.pk for p in people])
    }
    zone = regency_zone()
    for person in people:
        person.attendance = present.get(person.pk)
        if person.attendance:
            person.attendance.local_time = local_time(person.attendance.checked_in_at, zone)
    return people


# --- Personal check-in links -----------------------------------------------------------


def checkin_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk}, salt=TOKEN_SALT)


def token_expiry(invitation: Invitation) -> datetime.datetime | None:
    """The end of the workshop's last day in the regency's time zone."""
    last = invitation.workshop.end_date or invitation.workshop.start_date
    if last is None:
        return None
    return datetime.datetime.combine(
        last + datetime.timedelta(days=1), datetime.time.min, tzinfo=regency_zone()
    )


def invitation_from_token(token: str) -> Invitation | None:
    """The invitation a check-in link belongs to, or None if forged, unknown or expired."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    invitation = (
        Invitation.objects.select_related("participant__opd", "workshop")
        .filter(pk=data.get("i"))
        .first()
    )
    if invitation is None:
        return None
    expiry = token_expiry(invitation)
    if expiry is not None and timezone.now() >= expiry:
        return None
    return invitation


def today_of(workshop: Workshop) -> WorkshopDay | None:
    today = timezone.localtime(timezone.now(), regency_zone()).date()
    return workshop.days.filter(date=today).first()


# --- Who came --------------------------------------------------------------------------


def who_came(day: WorkshopDay) -> dict:
    """Counts per category and per OPD, and invited OPDs that sent nobody."""
    present = Attendance.objects.filter(day=day).select_related("participant__opd")
    by_category = Counter(a.participant.category for a in present)
    labels = dict(Category.choices)
    categories = [(labels[code], by_category[code]) for code in labels if by_category[code]]
    opds = (
        Opd.objects.filter(participants__attendances__day=day)
        .annotate(
            present=Count("participants__attendances", filter=Q(participants__attendances__day=day))
        )
        .order_by("-present", "name")
    )
    invited_opds = Opd.objects.filter(
        participants__invitations__workshop_id=day.workshop_id
    ).distinct()
    absent_opds = invited_opds.exclude(pk__in=[opd.pk for opd in opds]).order_by("name")
    invited = Invitation.objects.filter(workshop_id=day.workshop_id).count()
    return {
        "total": len(present),
        "invited": invited,
        "walk_ins": sum(1 for a in present if a.method == Attendance.Method.WALK_IN),
        "categories": categories,
        "opds": list(opds),
        "absent_opds": list(absent_opds),
    }
