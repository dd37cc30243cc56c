"""The secretariat's pages for people, the record of administrative changes, and the
language switch that also changes a signed-in person's own language."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from .. import files, imports
from ..forms import IMPORT_MAX_MEGABYTES, TableImportForm
from ..models import User
from ..permissions import SECRETARIAT, AuthenticatedRequest, role_required
from . import accounts, changes
from .forms import PersonFilter, PersonForm

PER_PAGE = 25


@role_required(SECRETARIAT)
def person_list(request: AuthenticatedRequest) -> HttpResponse:
    people = PersonFilter(request.GET or None, queryset=User.objects.select_related("opd"))
    page = Paginator(people.qs, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "people/person_list.html",
        {"filter": people, "page": page, "query": query.urlencode()},
    )


@role_required(SECRETARIAT)
def person_add(request: AuthenticatedRequest) -> HttpResponse:
    form = PersonForm(request.POST or None, editor=request.user)
    if request.method == "POST" and form.is_valid():
        person = accounts.add_person(form.save(commit=False))
        messages.success(
            request,
            _(
                "%(name)s is added; an e-mail with a link to set a password is on its way to %(email)s."
            )
            % {"name": person.display_name, "email": person.email},
        )
        return redirect("people:detail", person.pk)
    return render(
        request, "people/person_form.html", {"form": form}, status=400 if form.errors else 200
    )


@role_required(SECRETARIAT)
@files.upload_limit(IMPORT_MAX_MEGABYTES)
def person_import(request: AuthenticatedRequest) -> HttpResponse:
    form = TableImportForm(
        request.POST or None,
        request.FILES or None,
        help_text=_("Columns: Nama, NIP, Jabatan, OPD, Peran, Email, Telepon."),
    )
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            rows = imports.read_table(form.cleaned_data["file"])
        except imports.RefusedFile as refused:
            form.add_error("file", refused.message)
        else:
            report = accounts.import_people(rows)
    return render(request, "people/person_import.html", {"form": form, "report": report})


@role_required(SECRETARIAT)
def person_detail(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(User.objects.select_related("opd"), pk=person_id)
    return render(
        request,
        "people/person_detail.html",
        {"person": person, "changes": changes.of_person(person)},
    )


@role_required(SECRETARIAT)
def person_edit(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(accounts.administered(), pk=person_id)
    form = PersonForm(request.POST or None, instance=person, editor=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The changes are saved."))
        return redirect("people:detail", person.pk)
    return render(
        request,
        "people/person_form.html",
        {"form": form, "person": person},
        status=400 if form.errors else 200,
    )


@require_POST
@role_required(SECRETARIAT)
def person_deactivate(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(accounts.administered(), pk=person_id)
    if person.pk == request.user.pk:
        raise PermissionDenied  # the last secretariat must not lock everyone out
    accounts.deactivate(person)
    messages.success(
        request,
        _("%(name)s is deactivated and can no longer sign in; their signatures and history stay.")
        % {"name": person.display_name},
    )
    return redirect("people:detail", person.pk)


@require_POST
@role_required(SECRETARIAT)
def person_reactivate(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(accounts.administered(), pk=person_id)
    accounts.reactivate(person)
    messages.success(request, _("%(name)s can sign in again.") % {"name": person.display_name})
    return redirect("people:detail", person.pk)


@require_POST
@role_required(SECRETARIAT)
def person_invite(request: AuthenticatedRequest, person_id: int) -> HttpResponse:
    person = get_object_or_404(accounts.administered().filter(is_active=True), pk=person_id)
    accounts.invite(person)
    messages.success(
        request,
        _("A new e-mail with a link to set a password is on its way to %(email)s.")
        % {"email": person.email},
    )
    return redirect("people:detail", person.pk)


@role_required(SECRETARIAT)
def change_list(request: AuthenticatedRequest) -> HttpResponse:
    """Who changed which setting, role, OPD or person, and when; filterable by kind."""
    kind = request.GET.get("kind") or None
    page = Paginator(changes.recent(kind), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "people/change_list.html",
        {
            "page": page,
            "changes": changes.load(list(page.object_list)),
            "kinds": [(name, label) for name, (label, _model) in changes.KINDS.items()],
            "kind": kind,
        },
    )


def set_language(request: HttpRequest) -> HttpResponseBase:
    """Django's language switch; for a signed-in person it also changes their own language,
    which the pages and e-mails follow from then on (regency.language)."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    known = check_for_language(language) and language in dict(settings.LANGUAGES)
    if request.method == "POST" and request.user.is_authenticated and known:
        User.objects.filter(pk=request.user.pk).update(language=language)
    return response
