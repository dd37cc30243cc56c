"""What the home page shows of the workshops: upcoming invitations, the OPD's follow-ups."""

from regency.models import Programme, User
from regency.permissions import works_in_opd

from .models import FollowUp, Invitation, Workshop


def home_context(user: User, programme: Programme | None) -> dict:
    """Context for templates/workshops/_home_todo.html (the home page's contract)."""
    upcoming = Workshop.objects.upcoming()
    invitations = (
        Invitation.objects.visible_to(user)
        .filter(participant__user=user, workshop__in=upcoming)
        .select_related("workshop")
        .order_by("workshop__start_date")
    )
    follow_ups = []
    if works_in_opd(user):
        follow_ups = list(
            FollowUp.objects.open()
            .for_opd(user.opd_id)
            .filter(kind=FollowUp.Kind.ACTION)
            .select_related("workshop")
            .order_by("due_date", "pk")
        )
    return {"workshop_invitations": list(invitations), "opd_follow_ups": follow_ups}
