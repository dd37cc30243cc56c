"""The first-run setup (a step list that can be left and resumed) and the settings pages."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import files
from ..forms import IMPORT_MAX_MEGABYTES, TableImportForm
from ..imports import RefusedFile
from ..models import Opd, Programme, Regency
from ..opds.views import OPD_COLUMNS
from ..permissions import AuthenticatedRequest, can_administer
from . import services
from .forms import (
    EMBLEM_MAX_MEGABYTES,
    NextProgrammeForm,
    OfficeForm,
    OpdFormSet,
    ProgrammeForm,
    ProgrammeSettingsForm,
    RegencyForm,
)

_View = Callable[..., HttpResponse]


def administrators_only(view: _View) -> _View:
    """The secretariat; during the first run also a superuser or the first account."""

    @login_required
    @wraps(view)
    def wrapped(request: AuthenticatedRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_administer(request.user, services.is_complete()):
            raise PermissionDenied
        # whoever sets the regency up is its secretariat, and meets no 403 elsewhere
        services.become_secretariat(request.user)
        return view(request, *args, **kwargs)

    return wrapped


def _saved(request: AuthenticatedRequest, step: str) -> HttpResponse:
    """After a step is saved: on to the next step not done."""
    messages.success(request, _("Saved. You may leave the setup and come back to it later."))
    steps = services.steps()
    after = [s.slug for s in steps].index(step) + 1
    following = [s for s in steps[after:] if not s.done]
    return redirect(f"setup:{following[0].slug}" if following else "setup:start")


def _page(request: HttpRequest, template: str, step: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, template, {"steps": services.steps(), "current": step, **context})


@administrators_only
def start(request: AuthenticatedRequest) -> HttpResponse:
    """The step list, each step done or not as the data say."""
    return _page(
        request,
        "setup/start.html",
        "",
        {"complete": services.is_complete(), "regency": Regency.load()},
    )


@administrators_only
@files.upload_limit(EMBLEM_MAX_MEGABYTES)
def regency_step(request: AuthenticatedRequest) -> HttpResponse:
    form = RegencyForm(request.POST or None, request.FILES or None, instance=Regency.load())
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in RegencyForm.Meta.fields}
        services.save_regency(values, form.cleaned_data.get("emblem"))
        return _saved(request, "regency")
    return _page(request, "setup/form.html", "regency", {"form": form, "upload": True})


@administrators_only
def office_step(request: AuthenticatedRequest) -> HttpResponse:
    regency = Regency.load()
    if regency is None:
        messages.info(request, _("Describe the regency first."))
        return redirect("setup:regency")
    form = OfficeForm(request.POST or None, instance=regency)
    if request.method == "POST" and form.is_valid():
        form.save()
        return _saved(request, "office")
    return _page(request, "setup/form.html", "office", {"form": form})


@administrators_only
@files.upload_limit(IMPORT_MAX_MEGABYTES)
def opds_step(request: AuthenticatedRequest) -> HttpResponse:
    typed = OpdFormSet(request.POST if "typed" in request.POST else None, prefix="opd")
    upload = TableImportForm(
        request.POST if "import" in request.POST else None,
        request.FILES if "import" in request.POST else None,
        help_text=OPD_COLUMNS,
    )
    report = None
    if "typed" in request.POST and typed.is_valid():
        rows = [
            services.OpdRow(
                name=row["name"].strip(), acronym=row["acronym"].strip(), kind=row["kind"]
            )
            for row in typed.cleaned_data
            if row.get("name", "").strip()
        ]
        added, existing = services.add_opds(rows)
        messages.success(
            request,
            _("%(added)s OPDs added, %(existing)s were there already.")
            % {"added": len(added), "existing": len(existing)},
        )
        return _saved(request, "opds")
    if "import" in request.POST and upload.is_valid():
        try:
            report = services.import_opds(upload.cleaned_data["file"])
        except RefusedFile as refused:
            upload.add_error("file", refused.message)
    return _page(
        request,
        "setup/opds.html",
        "opds",
        {
            "formset": typed,
            "upload": upload,
            "report": report,
            "opds": Opd.objects.filter(is_active=True),
        },
    )


@administrators_only
def programme_step(request: AuthenticatedRequest) -> HttpResponse:
    current = Programme.current()
    if current is not None:
        return _page(request, "setup/programme_done.html", "programme", {"programme": current})
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.create_programme(form.cleaned_data)
        return _saved(request, "programme")
    return _page(request, "setup/form.html", "programme", {"form": form})


@administrators_only
def link_step(request: AuthenticatedRequest, step: str) -> HttpResponse:
    """The steps done on another page (the certificate, people): a link, or why there is none."""
    found = {s.slug: s for s in services.steps()}.get(step)
    if found is None or found.required:
        raise Http404
    return _page(request, "setup/link.html", step, {"step": found})


@administrators_only
@files.upload_limit(EMBLEM_MAX_MEGABYTES)
def regency_settings(request: AuthenticatedRequest) -> HttpResponse:
    """The regency's profile and its office, after the setup."""
    regency = Regency.load()
    if regency is None:
        return redirect("setup:regency")
    form = RegencyForm(request.POST or None, request.FILES or None, instance=regency)
    office = OfficeForm(request.POST or None, instance=regency, prefix="office")
    valid = [form.is_valid(), office.is_valid()]  # both, so that both show their errors
    if request.method == "POST" and all(valid):
        values = {name: form.cleaned_data[name] for name in RegencyForm.Meta.fields}
        values.update({name: office.cleaned_data[name] for name in services.OFFICE_FIELDS})
        services.save_regency(values, form.cleaned_data.get("emblem"))
        messages.success(request, _("The regency's profile has been saved."))
        return redirect("setup:settings_regency")
    return render(request, "setup/settings_regency.html", {"form": form, "office": office})


@administrators_only
def programme_settings(request: AuthenticatedRequest) -> HttpResponse:
    """Edit the current programme, or start the next one."""
    programme = Programme.current()
    if programme is None:
        return redirect("setup:programme")
    form = ProgrammeSettingsForm(
        request.POST if "save" in request.POST else None, instance=programme
    )
    start_year, end_year = services.next_period(programme)
    following = NextProgrammeForm(
        request.POST if "next" in request.POST else None,
        initial={"period_start": start_year, "period_end": end_year},
    )
    if "save" in request.POST and form.is_valid():
        form.save()
        messages.success(request, _("The programme has been saved."))
        return redirect("setup:settings_programme")
    if "next" in request.POST and following.is_valid():
        try:
            new = services.start_next_programme(
                programme,
                following.cleaned_data["period_start"],
                following.cleaned_data["period_end"],
            )
        except ValidationError as error:
            following.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _("The programme %(new)s has begun; %(old)s is closed.")
                % {"new": new.period_label, "old": programme.period_label},
            )
            return redirect("setup:settings_programme")
    return render(
        request,
        "setup/settings_programme.html",
        {"programme": programme, "form": form, "next_form": following},
    )
