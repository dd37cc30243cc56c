"""The signing certificate: generated for trial or uploaded (PEM, PKCS#12), checked before it
is kept, shown, warned about on the secretariat's home, and required for issuing a sheet."""

import datetime
import io

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from masterplan.commitments import signed_pdf, signing
from masterplan.models import CommitmentSheet
from regency.models import Role
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
URL = "/commitments/certificate/"
PASSPHRASE = "simpan-rahasia"


@pytest.fixture
def signing_files(settings, tmp_path):
    """An installation without a certificate yet, in a folder of its own."""
    settings.SIGNING_KEY_FILE = tmp_path / "signing" / "key.pem"
    settings.SIGNING_CERT_FILE = tmp_path / "signing" / "cert.pem"
    settings.SIGNING_KEY_PASSPHRASE = PASSPHRASE
    return settings


def make_pair(days: int = 730, common_name: str = "Pemerintah Kota Bontang", key=None):
    """A key and a certificate as a certification authority would give them (here: BSrE)."""
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    issuer = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "OSD BSrE Uji")])
    ca_key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=days))
        .sign(ca_key, hashes.SHA256())
    )
    return key, certificate


def pem_files(key, certificate, password: str = ""):
    encryption = (
        serialization.BestAvailableEncryption(password.encode())
        if password
        else serialization.NoEncryption()
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    return {
        "key": SimpleUploadedFile("kunci.pem", key_pem),
        "certificate": SimpleUploadedFile(
            "sertifikat.pem", certificate.public_bytes(serialization.Encoding.PEM)
        ),
        "password": password,
    }


def pkcs12_file(key, certificate, password: str):
    data = pkcs12.serialize_key_and_certificates(
        b"bontang", key, certificate, None, serialization.BestAvailableEncryption(password.encode())
    )
    return {"bundle": SimpleUploadedFile("bontang.p12", data), "password": password}


def installed_holder(settings) -> str:
    return x509.load_pem_x509_certificate(
        settings.SIGNING_CERT_FILE.read_bytes()
    ).subject.rfc4514_string()


class TestGenerating:
    def test_the_secretariat_generates_a_self_signed_certificate_that_signs(
        self, regency, login, secretariat, signing_files
    ):
        response = login(secretariat).post(URL, {"generate": "1"}, follow=True)
        page = response.content.decode()
        assert "Pemerintah Kabupaten Tuban - Smart City" in page
        assert signing_files.SIGNING_KEY_FILE.stat().st_mode & 0o077 == 0
        signed, _pem = signed_pdf.sign_pdf(minimal_pdf(), reason="uji", location="Tuban")
        assert signed.startswith(b"%PDF")


class TestUploading:
    def test_a_pem_key_and_certificate_are_installed_and_shown(
        self, regency, login, secretariat, signing_files
    ):
        key, certificate = make_pair()
        response = login(secretariat).post(
            URL, pem_files(key, certificate, "kata-sandi"), follow=True
        )
        page = response.content.decode()
        assert "Sertifikat telah diperiksa dan dipasang." in page
        assert "Pemerintah Kota Bontang" in page and "OSD BSrE Uji" in page
        assert installed_holder(signing_files) == "CN=Pemerintah Kota Bontang"
        signed, pem = signed_pdf.sign_pdf(minimal_pdf(), reason="uji", location="Bontang")
        assert x509.load_pem_x509_certificate(pem.encode()) == certificate

    def test_a_pkcs12_file_with_its_password_is_installed(
        self, regency, login, secretariat, signing_files
    ):
        key, certificate = make_pair()
        response = login(secretariat).post(URL, pkcs12_file(key, certificate, "p12-rahasia"))
        assert response.status_code == 302
        assert installed_holder(signing_files) == "CN=Pemerintah Kota Bontang"
        assert signing_files.SIGNING_KEY_FILE.stat().st_mode & 0o077 == 0
        signed_pdf.sign_pdf(minimal_pdf(), reason="uji", location="Bontang")

    def test_the_issuers_in_a_pkcs12_file_are_embedded_in_every_signed_pdf(
        self, regency, login, secretariat, signing_files
    ):
        from pyhanko.pdf_utils.reader import PdfFileReader

        key, certificate = make_pair()
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "OSD BSrE Uji")])
        now = datetime.datetime.now(datetime.UTC)
        issuer = (
            x509.CertificateBuilder()
            .subject_name(ca_name)
            .issuer_name(ca_name)
            .public_key(ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=3650))
            .sign(ca_key, hashes.SHA256())
        )
        data = pkcs12.serialize_key_and_certificates(
            b"bontang", key, certificate, [issuer], serialization.BestAvailableEncryption(b"p12")
        )
        upload = {"bundle": SimpleUploadedFile("bontang.p12", data), "password": "p12"}
        assert login(secretariat).post(URL, upload).status_code == 302
        signed, _pem = signed_pdf.sign_pdf(minimal_pdf(), reason="uji", location="Bontang")
        embedded = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
        names = {c.subject.human_friendly for c in embedded.other_embedded_certs}
        assert "Common Name: OSD BSrE Uji" in names

    def test_a_wrong_pkcs12_password_is_refused_in_indonesian(
        self, regency, login, secretariat, signing_files
    ):
        key, certificate = make_pair()
        upload = pkcs12_file(key, certificate, "p12-rahasia")
        upload["password"] = "salah"
        page = login(secretariat).post(URL, upload).content.decode()
        assert (
            "Berkas PKCS#12 tidak dapat dibuka: kata sandinya salah atau berkasnya rusak." in page
        )
        assert not signing_files.SIGNING_CERT_FILE.exists()

    def test_a_key_of_another_certificate_is_refused(
        self, regency, login, secretariat, signing_files
    ):
        _key, certificate = make_pair()
        other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        page = login(secretariat).post(URL, pem_files(other_key, certificate)).content.decode()
        assert "Kunci privat ini bukan milik sertifikat ini." in page
        assert not signing_files.SIGNING_CERT_FILE.exists()

    def test_a_wrong_key_password_is_refused(self, regency, login, secretariat, signing_files):
        key, certificate = make_pair()
        upload = pem_files(key, certificate, "benar")
        upload["password"] = "keliru"
        page = login(secretariat).post(URL, upload).content.decode()
        assert "Kunci privat tidak dapat dibaca" in page
        assert not signing_files.SIGNING_CERT_FILE.exists()

    def test_an_expired_certificate_is_refused_and_the_old_one_kept(
        self, regency, login, secretariat, signing_files
    ):
        signing_files_before = signed_pdf.create_certificate(
            signing_files.SIGNING_KEY_FILE, signing_files.SIGNING_CERT_FILE, PASSPHRASE, "Lama"
        )
        key, certificate = make_pair(days=-1)
        page = login(secretariat).post(URL, pem_files(key, certificate)).content.decode()
        assert "Sertifikat ini sudah kedaluwarsa." in page
        kept = x509.load_pem_x509_certificate(signing_files.SIGNING_CERT_FILE.read_bytes())
        assert kept.fingerprint(hashes.SHA256()).hex() == signing_files_before


