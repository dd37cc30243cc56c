"""The signed PDF of a commitment sheet: render, sign (PAdES with pyHanko) and verify.

The installation signs with its own key and certificate (SIGNING_KEY_FILE,
SIGNING_CERT_FILE, SIGNING_KEY_PASSPHRASE). ``create_certificate`` makes a self-signed pair
for development and the demo; production configures one from a certification authority.
"""

import datetime
import hashlib
import io
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from regency.files import html_to_pdf
from regency.local_time import regency_time
from regency.models import Regency
from regency.outbox import enqueue

from . import audit
from .models import CommitmentSheet, SigningEvent

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner

log = logging.getLogger(__name__)


class SigningCertificateMissing(RuntimeError):
    pass


# --- The installation's certificate -------------------------------------------------------


def create_certificate(
    key_file: Path, cert_file: Path, passphrase: str, common_name: str, years: int = 10
) -> str:
    """Write a new RSA key and a self-signed certificate for document signing; return its SHA-256."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, common_name),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{common_name} - Smart City"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    encryption = (
        serialization.BestAvailableEncryption(passphrase.encode())
        if passphrase
        else serialization.NoEncryption()
    )
    key_file.parent.mkdir(parents=True, exist_ok=True)
    cert_file.parent.mkdir(parents=True, exist_ok=True)
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    )
    key_file.chmod(0o600)
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return certificate.fingerprint(hashes.SHA256()).hex()


def chain_file() -> Path:
    """Where the certificates that issued the signing certificate are kept (PEM), so that the
    signed PDF embeds them and a reader can build the trust chain to the national CA."""
    cert_file = Path(settings.SIGNING_CERT_FILE)
    return cert_file.with_name(f"{cert_file.stem}-chain.pem")


def _signer() -> "SimpleSigner":
    from pyhanko.sign import signers

    key_file, cert_file = Path(settings.SIGNING_KEY_FILE), Path(settings.SIGNING_CERT_FILE)
    if not (key_file.exists() and cert_file.exists()):
        raise SigningCertificateMissing(
            f"No signing certificate at {cert_file}: set SIGNING_KEY_FILE and SIGNING_CERT_FILE, "
            "or run `python manage.py create_signing_certificate` for development."
        )
    passphrase = settings.SIGNING_KEY_PASSPHRASE.encode() or None
    chain = chain_file()
    issuers = [str(chain)] if chain.exists() and chain.stat().st_size else []
    signer = signers.SimpleSigner.load(
        str(key_file), str(cert_file), ca_chain_files=issuers, key_passphrase=passphrase
    )
    if signer is None:
        raise SigningCertificateMissing("The signing key or certificate could not be read.")
    return signer


def installation_certificates() -> list:
    """Certificates this installation signs or has signed with: the current one and past ones."""
    from pyhanko.keys import load_cert_from_pemder

    found = {}
    cert_file = Path(settings.SIGNING_CERT_FILE)
    if cert_file.exists():
        current = load_cert_from_pemder(str(cert_file))
        found[current.sha256] = current
    pems = CommitmentSheet.objects.exclude(pdf_certificate="").values_list(
        "pdf_certificate", flat=True
    )
    for pem in set(pems):
        from asn1crypto import pem as asn1_pem
        from asn1crypto import x509

        _, _, der = asn1_pem.unarmor(pem.encode())
        certificate = x509.Certificate.load(der)
        found.setdefault(certificate.sha256, certificate)
    return list(found.values())


# --- Rendering and signing ------------------------------------------------------------------


@regency_time()
def sheet_html(sheet: CommitmentSheet) -> str:
    regency = Regency.load()
    emblem_uri = ""
    if regency and regency.emblem:
        emblem_uri = f"file://{regency.emblem.path}"
    rows: list[dict[str, Any]] = []
    for signatory in sheet.signatories.select_related("signature").order_by("number"):
        signature = getattr(signatory, "signature", None)
        rows.append(
            {
                "signatory": signatory,
                "signature": signature,
                "image": signature.data_uri if signature else "",
            }
        )
    head = next((row for row in rows if row["signatory"].is_regional_head), None)
    with translation.override("id"):
        return render_to_string(
            "masterplan/signing/print/sheet.html",
            {
                "regency": regency,
                "emblem_uri": emblem_uri,
                "sheet": sheet,
                "rows": [row for row in rows if row is not head],
                "head": head,
                "events": sheet.events.order_by("at", "pk"),
                "trail_intact": audit.audit_trail_intact(sheet),
                "tz": regency.time_zone if regency else settings.TIME_ZONE,
            },
        )


def sign_pdf(pdf: bytes, reason: str, location: str) -> tuple[bytes, str]:
    """Sign a PDF with the installation's key (PAdES baseline B); return it and the cert's PEM."""
    from asn1crypto import pem
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = _signer()
    metadata = signers.PdfSignatureMetadata(
        field_name="TandaTanganInstansi",
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    signed = signers.sign_pdf(writer, metadata, signer=signer).getvalue()
    certificate_pem = pem.armor("CERTIFICATE", signer.signing_cert.dump()).decode()  # type: ignore[union-attr]  # loaded with its certificate
    return signed, certificate_pem


def produce(sheet_id: int) -> CommitmentSheet | None:
    """Render and sign a completed sheet's PDF once; record the outcome on the sheet."""
    sheet = CommitmentSheet.objects.filter(pk=sheet_id).select_related("programme").first()
    if sheet is None or sheet.status != CommitmentSheet.Status.COMPLETED:
        return sheet
    if sheet.pdf_status == CommitmentSheet.PdfStatus.DONE and sheet.signed_pdf:
        return sheet
    try:
        pdf, _pages = html_to_pdf(sheet_html(sheet))
        regency = Regency.load()
        signed, certificate_pem = sign_pdf(
            pdf,
            reason=f"{sheet.title} v{sheet.version}",
            location=regency.official_name if regency else sheet.place,
        )
    except Exception as exc:  # the sheet must say why, whatever failed
        log.exception("Signing the PDF of sheet %s failed", sheet_id)
        CommitmentSheet.objects.filter(pk=sheet_id).update(
            pdf_status=CommitmentSheet.PdfStatus.FAILED, pdf_error=f"{type(exc).__name__}: {exc}"
        )
        sheet.refresh_from_db()
        return sheet
    digest = hashlib.sha256(signed).hexdigest()
    with transaction.atomic():
        sheet = CommitmentSheet.objects.select_for_update().get(pk=sheet_id)
        if sheet.pdf_status == CommitmentSheet.PdfStatus.DONE and sheet.signed_pdf:
            return sheet  # another worker finished first
        sheet.signed_pdf.save(
            f"{sheet.pk}-v{sheet.version}-{digest[:16]}.pdf", ContentFile(signed), save=False
        )
        sheet.pdf_sha256 = digest
        sheet.pdf_certificate = certificate_pem
        sheet.pdf_status = CommitmentSheet.PdfStatus.DONE
        sheet.pdf_error = ""
        sheet.save()
        audit.record_event(sheet, SigningEvent.Kind.PDF_SIGNED, detail=f"PDF SHA-256 {digest}")
    return sheet


