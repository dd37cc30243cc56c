"""What the home page shows of the workshops: upcoming invitations, the OPD's follow-ups."""

from regency.models import ROLES_WITH_OPD

from .models import FollowUp, Invitation, Workshop


def todo(user) -> dict:
    """Context for templates/workshops/_home_todo.html."""
    upcoming = Workshop.objects.upcoming()
    invitations = (
        Invitation.objects.visible_to(user)
        .filter(participant__user=user, workshop__in=upcoming)
        .select_related("workshop")
        .order_by("workshop__start_date")
    )
    follow_ups = []
    if user.opd_id and user.role in ROLES_WITH_OPD:
        follow_ups = list(
            FollowUp.objects.open()
            .for_opd(user.opd_id)
            .filter(kind=FollowUp.Kind.ACTION)
            .select_related("workshop")
            .order_by("due_date", "pk")
        )
    return {"workshop_invitations": list(invitations), "opd_follow_ups": follow_ups}
