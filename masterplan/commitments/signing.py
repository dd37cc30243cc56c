"""Commitment sheets: prepare, issue (freeze with a SHA-256 hash), sign, decline, void, revise.

Plain functions that views, tasks and tests call. Every change is an audit event whose hash
chains to the event before it, so that a removed or altered event shows.
"""

import datetime
import hashlib
import io
import secrets
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from celery import shared_task
from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from regency import throttling
from regency.models import Programme, Regency, Role, User
from regency.outbox import enqueue

from . import certificate, signed_pdf
from .audit import audit_trail_intact, canonical_content, compute_hash, event_digest, record_event  # noqa: F401
from .models import CommitmentSheet, Signatory, Signature, SigningEvent, SigningNonce

SIGNER_ROLES = (Role.REGIONAL_HEAD, Role.OPD_HEAD, Role.MENTOR)
NONCE_LIFETIME = datetime.timedelta(hours=2)
MAX_IMAGE_BYTES = 200_000
MAX_IMAGE_SIDE = 2400


class SigningRefused(Exception):
    """A signing or declining request that must not be recorded; the message says why."""


class CertificateNotUsable(SigningRefused):
    """Issuing refused: the signed PDF could not be made without a usable certificate."""


def default_statement(regency: Regency | None = None) -> str:
    regency = regency or Regency.load()
    head = f"{regency.regional_head_title} {regency.name}" if regency else "Kepala Daerah"
    government = f"Pemerintah {regency.official_name}" if regency else "Pemerintah Daerah"
    return (
        f"Kami yang bertanda tangan di bawah ini, {head} beserta Kepala Perangkat Daerah di "
        f"lingkungan {government}, dengan ini menyatakan komitmen untuk:\n"
        "1. mengintegrasikan, menyinkronkan, dan menyinergikan perencanaan pembangunan "
        "smart city di daerah;\n"
        "2. menjadikan Masterplan Smart City sebagai dasar pelaksanaan rencana pembangunan "
        "daerah;\n"
        "3. mendukung proses pembangunan yang efektif, efisien, inklusif, dan partisipatif.\n\n"
        "Demikian lembar komitmen ini kami buat untuk dilaksanakan dengan penuh tanggung jawab."
    )


def possible_signatories() -> QuerySet[User]:
    """People who may be asked to sign: the regional head, OPD heads (camat too) and mentors."""
    return (
        User.objects.filter(is_active=True, role__in=SIGNER_ROLES)
        .select_related("opd")
        .order_by("role", "opd__name", "full_name")
    )


def position_of(user: User, regency: Regency | None) -> str:
    if user.role == Role.REGIONAL_HEAD and regency:
        return f"{regency.regional_head_title} {regency.name}"
    if user.role == Role.OPD_HEAD and user.opd:
        title = user.position or user.opd.head_position or "Kepala"
        kind = user.opd.name.split()[0]
        if title.split()[-1].lower() == kind.lower():  # "Kepala Dinas" + "Dinas Kesehatan"
            title = title.rsplit(" ", 1)[0]
        return f"{title} {user.opd.name}"
    parts = [user.position, user.organisation]
    return ", ".join(part for part in parts if part) or user.get_role_display()


# --- Preparing, issuing, voiding -----------------------------------------------------------


def _set_signatories(sheet: CommitmentSheet, people: Iterable[User]) -> None:
    regency = Regency.load()
    sheet.signatories.all().delete()
    # OPD heads and others first, the regional head's block at the end, as on the paper sheet
    ordered = sorted(
        people,
        key=lambda u: (
            u.role == Role.REGIONAL_HEAD,
            u.role,
            u.opd.name if u.opd else "",
            u.display_name,
        ),
    )
    Signatory.objects.bulk_create(
        Signatory(
            sheet=sheet,
            user=person,
            number=number,
            name=person.display_name,
            position=position_of(person, regency),
            is_regional_head=person.role == Role.REGIONAL_HEAD,
        )
        for number, person in enumerate(ordered, start=1)
    )