class TestOnlyTheSecretariat:
    @pytest.mark.parametrize(
        "role", [Role.OPD_HEAD, Role.OPD_REPRESENTATIVE, Role.REGIONAL_HEAD, Role.MENTOR]
    )
    def test_others_can_neither_see_nor_change_the_certificate(
        self, regency, opd, login, signing_files, role
    ):
        person = UserFactory(username=f"orang-{role}", role=role, opd=opd)
        client = login(person)
        key, certificate = make_pair()
        assert client.get(URL).status_code == 403
        assert client.post(URL, {"generate": "1"}).status_code == 403
        assert client.post(URL, pem_files(key, certificate)).status_code == 403
        assert not signing_files.SIGNING_CERT_FILE.exists()

    def test_a_visitor_is_sent_to_sign_in(self, client, signing_files):
        response = client.post(URL, {"generate": "1"})
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        assert not signing_files.SIGNING_CERT_FILE.exists()


class TestTheHomePageWarns:
    def test_when_there_is_no_certificate(self, programme, login, secretariat, signing_files):
        page = login(secretariat).get("/").content.decode()
        assert "Belum ada sertifikat penanda tangan" in page
        assert reverse("masterplan:commitments:certificate") in page

    def test_when_it_expires_within_thirty_days(self, programme, login, secretariat, signing_files):
        from masterplan.commitments import certificate as installed

        installed.install(*make_pair(days=12))
        page = login(secretariat).get("/").content.decode()
        assert "Sertifikat penanda tangan berakhir dalam 11 hari" in page or (
            "Sertifikat penanda tangan berakhir dalam 12 hari" in page
        )

    def test_not_when_it_is_valid_for_long(self, programme, login, secretariat, signing_files):
        from masterplan.commitments import certificate as installed

        installed.install(*make_pair(days=400))
        page = login(secretariat).get("/").content.decode()
        assert "certificate-warning" not in page

    def test_not_to_an_opd_representative(self, programme, login, representative, signing_files):
        page = login(representative).get("/").content.decode()
        assert "certificate-warning" not in page


