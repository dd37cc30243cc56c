"""Pages of the commitment sheets: prepare and follow (secretariat), sign, verify (anyone)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from regency import files, throttle, throttling
from regency.models import Programme, Role, User
from regency.permissions import SECRETARIAT, AuthenticatedRequest, role_required

from . import certificate, signed_pdf, signing
from .forms import (
    CERTIFICATE_MAX_MEGABYTES,
    VERIFY_MAX_MEGABYTES,
    CertificateForm,
    DeclineForm,
    SheetForm,
    SignForm,
    VerifyForm,
    VoidForm,
)
from .models import CommitmentSheet, Signatory

# Anyone may verify, signed in or not: a few files per address, each read whole.
VERIFY_RATE = "10/10m"


def _sheets(user: User) -> QuerySet[CommitmentSheet]:
    return signing.with_signatures(CommitmentSheet.objects.visible_to(user))


def _who(request: AuthenticatedRequest) -> signing.Request:
    return signing.Request(
        user=request.user,
        ip=throttling.client_address(request),  # behind the proxy too, as the sign-in counts
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
    )


@login_required
def sheet_list(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current()
    sheets = _sheets(request.user).filter(programme=programme) if programme else []
    for sheet in sheets:
        sheet.progress = signing.progress(sheet)  # type: ignore[attr-defined]  # for the template
    return render(
        request,
        "masterplan/signing/sheet_list.html",
        {"programme": programme, "sheets": sheets},
    )


@role_required(SECRETARIAT)
def sheet_create(request: AuthenticatedRequest) -> HttpResponse:
    programme = Programme.current_or_404()
    form = SheetForm(request.POST or None, initial=_initial(programme))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        sheet = signing.prepare(programme, request.user, people=list(data.pop("people")), **data)
        messages.success(request, _("The draft is saved. Check it, then issue it for signing."))
        return redirect("masterplan:commitments:detail", sheet_id=sheet.pk)
    return render(request, "masterplan/signing/sheet_form.html", {"form": form, "sheet": None})


def _initial(programme: Programme) -> dict[str, Any]:
    workshop = programme.workshops.filter(stage=4).first()
    return {
        "title": "Lembar Komitmen Masterplan Smart City",
        "statement": signing.default_statement(),
        "place": (getattr(workshop, "venue", "") or "")[:100],
        "date": getattr(workshop, "end_date", None) or getattr(workshop, "start_date", None),
        "people": signing.possible_signatories().filter(
            role__in=[Role.REGIONAL_HEAD, Role.OPD_HEAD]
        ),
    }


@role_required(SECRETARIAT)
def sheet_edit(request: AuthenticatedRequest, sheet_id: int) -> HttpResponse:
    sheet = get_object_or_404(CommitmentSheet, pk=sheet_id)
    if sheet.status == CommitmentSheet.Status.VOIDED or hasattr(sheet, "replaced_by"):
        messages.error(request, _("This version is closed; edit the newest version."))
        return redirect("masterplan:commitments:detail", sheet_id=sheet.pk)
    people = [s.user for s in sheet.signatories.select_related("user")]
    form = SheetForm(request.POST or None, instance=sheet, initial={"people": people})
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in SheetForm.Meta.fields}
        try:
            sheet = signing.revise(
                sheet, request.user, people=list(form.cleaned_data["people"]), **data
            )
        except signing.SigningRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Saved."))
        return redirect("masterplan:commitments:detail", sheet_id=sheet.pk)
    return render(request, "masterplan/signing/sheet_form.html", {"form": form, "sheet": sheet})


@login_required
def sheet_detail(request: AuthenticatedRequest, sheet_id: int) -> HttpResponse:
    sheet = get_object_or_404(_sheets(request.user), pk=sheet_id)
    mine = next((s for s in sheet.signatories.all() if s.user_id == request.user.pk), None)
    return render(
        request,
        "masterplan/signing/sheet_detail.html",
        {
            "sheet": sheet,
            "progress": signing.progress(sheet),
            "mine": mine,
            "may_sign": mine and sheet.status == "issued" and not hasattr(mine, "signature"),
            "events": sheet.events.order_by("at", "pk"),
            "trail_intact": signing.audit_trail_intact(sheet),
            "void_form": VoidForm(),
            "certificate_usable": certificate.usable(),
        },
    )


@require_POST
@role_required(SECRETARIAT)
def sheet_issue(request: AuthenticatedRequest, sheet_id: int) -> HttpResponse:
    sheet = get_object_or_404(CommitmentSheet, pk=sheet_id)
    try:
        signing.issue(sheet, request.user)
        messages.success(request, _("Issued: the signatories have been notified."))
    except signing.CertificateNotUsable as refusal:
        messages.error(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                refusal,
                reverse("masterplan:commitments:certificate"),
                _("Generate or upload the signing certificate."),
            ),
        )
    except signing.SigningRefused as refusal:
        messages.error(request, str(refusal))
    return redirect("masterplan:commitments:detail", sheet_id=sheet.pk)


@require_POST
@role_required(SECRETARIAT)
def sheet_void(request: AuthenticatedRequest, sheet_id: int) -> HttpResponse:
    sheet = get_object_or_404(CommitmentSheet, pk=sheet_id)
    form = VoidForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for voiding the sheet."))
    else:
        try:
            signing.void(sheet, request.user, form.cleaned_data["reason"])
            messages.success(request, _("The sheet is void; its signatures stay on record."))
        except signing.SigningRefused as refusal:
            messages.error(request, str(refusal))
    return redirect("masterplan:commitments:detail", sheet_id=sheet.pk)


@require_POST
@role_required(SECRETARIAT)
def sheet_remind(request: AuthenticatedRequest, sheet_id: int) -> HttpResponse:
    sheet = get_object_or_404(CommitmentSheet, pk=sheet_id, status=CommitmentSheet.Status.ISSUED)
    signing.request_reminders(sheet, request.user)
    messages.success(request, _("Reminders are being sent to those who have not signed yet."))
    return redirect("masterplan:commitments:detail", sheet_id=sheet.pk)


@login_required
def sheet_sign(request: AuthenticatedRequest, sheet_id: int) -> HttpResponse:
    """The signatory's own page: read, re-enter the password, draw or type, sign or decline."""
    signatory = get_object_or_404(
        Signatory.objects.select_related("sheet__programme"), sheet_id=sheet_id, user=request.user
    )
    sheet = signatory.sheet
    errors, kept, answer = [], {}, None
    if request.method == "POST":
        answer = DeclineForm if "decline" in request.POST else SignForm
        form = answer(request.POST)
        if form.is_valid():
            try:
                _answer(request, answer, sheet, form.cleaned_data)
                return redirect("masterplan:commitments:detail", sheet_id=sheet.pk)
            except signing.SigningRefused as refusal:
                errors = [str(refusal)]
        else:
            signing.use_nonce(signatory, request.POST.get("nonce", ""))  # one try per form
            errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        kept = {k: v for k, v in request.POST.dict().items() if k not in ("password", "nonce")}
    is_open = sheet.status == CommitmentSheet.Status.ISSUED and not hasattr(signatory, "signature")
    forms = {}
    if is_open:
        for name, form_class in (("sign_form", SignForm), ("decline_form", DeclineForm)):
            initial = {"content_hash": sheet.content_hash, **(kept if answer is form_class else {})}
            initial["nonce"] = signing.new_nonce(signatory)
            forms[name] = form_class(initial=initial)
    return render(
        request,
        "masterplan/signing/sign.html",
        {
            "sheet": signing.with_signatures(CommitmentSheet.objects.filter(pk=sheet.pk)).get(),
            "signatory": signatory,
            "open": is_open,
            "turn": signing.is_turn_of(signatory),
            "errors": errors,
            "declining": answer is DeclineForm,
            **forms,
        },
    )