@transaction.atomic
def prepare(
    programme: Programme,
    by: User,
    *,
    people: Collection[User],
    replaces: CommitmentSheet | None = None,
    **fields: Any,
) -> CommitmentSheet:
    """Create a draft sheet with its signatories (a new version when ``replaces`` is given)."""
    version = replaces.version + 1 if replaces else 1
    sheet = CommitmentSheet.objects.create(
        programme=programme, created_by=by, version=version, replaces=replaces, **fields
    )
    _set_signatories(sheet, people)
    detail = _("Version %(version)s, %(count)s signatories") % {
        "version": version,
        "count": len(people),
    }
    record_event(sheet, SigningEvent.Kind.PREPARED, by, detail)
    return sheet


@transaction.atomic
def update_draft(
    sheet: CommitmentSheet, by: User, *, people: Collection[User], **fields: Any
) -> CommitmentSheet:
    sheet = CommitmentSheet.objects.select_for_update().get(pk=sheet.pk)
    if sheet.status != CommitmentSheet.Status.DRAFT:
        raise SigningRefused(_("Only a draft can be edited; an issued sheet gets a new version."))
    for name, value in fields.items():
        setattr(sheet, name, value)
    sheet.save()
    _set_signatories(sheet, people)
    record_event(sheet, SigningEvent.Kind.EDITED, by)
    return sheet


@transaction.atomic
def issue(sheet: CommitmentSheet, by: User) -> CommitmentSheet:
    """Freeze the content: record its hash and open the sheet for signing."""
    sheet = CommitmentSheet.objects.select_for_update().get(pk=sheet.pk)
    if sheet.status != CommitmentSheet.Status.DRAFT:
        raise SigningRefused(_("This sheet has already been issued."))
    if not sheet.signatories.exists():
        raise SigningRefused(_("Choose at least one signatory before issuing."))
    if not certificate.usable():
        raise CertificateNotUsable(
            _(
                "This sheet cannot be issued yet: there is no valid signing certificate, "
                "so its signed PDF could not be made."
            )
        )
    sheet.content_hash = compute_hash(sheet)
    sheet.status = CommitmentSheet.Status.ISSUED
    sheet.issued_at = timezone.now()
    sheet.save()
    record_event(sheet, SigningEvent.Kind.ISSUED, by, _("Content frozen"))
    transaction.on_commit(lambda: _queue_notifications(sheet.pk))
    return sheet


@transaction.atomic
def void(sheet: CommitmentSheet, by: User, reason: str) -> CommitmentSheet:
    sheet = CommitmentSheet.objects.select_for_update().get(pk=sheet.pk)
    if sheet.status == CommitmentSheet.Status.VOIDED:
        raise SigningRefused(_("This sheet is already void."))
    sheet.status = CommitmentSheet.Status.VOIDED
    sheet.voided_at = timezone.now()
    sheet.void_reason = reason
    sheet.save()
    record_event(sheet, SigningEvent.Kind.VOIDED, by, reason)
    return sheet


@transaction.atomic
def revise(
    sheet: CommitmentSheet, by: User, *, people: Collection[User], **fields: Any
) -> CommitmentSheet:
    """Change an issued sheet: void this version and prepare the next as a draft."""
    sheet = CommitmentSheet.objects.select_for_update().get(pk=sheet.pk)
    if sheet.status == CommitmentSheet.Status.DRAFT:
        return update_draft(sheet, by, people=people, **fields)
    if hasattr(sheet, "replaced_by"):
        raise SigningRefused(_("A newer version of this sheet exists already."))
    if sheet.status != CommitmentSheet.Status.VOIDED:
        void(sheet, by, _("Changed after issuing; replaced by version %(version)s.")
             % {"version": sheet.version + 1})  # fmt: skip
    return prepare(sheet.programme, by, people=people, replaces=sheet, **fields)


# --- Signing -------------------------------------------------------------------------------


def new_nonce(signatory: Signatory) -> str:
    token = secrets.token_urlsafe(32)
    stale = timezone.now() - NONCE_LIFETIME * 12
    SigningNonce.objects.filter(signatory=signatory, created_at__lt=stale).delete()
    SigningNonce.objects.create(signatory=signatory, token=token)
    return token


