"""The installation's signing certificate: what it is, generating one for trial, installing
the regency's own (PKCS#12, or a PEM key and certificate) after checking it.

The key and certificate live where settings.SIGNING_KEY_FILE and SIGNING_CERT_FILE point
(a private folder, never served); the key is kept encrypted with SIGNING_KEY_PASSPHRASE,
whatever password it came with, so that signed_pdf reads every kind the same way.
"""

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from regency.models import Programme, Regency, User
from regency.permissions import is_secretariat

from .signed_pdf import chain_file, create_certificate

# The home page warns the secretariat this long before the certificate expires.
WARN_BEFORE = datetime.timedelta(days=30)


class CertificateRefused(ValueError):
    """An uploaded key or certificate that cannot be used; the message says why."""


@dataclass
class CertificateInfo:
    holder: str
    issuer: str
    valid_from: datetime.datetime
    valid_until: datetime.datetime
    fingerprint: str

    @property
    def self_signed(self) -> bool:
        return self.holder == self.issuer

    @property
    def expired(self) -> bool:
        return self.valid_until <= timezone.now()

    @property
    def expires_soon(self) -> bool:
        return self.valid_until <= timezone.now() + WARN_BEFORE

    @property
    def days_left(self) -> int:
        return max((self.valid_until - timezone.now()).days, 0)


def _name(name: x509.Name) -> str:
    """A certificate's name as people read it: its common name first, then the rest."""
    common = [str(a.value) for a in name.get_attributes_for_oid(NameOID.COMMON_NAME)]
    rest = [str(a.value) for a in reversed(list(name)) if a.oid != NameOID.COMMON_NAME]
    return " · ".join(common + rest) or name.rfc4514_string()


def _info(certificate: x509.Certificate) -> CertificateInfo:
    return CertificateInfo(
        holder=_name(certificate.subject),
        issuer=_name(certificate.issuer),
        valid_from=certificate.not_valid_before_utc,
        valid_until=certificate.not_valid_after_utc,
        fingerprint=certificate.fingerprint(hashes.SHA256()).hex(),
    )


def current() -> CertificateInfo | None:
    """The installed certificate, or None when there is none (or no key beside it)."""
    key_file, cert_file = Path(settings.SIGNING_KEY_FILE), Path(settings.SIGNING_CERT_FILE)
    if not (key_file.exists() and cert_file.exists()):
        return None
    try:
        return _info(x509.load_pem_x509_certificate(cert_file.read_bytes()))
    except ValueError:
        return None


def usable() -> bool:
    """True when sheets can be signed: a key and an unexpired certificate are installed."""
    info = current()
    return info is not None and not info.expired


def _default_name() -> str:
    regency = Regency.load()
    return f"Pemerintah {regency.official_name}" if regency else "Pemerintah Daerah"


def generate() -> CertificateInfo:
    """Make a self-signed certificate for trial (as ``manage.py create_signing_certificate``)."""
    create_certificate(
        Path(settings.SIGNING_KEY_FILE),
        Path(settings.SIGNING_CERT_FILE),
        settings.SIGNING_KEY_PASSPHRASE,
        _default_name(),
    )
    info = current()
    assert info is not None  # just written
    return info


def read_pkcs12(
    data: bytes, password: str
) -> tuple[PrivateKeyTypes, x509.Certificate, list[x509.Certificate]]:
    """The key, certificate and issuing chain of a PKCS#12 file (.p12, .pfx)."""
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(data, password.encode() or None)
    except ValueError as exc:
        raise CertificateRefused(
            _("The PKCS#12 file could not be opened: the password is wrong or the file is damaged.")
        ) from exc
    if key is None or certificate is None:
        raise CertificateRefused(_("The PKCS#12 file holds no private key with its certificate."))
    return key, certificate, list(chain)


def read_pem(
    key_data: bytes, cert_data: bytes, password: str
) -> tuple[PrivateKeyTypes, x509.Certificate, list[x509.Certificate]]:
    """The key, certificate and issuing chain of two PEM files (the certificate file may hold
    the issuers after the certificate, as a CA's "fullchain" file does)."""
    try:
        certificate, *chain = x509.load_pem_x509_certificates(cert_data)
    except ValueError as exc:
        raise CertificateRefused(_("The certificate file is not a PEM certificate.")) from exc
    try:
        key = serialization.load_pem_private_key(key_data, password.encode() or None)
    except TypeError as exc:  # encrypted without a password, or a password for a plain key
        raise CertificateRefused(
            _("The private key needs its password, or it has none: check the password.")
        ) from exc
    except ValueError as exc:
        raise CertificateRefused(
            _(
                "The private key could not be read: the password is wrong or the file is not a PEM key."
            )
        ) from exc
    return key, certificate, chain


def _public(key: Any) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def check(key: PrivateKeyTypes, certificate: x509.Certificate) -> CertificateInfo:
    """Refuse a key and certificate that do not belong together or are not valid now."""
    if _public(key) != certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    ):
        raise CertificateRefused(_("The private key does not belong to this certificate."))
    info = _info(certificate)
    if info.expired:
        raise CertificateRefused(_("This certificate has expired."))
    if info.valid_from > timezone.now():
        raise CertificateRefused(_("This certificate is not valid yet."))
    return info


def install(
    key: PrivateKeyTypes, certificate: x509.Certificate, chain: Sequence[x509.Certificate] = ()
) -> CertificateInfo:
    """Check a key and certificate, then keep them where the signing reads them."""
    info = check(key, certificate)
    passphrase = settings.SIGNING_KEY_PASSPHRASE
    encryption = (
        serialization.BestAvailableEncryption(passphrase.encode())
        if passphrase
        else serialization.NoEncryption()
    )
    key_file, cert_file = Path(settings.SIGNING_KEY_FILE), Path(settings.SIGNING_CERT_FILE)
    key_file.parent.mkdir(parents=True, exist_ok=True)
    cert_file.parent.mkdir(parents=True, exist_ok=True)
    key_bytes = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    # Both files are written aside and then put in place, so that a signing that reads them
    # meanwhile never pairs the new key with the old certificate (or a half-written file).
    key_new, cert_new = key_file.with_suffix(".new"), cert_file.with_suffix(".new")
    key_new.touch(mode=0o600)
    key_new.chmod(0o600)
    key_new.write_bytes(key_bytes)
    cert_new.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    chain_pem = b"".join(issuer.public_bytes(serialization.Encoding.PEM) for issuer in chain)
    chain_new = chain_file().with_suffix(".new")
    chain_new.write_bytes(chain_pem)
    os.replace(chain_new, chain_file())
    os.replace(cert_new, cert_file)
    os.replace(key_new, key_file)
    return info


def home_context(user: User, programme: Programme | None) -> dict[str, Any]:
    """For the secretariat: a warning when the certificate is missing or expires soon."""
    if not is_secretariat(user):
        return {}
    info = current()
    if info is not None and not info.expires_soon:
        return {}
    return {"certificate_warning": {"info": info}}