def _answer(
    request: AuthenticatedRequest,
    answer: type[SignForm | DeclineForm],
    sheet: CommitmentSheet,
    data: dict[str, Any],
) -> None:
    common = {
        "password": data["password"],
        "nonce": data["nonce"],
        "seen_hash": data["content_hash"],
    }
    if answer is DeclineForm:
        signing.decline(sheet.pk, _who(request), reason=data["reason"], **common)
        messages.success(request, _("Your refusal and its reason are recorded."))
    else:
        signing.sign(sheet.pk, _who(request), image=data["png"], method=data["method"], **common)
        messages.success(request, _("Thank you: your signature is recorded."))


@login_required
def sheet_pdf(request: AuthenticatedRequest, sheet_id: int) -> HttpResponseBase:
    sheet = get_object_or_404(CommitmentSheet.objects.visible_to(request.user), pk=sheet_id)
    if sheet.pdf_status != CommitmentSheet.PdfStatus.DONE or not sheet.signed_pdf:
        raise Http404
    return files.serve(sheet.signed_pdf, filename=sheet.filename)


@login_required
def sheet_pdf_status(request: AuthenticatedRequest, sheet_id: int) -> HttpResponse:
    """The signed PDF's box; htmx polls it until the PDF is ready."""
    sheet = get_object_or_404(CommitmentSheet.objects.visible_to(request.user), pk=sheet_id)
    return render(
        request,
        "masterplan/signing/_pdf.html",
        {"sheet": sheet, "certificate_usable": certificate.usable()},
    )


@require_POST
@role_required(SECRETARIAT)
def sheet_pdf_again(request: AuthenticatedRequest, sheet_id: int) -> HttpResponse:
    """Queue the signed PDF again: after a failure, or when its worker was lost."""
    sheet = get_object_or_404(CommitmentSheet, pk=sheet_id, status=CommitmentSheet.Status.COMPLETED)
    if signed_pdf.request_again(sheet):
        messages.success(request, _("The signed PDF is being made again."))
    return redirect("masterplan:commitments:detail", sheet_id=sheet.pk)


@throttle.per_address("commitments.verify", VERIFY_RATE)
@files.upload_limit(VERIFY_MAX_MEGABYTES)
def verify(request: HttpRequest) -> HttpResponse:
    """Anyone, signed in or not, may check a PDF they were given."""
    form = VerifyForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = signed_pdf.verify(form.cleaned_data["file"].read())
    return render(request, "masterplan/signing/verify.html", {"form": form, "result": result})


@role_required(SECRETARIAT)
@files.upload_limit(CERTIFICATE_MAX_MEGABYTES)
def certificate_page(request: AuthenticatedRequest) -> HttpResponse:
    """The signing certificate: what is installed, generate one for trial, or upload the
    regency's own."""
    form = CertificateForm()
    if request.method == "POST" and "generate" in request.POST:
        certificate.generate()
        messages.success(request, _("A self-signed certificate for trial has been generated."))
        return redirect("masterplan:commitments:certificate")
    if request.method == "POST":
        form = CertificateForm(request.POST, request.FILES)
        if form.is_valid():
            certificate.install(*form.cleaned_data["pair"])
            messages.success(request, _("The certificate has been checked and installed."))
            return redirect("masterplan:commitments:certificate")
    return render(
        request,
        "masterplan/signing/certificate.html",
        {"form": form, "info": certificate.current()},
    )