def use_nonce(signatory: Signatory, token: str) -> bool:
    """Spend a form's one-time token; False when it is unknown, used or too old."""
    if not token:
        return False
    fresh_since = timezone.now() - NONCE_LIFETIME
    return bool(
        SigningNonce.objects.filter(
            signatory=signatory, token=token, used_at__isnull=True, created_at__gte=fresh_since
        ).update(used_at=timezone.now())
    )


def is_turn_of(signatory: Signatory) -> bool:
    """With the regional head signing last, they wait until everyone else has signed."""
    sheet = signatory.sheet
    if not (sheet.regional_head_last and signatory.is_regional_head):
        return True
    others = sheet.signatories.exclude(pk=signatory.pk).filter(is_regional_head=False)
    return not others.exclude(signature__outcome=Signature.Outcome.SIGNED).exists()


@dataclass
class Request:
    """Who asks and from where; the view builds it from the HTTP request."""

    user: User
    ip: str | None
    user_agent: str


def _confirm_password(who: Request, password: str) -> None:
    """The password again, counted with the sign-in's wrong passwords (outside the request's
    transaction, so that a refusal does not roll the count back)."""
    try:
        right = throttling.confirm_password(
            who.user, password or "", address=who.ip, user_agent=who.user_agent
        )
    except throttling.LockedOut as locked:
        raise SigningRefused(str(locked)) from locked
    if not right:
        raise SigningRefused(_("The password is wrong. Enter the password you sign in with."))


def _check(
    sheet_id: int, who: Request, nonce: str, seen_hash: str
) -> tuple[CommitmentSheet, Signatory]:
    """Refuse a request that must not be recorded; return the locked sheet and signatory."""
    signatory = Signatory.objects.filter(sheet_id=sheet_id, user=who.user).first()
    if signatory is None:
        raise SigningRefused(_("You are not a signatory of this sheet."))
    if not use_nonce(signatory, nonce):
        raise SigningRefused(
            _("This signing form was already sent or has expired. Check the sheet and sign again.")
        )
    sheet = CommitmentSheet.objects.select_for_update().get(pk=sheet_id)
    signatory = Signatory.objects.select_related("sheet").get(pk=signatory.pk)
    if sheet.status == CommitmentSheet.Status.VOIDED:
        raise SigningRefused(_("This sheet has been voided and can no longer be signed."))
    if Signature.objects.filter(signatory=signatory).exists():
        raise SigningRefused(_("You have already answered this sheet; a signature is final."))
    if sheet.status != CommitmentSheet.Status.ISSUED:
        raise SigningRefused(_("This sheet is not open for signing."))
    if seen_hash != sheet.content_hash or compute_hash(sheet) != sheet.content_hash:
        raise SigningRefused(
            _(
                "The sheet has changed since it was issued or since you opened it; it cannot be signed."
            )
        )
    if not is_turn_of(signatory):
        raise SigningRefused(_("The regional head signs after every other signatory."))
    return sheet, signatory


def _refused(sheet_id: int, who: Request, refusal: SigningRefused) -> None:
    sheet = CommitmentSheet.objects.filter(pk=sheet_id).first()
    if sheet:
        with transaction.atomic():
            CommitmentSheet.objects.select_for_update().get(pk=sheet_id)
            record_event(sheet, SigningEvent.Kind.REFUSED, who.user, str(refusal), who.ip)


def sign(
    sheet_id: int,
    who: Request,
    *,
    password: str,
    nonce: str,
    seen_hash: str,
    image: bytes,
    method: str,
) -> Signature:
    """Record the caller's signature on an issued sheet, or raise SigningRefused."""
    try:
        _confirm_password(who, password)
        with transaction.atomic():
            sheet, signatory = _check(sheet_id, who, nonce, seen_hash)
            return record_signature(sheet, signatory, who, image=image, method=method)
    except SigningRefused as refusal:
        _refused(sheet_id, who, refusal)
        raise


