"""The page citizens see without signing in: published quick wins and the roadmap summary."""

from django.shortcuts import render

from quickwins import charts
from quickwins.models import QuickWin
from regency.models import Programme, Regency

from . import roadmap


def public(request):
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