class TestIssuing:
    def test_issuing_without_a_certificate_is_refused_with_the_way_to_fix_it(
        self, programme, login, secretariat, opd_head, signing_files
    ):
        sheet = signing.prepare(
            programme,
            secretariat,
            people=[opd_head],
            title="Lembar Komitmen",
            statement=signing.default_statement(),
            place="Bontang",
            date=datetime.date(2026, 10, 11),
        )
        response = login(secretariat).post(
            reverse("masterplan:commitments:issue", args=[sheet.pk]), follow=True
        )
        page = response.content.decode()
        assert "Lembar ini belum dapat diterbitkan" in page
        assert f'<a href="{URL}">' in page
        sheet.refresh_from_db()
        assert sheet.status == CommitmentSheet.Status.DRAFT and not sheet.content_hash


def minimal_pdf() -> bytes:
    from regency.files import html_to_pdf

    pdf, _pages = html_to_pdf("<p>Uji</p>")
    return pdf


class TestAFailedPdfAfterTheCertificateIsFixed:
    def test_the_secretariat_installs_a_certificate_and_makes_the_pdf_again(
        self,
        programme,
        login,
        secretariat,
        opd_head,
        signing_files,
        django_capture_on_commit_callbacks,
    ):
        from .factories_signing import drawn_png

        signed_pdf.create_certificate(
            signing_files.SIGNING_KEY_FILE, signing_files.SIGNING_CERT_FILE, PASSPHRASE, "Uji"
        )
        sheet = signing.issue(
            signing.prepare(
                programme,
                secretariat,
                people=[opd_head],
                title="Lembar Komitmen",
                statement=signing.default_statement(),
                place="Bontang",
                date=datetime.date(2026, 10, 11),
            ),
            secretariat,
        )
        signing_files.SIGNING_CERT_FILE.unlink()  # lost before the last signature
        with django_capture_on_commit_callbacks(execute=True):
            signing.sign(
                sheet.pk,
                signing.Request(opd_head, "10.0.0.7", "Mozilla/5.0"),
                password=PASSWORD,
                nonce=signing.new_nonce(sheet.signatories.get()),
                seen_hash=sheet.content_hash,
                image=drawn_png(),
                method="drawn",
            )
        sheet.refresh_from_db()
        assert sheet.pdf_status == CommitmentSheet.PdfStatus.FAILED
        client = login(secretariat)
        page = client.get(
            reverse("masterplan:commitments:detail", args=[sheet.pk])
        ).content.decode()
        assert "Belum ada sertifikat penanda tangan yang berlaku." in page and URL in page

        client.post(URL, pkcs12_file(*make_pair(), "p12-rahasia"))
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("masterplan:commitments:pdf_again", args=[sheet.pk]))
        sheet.refresh_from_db()
        assert sheet.pdf_status == CommitmentSheet.PdfStatus.DONE, sheet.pdf_error
        used = x509.load_pem_x509_certificate(sheet.pdf_certificate.encode())
        assert used.subject.rfc4514_string() == "CN=Pemerintah Kota Bontang"