def record_signature(
    sheet: CommitmentSheet, signatory: Signatory, who: Request, *, image: bytes, method: str
) -> Signature:
    """Store a signature whose request passed every check (``sign`` checks; the demo trusts)."""
    signature = Signature.objects.create(
        signatory=signatory,
        outcome=Signature.Outcome.SIGNED,
        method=method,
        image=image,
        image_sha256=hashlib.sha256(image).hexdigest(),
        content_hash=sheet.content_hash,
        ip_address=who.ip,
        user_agent=who.user_agent[:500],
    )
    detail = f"{signature.get_method_display()}; PNG SHA-256 {signature.image_sha256}; {who.user_agent[:200]}"
    record_event(sheet, SigningEvent.Kind.SIGNED, who.user, detail, who.ip)
    _complete_if_everyone_signed(sheet)
    if sheet.status == CommitmentSheet.Status.ISSUED and not signatory.is_regional_head:
        head = sheet.signatories.filter(is_regional_head=True, signature__isnull=True).first()
        if head and sheet.regional_head_last and is_turn_of(head):
            transaction.on_commit(lambda: _queue_notifications(sheet.pk))  # the head's turn now
    return signature


def decline(
    sheet_id: int, who: Request, *, password: str, nonce: str, seen_hash: str, reason: str
) -> Signature:
    """Record that the caller declines to sign, with their reason."""
    try:
        _confirm_password(who, password)
        with transaction.atomic():
            sheet, signatory = _check(sheet_id, who, nonce, seen_hash)
            signature = Signature.objects.create(
                signatory=signatory,
                outcome=Signature.Outcome.DECLINED,
                reason=reason,
                content_hash=sheet.content_hash,
                ip_address=who.ip,
                user_agent=who.user_agent[:500],
            )
            record_event(sheet, SigningEvent.Kind.DECLINED, who.user, reason, who.ip)
            return signature
    except SigningRefused as refusal:
        _refused(sheet_id, who, refusal)
        raise


def _complete_if_everyone_signed(sheet: CommitmentSheet) -> None:
    unsigned = sheet.signatories.exclude(signature__outcome=Signature.Outcome.SIGNED)
    if unsigned.exists():
        return
    sheet.status = CommitmentSheet.Status.COMPLETED
    sheet.completed_at = timezone.now()
    sheet.pdf_status = CommitmentSheet.PdfStatus.QUEUED
    sheet.save()
    record_event(sheet, SigningEvent.Kind.COMPLETED)
    enqueue(signed_pdf.sign_commitment_pdf, sheet.pk)


# --- Signature images ----------------------------------------------------------------------


def validate_png(data: bytes) -> bytes:
    """Accept a small, real PNG with something drawn on it; raise ValueError otherwise."""
    from PIL import Image

    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError(_("The signature is not a PNG image."))
    if len(data) > MAX_IMAGE_BYTES:
        raise ValueError(_("The signature image is too large."))
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            if image.format != "PNG" or max(image.size) > MAX_IMAGE_SIDE:
                raise ValueError(_("The signature image is too large."))
            drawn = image.convert("RGBA").getchannel("A").getbbox()
    except (OSError, SyntaxError) as exc:
        raise ValueError(_("The signature image cannot be read.")) from exc
    if not drawn:
        raise ValueError(_("The signature is empty: draw it in the box."))
    return data


