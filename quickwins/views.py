from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regency import files
from regency.models import Programme, User
from regency.permissions import (
    QUICK_WIN_REPORTERS,
    SECRETARIAT,
    AuthenticatedRequest,
    can_manage_quick_wins,
    has_role,
    role_required,
)

from . import charts, origins, selection
from .forms import MAX_PHOTO_MEGABYTES, MAX_PHOTOS, ProgressUpdateForm, QuickWinForm
from .models import ProgressPhoto, ProgressUpdate, QuickWin


@login_required
def quick_win_list(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current_or_404()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = selection.default_year(programme)
    if year not in programme.years:
        year = selection.default_year(programme)
    quick_wins = list(
        QuickWin.objects.visible_to(request.user)
        .filter(programme=programme, year=year)
        .select_related("dimension", "lead_opd")
    )
    context = {
        "programme": programme,
        "year": year,
        "quick_wins": quick_wins,
        "shortfall": selection.shortfall(programme, year),
        "target": selection.TARGET,
        "chart": charts.status_chart_svg(quick_wins) if quick_wins else "",
        "can_manage": can_manage_quick_wins(request.user),
    }
    return render(request, "quickwins/list.html", context)


@files.upload_limit(MAX_PHOTOS * MAX_PHOTO_MEGABYTES)
@login_required
def quick_win_detail(request: AuthenticatedRequest, quick_win_id: int) -> HttpResponse:
    user = request.user
    quick_win = get_object_or_404(QuickWin.objects.visible_to(user).with_updates(), pk=quick_win_id)
    can_report = QuickWin.objects.reportable_by(user).filter(pk=quick_win.pk).exists()
    form = None
    if request.method == "POST":
        if not has_role(user, QUICK_WIN_REPORTERS) or not can_report:
            raise PermissionDenied
        form = ProgressUpdateForm(request.POST, request.FILES)
        if form.is_valid():
            _add_update(quick_win, form, user)
            messages.success(request, _("The progress update has been posted."))
            return redirect("quickwins:detail", quick_win_id=quick_win.pk)
    elif can_report:
        form = ProgressUpdateForm()
    context = {
        "quick_win": quick_win,
        "form": form,
        "can_manage": can_manage_quick_wins(user),
        "origin": origins.of(quick_win, user),
    }
    return render(request, "quickwins/detail.html", context)


@transaction.atomic
def _add_update(quick_win: QuickWin, form: ProgressUpdateForm, user: User) -> ProgressUpdate:
    update = form.save(commit=False)
    update.quick_win, update.author = quick_win, user
    update.save()
    for upload in form.cleaned_data["photos"]:
        photo = ProgressPhoto(update=update)
        photo.image.save(upload.name, upload, save=False)
        photo.save()
    return update


@role_required(SECRETARIAT)
def quick_win_edit(request: AuthenticatedRequest, quick_win_id: int | None = None) -> HttpResponse:
    programme = Programme.current_or_404()
    quick_win = None
    if quick_win_id is not None:
        quick_win = get_object_or_404(QuickWin.objects.filter(programme=programme), pk=quick_win_id)
    initial = {} if quick_win else {"year": selection.default_year(programme)}
    form = QuickWinForm(
        request.POST or None, instance=quick_win, initial=initial, programme=programme
    )
    if request.method == "POST" and form.is_valid():
        quick_win = form.save()
        messages.success(request, _("The quick win has been saved."))
        return redirect("quickwins:detail", quick_win_id=quick_win.pk)
    return render(request, "quickwins/form.html", {"form": form, "quick_win": quick_win})


@require_POST
@role_required(SECRETARIAT)
def toggle_selected(request: AuthenticatedRequest, quick_win_id: int) -> HttpResponse:
    quick_win = get_object_or_404(QuickWin, pk=quick_win_id)
    selection.set_selected(quick_win, not quick_win.selected)
    return redirect(f"{reverse('quickwins:list')}?year={quick_win.year}")


def photo_file(request: HttpRequest, photo_id: int) -> HttpResponseBase:
    """A progress photo: for signed-in users who see its quick win, and for anyone once the
    quick win is published."""
    visible = QuickWin.objects.visible_to(request.user) | QuickWin.objects.published()
    photo = get_object_or_404(ProgressPhoto, pk=photo_id, update__quick_win__in=visible)
    return files.serve(photo.image, filename=f"foto-{photo.pk}")
