"""What the home page shows of the workshops: a person's upcoming invitations."""

from .models import Invitation, Workshop


def todo(user) -> dict:
    """Context for templates/workshops/_home_todo.html."""
    upcoming = Workshop.objects.upcoming()
    invitations = (
        Invitation.objects.visible_to(user)
        .filter(participant__user=user, workshop__in=upcoming)
        .select_related("workshop")
        .order_by("workshop__start_date")
    )
    return {"workshop_invitations": list(invitations)}