def typed_signature_png(text: str) -> bytes:
    """A PNG of a typed name in an italic face, for those who type rather than draw."""
    from PIL import Image, ImageDraw, ImageFont

    font: ImageFont.FreeTypeFont | ImageFont.ImageFont
    try:
        font = ImageFont.truetype("DejaVuSerif-Italic.ttf", 44)
    except OSError:
        font = ImageFont.load_default(size=44)
    left, top, right, bottom = font.getbbox(text)
    # getbbox gives whole pixels, though typed as floats
    image = Image.new("RGBA", (right - left + 40, bottom - top + 30), (0, 0, 0, 0))  # type: ignore[arg-type]
    ImageDraw.Draw(image).text((20 - left, 15 - top), text, font=font, fill=(16, 32, 96, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


# --- What people see -----------------------------------------------------------------------


def with_signatures(queryset: QuerySet[CommitmentSheet]) -> QuerySet[CommitmentSheet]:
    return queryset.select_related("programme").prefetch_related(
        Prefetch(
            "signatories",
            queryset=Signatory.objects.select_related("signature", "user").order_by("number"),
        )
    )


def awaiting(user: User) -> list[Signatory]:
    """The open sheets this person has yet to answer, the ones they may sign now first."""
    if not user.is_authenticated:
        return []
    mine = (
        Signatory.objects.filter(
            user=user, sheet__status=CommitmentSheet.Status.ISSUED, signature__isnull=True
        )
        .select_related("sheet__programme")
        .order_by("sheet__issued_at")
    )
    result = []
    for signatory in mine:
        signatory.may_sign_now = is_turn_of(signatory)  # type: ignore[attr-defined]  # for the page
        result.append(signatory)
    return sorted(result, key=lambda s: not s.may_sign_now)  # type: ignore[attr-defined]


def home_context(user: User, programme: Programme | None) -> dict:
    """The sheets awaiting this person's signature, whichever programme they belong to."""
    return {"awaiting_signature": awaiting(user)}


def progress(sheet: CommitmentSheet) -> dict:
    signatories = list(sheet.signatories.all())
    answers = [getattr(s, "signature", None) for s in signatories]
    signed = sum(1 for a in answers if a and a.outcome == Signature.Outcome.SIGNED)
    declined = sum(1 for a in answers if a and a.outcome == Signature.Outcome.DECLINED)
    return {
        "total": len(signatories),
        "signed": signed,
        "declined": declined,
        "pending": len(signatories) - signed - declined,
    }


def signed_sheets(programme: Programme) -> QuerySet[CommitmentSheet]:
    """The sheets signed by everyone, with signatories and signatures: Book III's appendix."""
    return with_signatures(
        CommitmentSheet.objects.filter(
            programme=programme, status=CommitmentSheet.Status.COMPLETED
        ).order_by("version")
    )


# --- Notifications -------------------------------------------------------------------------


def _queue_notifications(sheet_id: int) -> None:
    enqueue(send_signing_reminders, sheet_id, timezone.now().isoformat())


def request_reminders(sheet: CommitmentSheet, by: User) -> None:
    record_event(sheet, SigningEvent.Kind.REMINDED, by, _("Reminders requested"))
    transaction.on_commit(lambda: _queue_notifications(sheet.pk))


def send_reminders(sheet_id: int, requested_at: datetime.datetime) -> int:
    """E-mail each signatory whose turn it is and who has not been written to since the request."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation

    sheet = CommitmentSheet.objects.filter(pk=sheet_id).first()
    if sheet is None or sheet.status != CommitmentSheet.Status.ISSUED:
        return 0
    due = sheet.signatories.filter(signature__isnull=True).filter(
        Q(last_notified_at__isnull=True) | Q(last_notified_at__lt=requested_at)
    )
    sent = 0
    link = settings.SITE_URL.rstrip("/") + reverse("masterplan:commitments:sign", args=[sheet.pk])
    for signatory in due.select_related("user"):
        if not signatory.user.email or not is_turn_of(signatory):
            continue
        with translation.override(signatory.user.language or settings.LANGUAGE_CODE):
            body = render_to_string(
                "masterplan/signing/reminder_email.txt",
                {"signatory": signatory, "sheet": sheet, "link": link},
            )
            subject = _("Awaiting your signature: %(title)s") % {"title": sheet.title}
        send_mail(subject, body, None, [signatory.user.email])
        Signatory.objects.filter(pk=signatory.pk).update(last_notified_at=timezone.now())
        sent += 1
    return sent


@shared_task(name="masterplan.tasks.send_signing_reminders", time_limit=120, soft_time_limit=100)
def send_signing_reminders(sheet_id: int, requested_at: str) -> int:
    return send_reminders(sheet_id, datetime.datetime.fromisoformat(requested_at))
