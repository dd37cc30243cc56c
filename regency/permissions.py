"""Who may do what: the one place where roles are checked.

Views declare the roles they admit with ``@role_required``; templates ask ``can_*``
helpers through the context processor and never test roles themselves.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from .models import ROLES_WITH_OPD, Role

SECRETARIAT = frozenset({Role.SECRETARIAT})
READERS = frozenset({Role.SECRETARIAT, Role.MENTOR, Role.REGIONAL_HEAD})
# Comment on worksheets and chapters, never edit them: mentors, and the secretariat.
COMMENTERS = frozenset({Role.SECRETARIAT, Role.MENTOR})
EVERYONE = frozenset(Role.values)


def has_role(user, roles) -> bool:
    if not user.is_authenticated:
        return False
    return user.role in roles


def is_secretariat(user) -> bool:
    return has_role(user, SECRETARIAT)


def can_read_books(user) -> bool:
    return has_role(user, READERS)


def works_in_opd(user) -> bool:
    """An OPD's representative or head, attached to an OPD."""
    return has_role(user, ROLES_WITH_OPD) and bool(user.opd_id)


def scope_to_opd(queryset, user, *, readers=READERS, field: str = "opd_id"):
    """All rows for ``readers``; for an OPD's people, the rows of their own OPD; else none.

    The one rule behind the ``visible_to`` querysets of OPD-owned data."""
    if has_role(user, readers):
        return queryset
    if works_in_opd(user):
        return queryset.filter(**{field: user.opd_id})
    return queryset.none()


def role_required(roles) -> Callable:
    """Admit signed-in users whose role is in ``roles``; everyone else gets 403."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not has_role(request.user, roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def can_manage_workshops(user) -> bool:
    """Plan Bimtek, keep the register, take attendance: the secretariat's work."""
    return is_secretariat(user)


def can_request_letter(user, invitation) -> bool:
    """Queue an invitation letter: the secretariat any, a participant only their own (a
    reader who sees every invitation still queues no one else's documents)."""
    if is_secretariat(user):
        return True
    return user.is_authenticated and invitation.participant.user_id == user.pk


def can_review_inputs(user) -> bool:
    """Accept or return worksheets, open windows, send reminders: the secretariat only."""
    return is_secretariat(user)


def can_comment_inputs(user) -> bool:
    return has_role(user, COMMENTERS)


def can_fill_worksheet(user, worksheet) -> bool:
    """Edit and submit: the OPD's own representatives and head, while the worksheet is open."""
    return (
        has_role(user, {Role.OPD_REPRESENTATIVE, Role.OPD_HEAD})
        and user.opd_id == worksheet.opd_id
        and worksheet.is_editable
    )


def can_read_inputs(user) -> bool:
    """See every OPD's worksheets and the overview matrix."""
    return has_role(user, READERS)


def can_edit_chapters(user) -> bool:
    """Write chapters, change their state and the books' outline: the secretariat only."""
    return is_secretariat(user)


def can_comment_chapters(user) -> bool:
    """Comment on chapters and resolve comments: mentors and the secretariat (mentors do not edit)."""
    return has_role(user, COMMENTERS)


# Quick wins: the secretariat keeps them; the lead OPD's people report progress.
QUICK_WIN_REPORTERS = frozenset({Role.SECRETARIAT, Role.OPD_REPRESENTATIVE, Role.OPD_HEAD})


def can_manage_quick_wins(user) -> bool:
    """Add, edit, select and publish quick wins: the secretariat only."""
    return is_secretariat(user)


def can_report_roadmap(user, item) -> bool:
    """Report the yearly realisation of a roadmap item: its lead OPD's representatives and head."""
    return (
        has_role(user, {Role.OPD_REPRESENTATIVE, Role.OPD_HEAD}) and user.opd_id == item.lead_opd_id
    )