def request_again(sheet: CommitmentSheet) -> bool:
    """Queue a completed sheet's PDF once more, unless it is already made; True if queued."""
    queued = (
        CommitmentSheet.objects.filter(pk=sheet.pk, status=CommitmentSheet.Status.COMPLETED)
        .exclude(pdf_status=CommitmentSheet.PdfStatus.DONE)
        .update(pdf_status=CommitmentSheet.PdfStatus.QUEUED, pdf_error="")
    )
    if queued:
        enqueue(sign_commitment_pdf, sheet.pk)
    return bool(queued)


# --- Verification ---------------------------------------------------------------------------


@dataclass
class Verification:
    valid: bool
    message: str
    sheet: CommitmentSheet | None = None
    signer: str = ""
    signed_at: datetime.datetime | None = None


def verify(data: bytes) -> Verification:
    """Tell whether a PDF is an unmodified sheet signed by this installation, and which one."""
    from django.utils.translation import gettext as _
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    failed = Verification(
        False,
        _(
            "This file is not a commitment sheet signed by this installation, or it was changed after signing."
        ),
    )
    if not data.startswith(b"%PDF"):
        return Verification(False, _("This file is not a PDF."))
    trusted = installation_certificates()
    if not trusted:
        return Verification(False, _("This installation has no signing certificate yet."))
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
        if len(signatures) != 1:
            return failed
        status = validate_pdf_signature(
            signatures[0], ValidationContext(trust_roots=trusted, allow_fetching=False)
        )
    except Exception:  # a damaged file is simply not a valid signed sheet
        log.info("A PDF failed verification", exc_info=True)
        return failed
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if not (status.intact and status.valid and status.trusted and whole):
        return failed
    sheet = (
        CommitmentSheet.objects.filter(pdf_sha256=hashlib.sha256(data).hexdigest())
        .select_related("programme")
        .first()
    )
    signer = status.signing_cert.subject.human_friendly
    signed_at = status.signer_reported_dt
    if sheet is None:
        return Verification(
            False,
            _("The signature is this installation's, but no sheet here has this exact file."),
            signer=signer,
            signed_at=signed_at,
        )
    return Verification(
        True,
        _("Valid: an unmodified commitment sheet signed by this installation."),
        sheet=sheet,
        signer=signer,
        signed_at=signed_at or timezone.now(),
    )


@shared_task(name="masterplan.tasks.sign_commitment_pdf")
def sign_commitment_pdf(sheet_id: int) -> str:
    sheet = produce(sheet_id)
    return sheet.pdf_status if sheet else "missing"
