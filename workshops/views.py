from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from regency import files, imports
from regency.forms import IMPORT_MAX_MEGABYTES, TableImportForm
from regency.models import ImportJob, Programme
from regency.permissions import (
    EVERYONE,
    READERS,
    SECRETARIAT,
    AuthenticatedRequest,
    can_manage_workshops,
    can_request_letter,
    has_role,
    role_required,
    works_in_opd,
)

from . import attendance, photos, planning, printing, register
from .forms import (
    EVIDENCE_MAX_MEGABYTES,
    AgendaItemForm,
    FollowUpForm,
    InviteForm,
    MentorForm,
    MinutesForm,
    ParticipantForm,
    PhotoForm,
    TargetOutputForm,
    WalkInForm,
    WorkshopForm,
)
from .models import (
    AgendaItem,
    Attendance,
    FollowUp,
    Invitation,
    Mentor,
    Minutes,
    Participant,
    Photo,
    PrintJob,
    TargetOutput,
    Workshop,
    WorkshopDay,
)


@login_required
def workshop_list(request: AuthenticatedRequest) -> HttpResponse:
    """The four Bimtek of the current programme as a timeline with their outputs' progress."""
    programme = Programme.current()
    rows = planning.timeline(programme) if programme else []
    return render(request, "workshops/workshop_list.html", {"programme": programme, "rows": rows})


@login_required
def workshop_detail(request: AuthenticatedRequest, workshop_id: int) -> HttpResponse:
    workshop = get_object_or_404(Workshop.objects.select_related("programme"), pk=workshop_id)
    user = request.user
    days = workshop.days.prefetch_related("agenda").annotate(present=Count("attendances"))
    context = {
        "workshop": workshop,
        "days": days,
        "mentors": workshop.mentors.all(),
        "outputs": workshop.outputs.select_related("responsible_opd"),
        "can_manage": can_manage_workshops(user),
        "can_read": has_role(user, READERS),
    }
    if context["can_manage"]:
        context["mentor_form"] = MentorForm()
        context["agenda_form"] = AgendaItemForm(workshop=workshop)
        context["output_form"] = TargetOutputForm()
        context["invited_count"] = workshop.invitations.count()
    my_invitations = Invitation.objects.visible_to(user).filter(
        workshop=workshop, participant__user=user
    )
    context["my_invitations"] = [
        (inv, printing.qr_svg(printing.checkin_url(inv))) for inv in my_invitations
    ]
    if works_in_opd(user):
        context["opd_attendance"] = (
            # works_in_opd: opd_id is set
            Attendance.objects.filter(day__workshop=workshop, participant__opd_id=user.opd_id)  # type: ignore[misc]
            .select_related("participant", "day")
            .order_by("day__date", "participant__name")
        )
    return render(request, "workshops/workshop_detail.html", context)


@role_required(SECRETARIAT)
def workshop_edit(request: AuthenticatedRequest, workshop_id: int) -> HttpResponse:
    workshop = get_object_or_404(Workshop, pk=workshop_id)
    form = WorkshopForm(request.POST or None, instance=workshop)
    if request.method == "POST" and form.is_valid():
        form.save()
        planning.sync_days(workshop)
        messages.success(request, _("The Bimtek has been saved."))
        return redirect("workshops:detail", workshop_id=workshop.pk)
    return render(request, "workshops/workshop_form.html", {"workshop": workshop, "form": form})


