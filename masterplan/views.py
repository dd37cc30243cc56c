"""The pages that read every room of masterplan: each person's home page and the public page."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from quickwins import charts
from quickwins import home as quickwins_home
from quickwins.models import QuickWin
from regency.models import ROLES_WITH_OPD, Programme, Regency
from regency.permissions import (
    READERS,
    AuthenticatedRequest,
    can_administer,
    has_role,
    works_in_opd,
)
from regency.setup import services as setup
from workshops import home as workshops_home

from .books import rendering
from .commitments import certificate, signing
from .inputs import workflow
from .roadmap import services as roadmap

# Every app, and every room of masterplan, offers home_context(user, programme) -> dict: what
# that person has to do there. The home page asks each in turn.
HOME_PARTS = (workshops_home, signing, certificate, workflow, rendering, quickwins_home, roadmap)


@login_required
def home(request: AuthenticatedRequest) -> HttpResponse:
    """Each person's own to-do. It lives here because it shows every app's work, and
    masterplan is the one app allowed to import them all."""
    user = request.user
    # Until the regency is set up, whoever may set it up is led to the setup.
    if not setup.is_complete() and can_administer(user, setup_complete=False):
        return redirect("setup:start")
    programme = Programme.current()
    context: dict[str, Any] = {
        "programme": programme,
        "role": user.role,
        "opd_roles": ROLES_WITH_OPD,
    }
    if programme:
        context["workshops"] = programme.workshops.all()
        if has_role(user, READERS):
            context["books"] = rendering.books_with_progress(programme)
    if works_in_opd(user):
        context["opd_people"] = user.opd.people.filter(is_active=True).order_by("full_name")  # type: ignore[union-attr]  # works_in_opd: has an OPD
    for part in HOME_PARTS:
        context.update(part.home_context(user, programme))
    return render(request, "masterplan/home.html", context)


def public(request: HttpRequest) -> HttpResponse:
    programme = Programme.current()
    quick_wins = []
    summary = None
    if programme:
        quick_wins = list(QuickWin.objects.published().filter(programme=programme).with_updates())
        if programme.roadmap_published:
            summary = roadmap.public_summary(programme)
    context = {
        "regency": Regency.load(),
        "programme": programme,
        "quick_wins": quick_wins,
        "chart": charts.status_chart_svg(quick_wins) if quick_wins else "",
        "summary": summary,
    }
    return render(request, "masterplan/public.html", context)
