"""Who may do what: the one place where roles are checked.

Views declare the roles they admit with ``@role_required``; templates ask ``can_*``
helpers through the context processor and never test roles themselves.
"""

from collections.abc import Callable, Collection
from functools import wraps
from typing import Any, TypeGuard, TypeVar, cast

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django_htmx.middleware import HtmxDetails

from .models import ROLES_WITH_OPD, Role, User

# Who a request may carry: the project's User, or nobody signed in.
AnyUser = User | AnonymousUser
# Rows of workshops and masterplan (Invitation, Worksheet, RoadmapItem) reach the helpers below as
# Any: regency may not import the apps above it.
_M = TypeVar("_M", bound=Model)
_View = TypeVar("_View", bound=Callable[..., HttpResponseBase])


class AuthenticatedRequest(HttpRequest):
    """For mypy: a request behind ``login_required``, whose user is the project's User.

    django-stubs types ``request.user`` as a user or AnonymousUser; views that only signed-in
    users reach take this type instead. Never instantiated: Django still passes HttpRequest."""

    user: User
    htmx: HtmxDetails  # set by django_htmx's middleware


SECRETARIAT = frozenset({Role.SECRETARIAT})
READERS = frozenset({Role.SECRETARIAT, Role.MENTOR, Role.REGIONAL_HEAD})
# Comment on worksheets and chapters, never edit them: mentors, and the secretariat.
COMMENTERS = frozenset({Role.SECRETARIAT, Role.MENTOR})
EVERYONE = frozenset(Role.values)


def has_role(user: AnyUser, roles: Collection[str]) -> TypeGuard[User]:
    if not user.is_authenticated:
        return False
    return user.role in roles


def is_secretariat(user: AnyUser) -> bool:
    return has_role(user, SECRETARIAT)


def can_read_books(user: AnyUser) -> bool:
    return has_role(user, READERS)


def works_in_opd(user: AnyUser) -> TypeGuard[User]:
    """An OPD's representative or head, attached to an OPD."""
    return has_role(user, ROLES_WITH_OPD) and bool(user.opd_id)


def scope_to_opd(
    queryset: QuerySet[_M],
    user: AnyUser,
    *,
    readers: Collection[str] = READERS,
    field: str = "opd_id",
) -> QuerySet[_M]:
    """All rows for ``readers``; for an OPD's people, the rows of their own OPD; else none.

    The one rule behind the ``visible_to`` querysets of OPD-owned data."""
    if has_role(user, readers):
        return queryset
    if works_in_opd(user):
        return queryset.filter(**{field: user.opd_id})
    return queryset.none()


def role_required(roles: Collection[str]) -> Callable[[_View], _View]:
    """Admit signed-in users whose role is in ``roles``; everyone else gets 403."""

    def decorator(view: _View) -> _View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not has_role(request.user, roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return cast(_View, wrapped)  # wraps() keeps the view's signature

    return decorator


def can_manage_workshops(user: AnyUser) -> bool:
    """Plan Bimtek, keep the register, take attendance: the secretariat's work."""
    return is_secretariat(user)


def can_request_letter(user: AnyUser, invitation: Any) -> bool:
    """Queue an invitation letter: the secretariat any, a participant only their own (a
    reader who sees every invitation still queues no one else's documents)."""
    if is_secretariat(user):
        return True
    return user.is_authenticated and invitation.participant.user_id == user.pk


def can_review_inputs(user: AnyUser) -> bool:
    """Accept or return worksheets, open windows, send reminders: the secretariat only."""
    return is_secretariat(user)


def can_comment_inputs(user: AnyUser) -> bool:
    return has_role(user, COMMENTERS)


def can_fill_worksheet(user: AnyUser, worksheet: Any) -> bool:
    """Edit and submit: the OPD's own representatives and head, while the worksheet is open."""
    return (
        has_role(user, {Role.OPD_REPRESENTATIVE, Role.OPD_HEAD})
        and user.opd_id == worksheet.opd_id
        and worksheet.is_editable
    )


def can_read_inputs(user: AnyUser) -> bool:
    """See every OPD's worksheets and the overview matrix."""
    return has_role(user, READERS)


def can_edit_chapters(user: AnyUser) -> bool:
    """Write chapters, change their state and the books' outline: the secretariat only."""
    return is_secretariat(user)


def can_comment_chapters(user: AnyUser) -> bool:
    """Comment on chapters and resolve comments: mentors and the secretariat (mentors do not edit)."""
    return has_role(user, COMMENTERS)


# Quick wins: the secretariat keeps them; the lead OPD's people report progress.
QUICK_WIN_REPORTERS = frozenset({Role.SECRETARIAT, Role.OPD_REPRESENTATIVE, Role.OPD_HEAD})


def can_manage_quick_wins(user: AnyUser) -> bool:
    """Add, edit, select and publish quick wins: the secretariat only."""
    return is_secretariat(user)


def can_report_roadmap(user: AnyUser, item: Any) -> bool:
    """Report the yearly realisation of a roadmap item: its lead OPD's representatives and head."""
    return (
        has_role(user, {Role.OPD_REPRESENTATIVE, Role.OPD_HEAD}) and user.opd_id == item.lead_opd_id
    )


def can_administer(user: AnyUser, setup_complete: bool) -> bool:
    """Run the setup and the settings pages: the secretariat; while the setup is not complete,
    also a superuser, or the first account of a fresh install (who then becomes the
    secretariat)."""
    if is_secretariat(user):
        return True
    if not user.is_authenticated or setup_complete:
        return False
    if user.is_superuser:
        return True
    first = User.objects.order_by("pk").values_list("pk", flat=True).first()
    return user.pk == first and not user.role