def _add_to_workshop(
    request: AuthenticatedRequest,
    workshop_id: int,
    form_class: type[forms.ModelForm],
    **form_kwargs: Any,
) -> HttpResponse:
    workshop = get_object_or_404(Workshop, pk=workshop_id)
    kwargs: dict[str, Any] = {"workshop": workshop} if form_class is AgendaItemForm else {}
    form = form_class(request.POST, request.FILES, **kwargs, **form_kwargs)
    if form.is_valid():
        item = form.save(commit=False)
        if hasattr(item, "workshop_id") and not isinstance(item, AgendaItem):
            item.workshop = workshop
        item.save()
        messages.success(request, _("Added."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect("workshops:detail", workshop_id=workshop.pk)


@require_POST
@role_required(SECRETARIAT)
def mentor_add(request: AuthenticatedRequest, workshop_id: int) -> HttpResponse:
    return _add_to_workshop(request, workshop_id, MentorForm)


@require_POST
@role_required(SECRETARIAT)
def agenda_add(request: AuthenticatedRequest, workshop_id: int) -> HttpResponse:
    return _add_to_workshop(request, workshop_id, AgendaItemForm)


@require_POST
@files.upload_limit(EVIDENCE_MAX_MEGABYTES, back="workshops:detail")
@role_required(SECRETARIAT)
def output_add(request: AuthenticatedRequest, workshop_id: int) -> HttpResponse:
    return _add_to_workshop(request, workshop_id, TargetOutputForm)


@require_POST
@role_required(SECRETARIAT)
def item_delete(request: AuthenticatedRequest, kind: str, item_id: int) -> HttpResponse:
    model = {"mentor": Mentor, "agenda": AgendaItem, "output": TargetOutput}.get(kind)
    if model is None:
        raise Http404
    item: Any = get_object_or_404(model, pk=item_id)  # a Mentor, an AgendaItem or a TargetOutput
    workshop_id = item.day.workshop_id if kind == "agenda" else item.workshop_id
    item.delete()
    return redirect("workshops:detail", workshop_id=workshop_id)


@files.upload_limit(EVIDENCE_MAX_MEGABYTES)
@role_required(SECRETARIAT)
def output_edit(request: AuthenticatedRequest, output_id: int) -> HttpResponse:
    output = get_object_or_404(TargetOutput.objects.select_related("workshop"), pk=output_id)
    form = TargetOutputForm(request.POST or None, request.FILES or None, instance=output)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The output has been saved."))
        return redirect("workshops:detail", workshop_id=output.workshop_id)
    return render(request, "workshops/output_form.html", {"output": output, "form": form})


@role_required(READERS)
def output_evidence(request: AuthenticatedRequest, output_id: int) -> HttpResponseBase:
    output = get_object_or_404(TargetOutput, pk=output_id)
    if not output.evidence_file:
        raise Http404
    return files.serve(output.evidence_file, filename=f"bukti-{output.pk}")


# --- Register ---------------------------------------------------------------------------


@role_required(SECRETARIAT)
def participant_list(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current_or_404()
    query = request.GET.get("q", "").strip()
    people = register.search(programme, query).annotate(
        invitation_count=Count("invitations", distinct=True)
    )
    context = {"programme": programme, "people": people[:300], "query": query}
    context["count"] = people.count()
    return render(request, "workshops/participant_list.html", context)


@role_required(SECRETARIAT)
def participant_add(
    request: AuthenticatedRequest, participant_id: int | None = None
) -> HttpResponse:
    programme = Programme.current_or_404()
    instance = None
    if participant_id:
        instance = get_object_or_404(programme.participants, pk=participant_id)
    form = ParticipantForm(request.POST or None, instance=instance, programme=programme)
    if request.method == "POST" and form.is_valid():
        person = form.save(commit=False)
        person.programme = programme
        person.user = person.user or register.account_for(person)
        person.save()
        messages.success(request, _("%(name)s is in the register.") % {"name": person.name})
        return redirect("workshops:participants")
    return render(request, "workshops/participant_form.html", {"form": form, "person": instance})


@files.upload_limit(IMPORT_MAX_MEGABYTES)
@role_required(SECRETARIAT)
def participant_import(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current_or_404()
    form = TableImportForm(request.POST or None, request.FILES or None)
    report = None
    job = ImportJob.objects.filter(
        # no job asked: pk=None finds none
        pk=request.GET.get("job") if request.GET.get("job", "").isdigit() else None,  # type: ignore[misc]
        kind=ImportJob.Kind.PARTICIPANTS,
        target_id=programme.pk,
        requested_by=request.user,
    ).first()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = imports.read_table(upload)
        except imports.RefusedFile as refused:
            form.add_error("file", refused.message)
        else:
            if len(rows) - 1 > imports.QUEUE_ABOVE_ROWS:
                job = imports.queue(
                    ImportJob.Kind.PARTICIPANTS, programme.pk, upload, len(rows) - 1,
                    request.user, register.import_participants_task,
                )  # fmt: skip
                url = reverse("workshops:participant_import")
                return redirect(f"{url}?job={job.pk}")
            report = register.import_participants(programme, rows)
    return render(
        request,
        "workshops/participant_import.html",
        {"form": form, "report": report, "job": job},
    )


@role_required(SECRETARIAT)
def participant_export(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current_or_404()
    response = HttpResponse(
        register.export_participants(programme),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="peserta-bimtek.xlsx"'
    return response


@role_required(SECRETARIAT)
def invite(request: AuthenticatedRequest, workshop_id: int) -> HttpResponse:
    workshop = get_object_or_404(Workshop.objects.select_related("programme"), pk=workshop_id)
    form = InviteForm(request.POST or None, programme=workshop.programme)
    if request.method == "POST" and form.is_valid():
        people = workshop.programme.participants.filter(
            Q(opd__in=form.cleaned_data["opds"])
            | Q(pk__in=[p.pk for p in form.cleaned_data["participants"]])
        )
        existing = set(workshop.invitations.values_list("participant_id", flat=True))
        new = [Invitation(workshop=workshop, participant=p) for p in people if p.pk not in existing]
        Invitation.objects.bulk_create(new, ignore_conflicts=True)
        messages.success(
            request,
            ngettext("%(count)s person invited.", "%(count)s people invited.", len(new))
            % {"count": len(new)},
        )
        return redirect("workshops:detail", workshop_id=workshop.pk)
    invitations = workshop.invitations.select_related("participant__opd")
    jobs = workshop.print_jobs.filter(
        kind=PrintJob.Kind.INVITATION_LETTERS, invitation__isnull=True
    ).select_related("requested_by")[:5]
    return render(
        request,
        "workshops/invite.html",
        {"workshop": workshop, "form": form, "invitations": invitations, "jobs": jobs},
    )


# --- Attendance -------------------------------------------------------------------------


def _day(day_id: int) -> WorkshopDay:
    return get_object_or_404(WorkshopDay.objects.select_related("workshop__programme"), pk=day_id)


@role_required(SECRETARIAT)
def door(request: AuthenticatedRequest, day_id: int) -> HttpResponse:
    """The phone-sized page at the door: search, tick, undo, add a walk-in."""
    day = _day(day_id)
    query = request.GET.get("q", "").strip()
    context = {"day": day, "people": attendance.door_list(day, query), "query": query}
    context["present"] = day.attendances.count()
    if request.htmx:
        return render(request, "workshops/_door_rows.html", context)
    context["walk_in_form"] = WalkInForm()
    return render(request, "workshops/door.html", context)


@require_POST
@role_required(SECRETARIAT)
def tick(request: AuthenticatedRequest, day_id: int, participant_id: int) -> HttpResponse:
    day = _day(day_id)
    person = get_object_or_404(
        Participant.objects.filter(programme=day.workshop.programme), pk=participant_id
    )
    if request.POST.get("undo"):
        attendance.undo_check_in(day, person)
        person.attendance = None  # type: ignore[attr-defined]  # for the template
    else:
        record = attendance.check_in(day, person, Attendance.Method.STAFF, request.user)
        record.local_time = attendance.local_time(record.checked_in_at)  # type: ignore[attr-defined]
        person.attendance = record  # type: ignore[attr-defined]
    if request.htmx:
        return render(
            request,
            "workshops/_door_row.html",
            {"day": day, "person": person, "present": day.attendances.count(), "oob": True},
        )
    return redirect("workshops:door", day_id=day.pk)


@require_POST
@role_required(SECRETARIAT)
def walk_in(request: AuthenticatedRequest, day_id: int) -> HttpResponse:
    day = _day(day_id)
    form = WalkInForm(request.POST)
    if form.is_valid():
        record = attendance.add_walk_in(day, request.user, **form.cleaned_data)
        messages.success(request, _("%(name)s checked in.") % {"name": record.participant.name})
        query = urlencode({"q": record.participant.name})
        return redirect(f"{reverse('workshops:door', args=[day.pk])}?{query}")
    context = {"day": day, "people": attendance.door_list(day), "walk_in_form": form}
    context["present"] = day.attendances.count()
    return render(request, "workshops/door.html", context)


def checkin(request: HttpRequest, token: str) -> HttpResponse:
    """The page a participant's QR code opens: confirm to be marked present today."""
    invitation = attendance.invitation_from_token(token)
    if invitation is None:
        return render(request, "workshops/checkin.html", {"invalid": True}, status=404)
    day = attendance.today_of(invitation.workshop)
    record = None
    if request.method == "POST" and day:
        record = attendance.check_in(day, invitation.participant, Attendance.Method.QR)
        record.local_time = attendance.local_time(record.checked_in_at)  # type: ignore[attr-defined]
    context = {"invitation": invitation, "day": day, "record": record}
    return render(request, "workshops/checkin.html", context)


@role_required(READERS)
def who_came(request: AuthenticatedRequest, day_id: int) -> HttpResponse:
    day = _day(day_id)
    context = {"day": day, **attendance.who_came(day)}
    context["jobs"] = day.print_jobs.select_related("requested_by")[:5]
    context["can_manage"] = can_manage_workshops(request.user)
    return render(request, "workshops/who_came.html", context)


def _job_row(request: HttpRequest, job: PrintJob) -> HttpResponse:
    return render(request, "workshops/_print_job.html", {"job": job})


@require_POST
@role_required(SECRETARIAT)
def attendance_list_request(request: AuthenticatedRequest, day_id: int) -> HttpResponse:
    day = _day(day_id)
    job = printing.request_print(request.user, PrintJob.Kind.ATTENDANCE_LIST, day.workshop, day)
    if request.htmx:
        return _job_row(request, job)
    return redirect("workshops:who_came", day_id=day.pk)


@require_POST
@role_required(SECRETARIAT)
def letters_request(request: AuthenticatedRequest, workshop_id: int) -> HttpResponse:
    workshop = get_object_or_404(Workshop, pk=workshop_id)
    job = printing.request_print(request.user, PrintJob.Kind.INVITATION_LETTERS, workshop)
    if request.htmx:
        return _job_row(request, job)
    return redirect("workshops:invite", workshop_id=workshop.pk)


@require_POST
@role_required(EVERYONE)
def my_letter_request(request: AuthenticatedRequest, invitation_id: int) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.visible_to(request.user).select_related("workshop", "participant"),
        pk=invitation_id,
    )
    if not can_request_letter(request.user, invitation):
        raise PermissionDenied
    job = printing.request_print(
        request.user, PrintJob.Kind.INVITATION_LETTERS, invitation.workshop, invitation=invitation
    )
    if request.htmx:
        return _job_row(request, job)
    return redirect("workshops:my_invitations")


@role_required(EVERYONE)
def print_status(request: AuthenticatedRequest, job_id: int) -> HttpResponse:
    """One job's row; htmx polls it until the job is finished (a job whose worker died is
    queued again or failed by Celery beat, never by a GET)."""
    job = get_object_or_404(
        PrintJob.objects.visible_to(request.user).select_related("requested_by"), pk=job_id
    )
    return _job_row(request, job)


@role_required(EVERYONE)
def print_download(request: AuthenticatedRequest, job_id: int) -> HttpResponseBase:
    job = get_object_or_404(
        PrintJob.objects.visible_to(request.user).select_related("workshop", "day"), pk=job_id
    )
    if job.status != PrintJob.Status.DONE or not job.file:
        raise Http404
    return files.serve(job.file, filename=job.filename)


@role_required(EVERYONE)
def my_invitations(request: AuthenticatedRequest) -> HttpResponse:
    invitations = (
        Invitation.objects.visible_to(request.user)
        .filter(participant__user=request.user)
        .select_related("workshop", "participant")
    )
    rows = [(inv, printing.qr_svg(printing.checkin_url(inv))) for inv in invitations]
    jobs = PrintJob.objects.visible_to(request.user).filter(
        invitation__participant__user=request.user
    )[:5]
    return render(request, "workshops/my_invitations.html", {"rows": rows, "jobs": jobs})


# --- Minutes and follow-ups -------------------------------------------------------------


@login_required
def minutes(request: AuthenticatedRequest, workshop_id: int) -> HttpResponse:
    """The minutes of a Bimtek with its decisions and follow-ups; the secretariat edits them."""
    workshop = get_object_or_404(Workshop, pk=workshop_id)
    # A GET only reads: the minutes' row is made by the first save.
    record = Minutes.objects.filter(workshop=workshop).first() or Minutes(workshop=workshop)
    can_manage = can_manage_workshops(request.user)
    form = MinutesForm(request.POST or None, instance=record) if can_manage else None
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        assert form is not None  # made for those who manage
        if form.is_valid():
            record = form.save(commit=False)
            record.updated_by = request.user
            record.save()
            messages.success(request, _("The minutes have been saved."))
            return redirect("workshops:minutes", workshop_id=workshop.pk)
    context = {
        "workshop": workshop,
        "record": record,
        "form": form,
        "follow_ups": workshop.follow_ups.select_related("owner_opd"),
        "follow_up_form": FollowUpForm() if can_manage else None,
        "can_manage": can_manage,
    }
    return render(request, "workshops/minutes.html", context)


@require_POST
@role_required(SECRETARIAT)
def follow_up_add(request: AuthenticatedRequest, workshop_id: int) -> HttpResponse:
    workshop = get_object_or_404(Workshop, pk=workshop_id)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        item = form.save(commit=False)
        item.workshop = workshop
        item.save()
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect("workshops:minutes", workshop_id=workshop.pk)


@require_POST
@role_required(SECRETARIAT)
def follow_up_toggle(request: AuthenticatedRequest, follow_up_id: int) -> HttpResponse:
    item = get_object_or_404(FollowUp, pk=follow_up_id)
    item.done = not item.done
    item.save(update_fields=["done"])
    return redirect("workshops:minutes", workshop_id=item.workshop_id)


# --- Photos -----------------------------------------------------------------------------


@files.upload_limit(photos.MAX_MEGABYTES)
@login_required
def gallery(request: AuthenticatedRequest, workshop_id: int) -> HttpResponse:
    workshop = get_object_or_404(Workshop, pk=workshop_id)
    can_manage = can_manage_workshops(request.user)
    form = PhotoForm(request.POST or None, request.FILES or None) if can_manage else None
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        assert form is not None  # made for those who manage
        if form.is_valid():
            photos.add_photo(
                workshop, form.cleaned_data["image"], form.cleaned_data["caption"], request.user
            )
            messages.success(request, _("The photo has been added."))
            return redirect("workshops:gallery", workshop_id=workshop.pk)
    context = {"workshop": workshop, "photos": workshop.photos.all(), "form": form}
    return render(request, "workshops/gallery.html", context)


@login_required
def photo_file(request: AuthenticatedRequest, photo_id: int, size: str) -> HttpResponseBase:
    photo = get_object_or_404(Photo, pk=photo_id)
    file = photo.thumbnail if size == "thumb" and photo.thumbnail else photo.image
    return files.serve(file, filename=f"foto-{photo.pk}")


@require_POST
@role_required(SECRETARIAT)
def photo_delete(request: AuthenticatedRequest, photo_id: int) -> HttpResponse:
    photo = get_object_or_404(Photo, pk=photo_id)
    photo.delete()
    return redirect("workshops:gallery", workshop_id=photo.workshop_id)
