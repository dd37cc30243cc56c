"""Commitment sheets and their signatures (signing.py beside this file holds the rules)."""

import base64

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from regency.files import PrivateStorage
from regency.models import Programme
from regency.permissions import can_read_books

# --- Commitment sheets and their signatures (masterplan/signing.py holds the rules) ----------


class CommitmentSheetQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Readers see every sheet; anyone else only the sheets they are asked to sign."""
        if not user.is_authenticated:
            return self.none()
        if can_read_books(user):
            return self
        return self.filter(signatories__user=user).distinct()


class CommitmentSheet(models.Model):
    """One version of a programme's commitment sheet (lembar komitmen).

    Issued, its content is frozen by ``content_hash``; a change voids it and starts a new
    version, and the old one keeps its signatures.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Open for signing")
        COMPLETED = "completed", _("Signed by everyone")
        VOIDED = "voided", _("Voided")

    class PdfStatus(models.TextChoices):
        NONE = "", _("Not yet")
        QUEUED = "queued", _("Queued")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="commitment_sheets",
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        editable=False,
    )
    title = models.CharField(_("title"), max_length=200, default="Lembar Komitmen")
    statement = models.TextField(_("statement"))
    place = models.CharField(_("place"), max_length=100)
    date = models.DateField(_("date"))
    regional_head_last = models.BooleanField(_("the regional head signs last"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64, blank=True)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    completed_at = models.DateTimeField(_("signed by everyone"), null=True, blank=True)
    voided_at = models.DateTimeField(_("voided"), null=True, blank=True)
    void_reason = models.CharField(_("reason for voiding"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("prepared by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("prepared"), auto_now_add=True)
    pdf_status = models.CharField(
        _("signed PDF"), max_length=10, choices=PdfStatus.choices, default="", blank=True
    )
    pdf_error = models.TextField(_("error"), blank=True)
    signed_pdf = models.FileField(
        _("signed PDF"), storage=PrivateStorage(), upload_to="commitments/", blank=True
    )
    pdf_sha256 = models.CharField(_("SHA-256 of the signed PDF"), max_length=64, blank=True)
    pdf_certificate = models.TextField(_("certificate that signed the PDF (PEM)"), blank=True)

    objects = CommitmentSheetQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment sheet")
        verbose_name_plural = _("commitment sheets")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def filename(self) -> str:
        return f"Lembar-Komitmen-{self.programme.year_joined}-v{self.version}.pdf"


class Signatory(models.Model):
    """A person asked to sign a sheet; name and position are copied when the sheet is prepared."""

    sheet = models.ForeignKey(
        CommitmentSheet,
        verbose_name=_("commitment sheet"),
        on_delete=models.CASCADE,
        related_name="signatories",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="signatory_roles",
    )
    number = models.PositiveSmallIntegerField(pgettext_lazy("number column", "No"))
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=300)
    is_regional_head = models.BooleanField(_("regional head"), default=False)
    last_notified_at = models.DateTimeField(_("last e-mail"), null=True, blank=True)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["sheet", "number"]
        constraints = [
            models.UniqueConstraint(fields=["sheet", "user"], name="one_signatory_per_person"),
        ]

    def __str__(self) -> str:
        return self.name


class Signature(models.Model):
    """A signatory's answer: a signature, or a refusal with its reason. Never changed."""

    class Outcome(models.TextChoices):
        SIGNED = "signed", _("Signed")
        DECLINED = "declined", _("Declined")

    class Method(models.TextChoices):
        DRAWN = "drawn", _("Drawn")
        TYPED = "typed", _("Typed")

    signatory = models.OneToOneField(
        Signatory,
        verbose_name=_("signatory"),
        on_delete=models.PROTECT,
        related_name="signature",
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    method = models.CharField(_("method"), max_length=10, choices=Method.choices, blank=True)
    image = models.BinaryField(_("signature image (PNG)"), blank=True, default=b"")
    image_sha256 = models.CharField(_("SHA-256 of the image"), max_length=64, blank=True)
    reason = models.CharField(_("reason for declining"), max_length=500, blank=True)
    content_hash = models.CharField(_("content hash signed"), max_length=64)
    signed_at = models.DateTimeField(_("time"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")

    def __str__(self) -> str:
        return f"{self.signatory} · {self.get_outcome_display()}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise ValueError("A signature is never changed.")
        super().save(*args, **kwargs)

    @property
    def data_uri(self) -> str:
        """The image as a data: URI, so pages and the PDF show it without a file view."""
        if not self.image:
            return ""
        return "data:image/png;base64," + base64.b64encode(bytes(self.image)).decode()


class SigningEvent(models.Model):
    """The audit trail of a sheet; each event's hash chains to the one before it."""

    class Kind(models.TextChoices):
        PREPARED = "prepared", _("Prepared")
        EDITED = "edited", _("Edited")
        ISSUED = "issued", _("Issued for signing")
        SIGNED = "signed", _("Signed")
        DECLINED = "declined", _("Declined")
        REFUSED = "refused", _("Signing attempt refused")
        REMINDED = "reminded", _("Reminder sent")
        COMPLETED = "completed", _("Signed by everyone")
        PDF_SIGNED = "pdf_signed", _("Signed PDF issued")
        VOIDED = "voided", _("Voided")

    sheet = models.ForeignKey(
        CommitmentSheet,
        verbose_name=_("commitment sheet"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    kind = models.CharField(_("event"), max_length=12, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("by"), max_length=200, blank=True)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    at = models.DateTimeField(_("time"), default=timezone.now)
    previous_hash = models.CharField(_("previous event hash"), max_length=64, blank=True)
    event_hash = models.CharField(_("event hash"), max_length=64)

    class Meta:
        verbose_name = _("signing event")
        verbose_name_plural = _("signing events")
        ordering = ["sheet", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.actor_name}"


class SigningNonce(models.Model):
    """A one-time token in each signing form, so that a replayed request is refused."""

    signatory = models.ForeignKey(
        Signatory, verbose_name=_("signatory"), on_delete=models.CASCADE, related_name="nonces"
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        verbose_name = _("signing form token")
        verbose_name_plural = _("signing form tokens")

    def __str__(self) -> str:
        return f"{self.signatory} · {self.created_at:%Y-%m-%d %H:%M}"
