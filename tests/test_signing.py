import base64
import datetime
import io
import re

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from masterplan.commitments import signed_pdf, signing
from masterplan.models import CommitmentSheet, Signature, SigningEvent
from regency.models import Role
from tests import pdftext
from tests.factories import PASSWORD, UserFactory

from .factories_signing import drawn_png, issued_sheet

UA = "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Safari/604.1"


@pytest.fixture
def other_head(other_opd):
    return UserFactory(
        username="kepala.dinkes", full_name="Andi Firmansyah", role=Role.OPD_HEAD, opd=other_opd
    )


@pytest.fixture
def stranger_head(db):
    from tests.factories import OpdFactory

    return UserFactory(
        username="kepala.dishub",
        full_name="Rudi Setiawan",
        role=Role.OPD_HEAD,
        opd=OpdFactory(name="Dinas Perhubungan", acronym="Dishub"),
    )


@pytest.fixture
def sheet(programme, secretariat, opd_head, other_head, regional_head):
    return issued_sheet(programme, secretariat, [regional_head, opd_head, other_head])


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode()


def sign_page(client, sheet):
    return client.get(f"/commitments/{sheet.pk}/sign/").content.decode()


def hidden(page: str, name: str, nth: int = 0) -> str:
    return re.findall(rf'name="{name}" value="([^"]*)"', page)[nth]


def post_signature(client, sheet, password=PASSWORD, image=None, **extra):
    page = sign_page(client, sheet)
    data = {
        "sign": "",
        "nonce": hidden(page, "nonce"),
        "content_hash": hidden(page, "content_hash"),
        "method": "drawn",
        "image": data_uri(image if image is not None else drawn_png()),
        "password": password,
        **extra,
    }
    return client.post(f"/commitments/{sheet.pk}/sign/", data, HTTP_USER_AGENT=UA), data


def everyone_signs(sheet, people):
    for person in people:
        signatory = sheet.signatories.get(user=person)
        signing.sign(
            sheet.pk,
            signing.Request(person, "10.0.0.7", UA),
            password=PASSWORD,
            nonce=signing.new_nonce(signatory),
            seen_hash=sheet.content_hash,
            image=drawn_png(),
            method="drawn",
        )


@pytest.mark.django_db
class TestPrepareAndIssue:
    def test_the_form_offers_the_default_statement_and_the_signatories(
        self, login, secretariat, programme, opd_head, regional_head
    ):
        page = login(secretariat).get("/commitments/new/").content.decode()
        assert "mengintegrasikan, menyinkronkan, dan menyinergikan" in page
        assert opd_head.full_name in page and regional_head.full_name in page

    def test_secretariat_prepares_a_draft_and_issues_it(
        self, login, secretariat, programme, opd_head, regional_head
    ):
        client = login(secretariat)
        response = client.post(
            "/commitments/new/",
            {
                "title": "Lembar Komitmen",
                "statement": "Kami berkomitmen.",
                "place": "Tuban",
                "date": "2026-10-11",
                "regional_head_last": "on",
                "people": [opd_head.pk, regional_head.pk],
            },
        )
        sheet = CommitmentSheet.objects.get()
        assert response.status_code == 302
        assert sheet.status == CommitmentSheet.Status.DRAFT and not sheet.content_hash
        # the regional head's block comes last
        assert [s.user for s in sheet.signatories.all()] == [opd_head, regional_head]

        client.post(f"/commitments/{sheet.pk}/issue/")
        sheet.refresh_from_db()
        assert sheet.status == CommitmentSheet.Status.ISSUED
        assert sheet.content_hash == signing.compute_hash(sheet)
        assert len(sheet.content_hash) == 64
        assert list(sheet.events.values_list("kind", flat=True)) == ["prepared", "issued"]

    def test_a_bad_form_keeps_what_was_typed(self, login, secretariat, programme, opd_head):
        page = (
            login(secretariat)
            .post("/commitments/new/", {"title": "Lembar X", "statement": "Teks kami."})
            .content.decode()
        )
        assert "Teks kami." in page and "Lembar X" in page
        assert "Pilih sekurang-kurangnya satu penanda tangan." in page
        assert not CommitmentSheet.objects.exists()

    def test_changing_an_issued_sheet_voids_it_and_starts_a_new_version(
        self, login, secretariat, sheet, opd_head, other_head, regional_head
    ):
        everyone_signs(sheet, [opd_head])
        client = login(secretariat)
        client.post(
            f"/commitments/{sheet.pk}/edit/",
            {
                "title": sheet.title,
                "statement": sheet.statement + "\nTambahan.",
                "place": "Tuban",
                "date": "2026-10-11",
                "regional_head_last": "on",
                "people": [opd_head.pk, other_head.pk, regional_head.pk],
            },
        )
        sheet.refresh_from_db()
        new = sheet.replaced_by
        assert sheet.status == CommitmentSheet.Status.VOIDED
        assert new.version == 2 and new.status == CommitmentSheet.Status.DRAFT
        assert "Tambahan." in new.statement
        old_page = client.get(f"/commitments/{sheet.pk}/").content.decode()
        assert "Dibatalkan" in old_page and "diganti oleh versi 2" in old_page
        assert sheet.signatories.get(user=opd_head).signature.outcome == "signed"
        assert 'alt="Tanda tangan Sri Wahyuni"' in old_page

    def test_the_secretariat_voids_with_a_reason(self, login, secretariat, sheet):
        login(secretariat).post(f"/commitments/{sheet.pk}/void/", {"reason": "Salah tanggal"})
        sheet.refresh_from_db()
        assert sheet.status == CommitmentSheet.Status.VOIDED
        assert sheet.events.last().detail == "Salah tanggal"

    def test_only_the_secretariat_prepares_issues_voids_and_reminds(
        self, login, sheet, opd_head, regional_head, mentor, representative
    ):
        for person in (opd_head, regional_head, mentor, representative):
            client = login(person)
            assert client.get("/commitments/new/").status_code == 403
            assert client.get(f"/commitments/{sheet.pk}/edit/").status_code == 403
            assert client.post(f"/commitments/{sheet.pk}/issue/").status_code == 403
            assert client.post(f"/commitments/{sheet.pk}/void/", {"reason": "x"}).status_code == 403
            assert client.post(f"/commitments/{sheet.pk}/remind/").status_code == 403
        sheet.refresh_from_db()
        assert sheet.status == CommitmentSheet.Status.ISSUED


@pytest.mark.django_db
class TestSigning:
    def test_a_signatory_signs_with_a_drawn_signature(self, login, sheet, opd_head):
        response, _ = post_signature(login(opd_head), sheet)
        assert response.status_code == 302
        signature = Signature.objects.get()
        assert signature.signatory.user == opd_head
        assert signature.outcome == "signed" and signature.method == "drawn"
        assert signature.content_hash == sheet.content_hash
        assert signature.ip_address == "127.0.0.1"
        assert signature.user_agent == UA
        assert bytes(signature.image).startswith(b"\x89PNG")
        event = sheet.events.get(kind=SigningEvent.Kind.SIGNED)
        assert event.actor == opd_head and signature.image_sha256 in event.detail

    def test_a_wrong_password_is_refused_and_the_drawing_kept(self, login, sheet, opd_head):
        response, data = post_signature(login(opd_head), sheet, password="salah")
        page = response.content.decode()
        assert "Kata sandi salah." in page
        assert data["image"] in page  # the drawing comes back for the next try
        assert not Signature.objects.exists()
        assert sheet.events.filter(kind=SigningEvent.Kind.REFUSED, actor=opd_head).exists()

    def test_after_five_wrong_passwords_even_the_right_one_waits(self, sheet, opd_head, settings):
        from axes.utils import reset

        signatory = sheet.signatories.get(user=opd_head)

        def attempt(password):
            signing.sign(
                sheet.pk,
                signing.Request(opd_head, None, ""),
                password=password,
                nonce=signing.new_nonce(signatory),
                seen_hash=sheet.content_hash,
                image=drawn_png(),
                method="drawn",
            )

        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            with pytest.raises(signing.SigningRefused, match="Kata sandi salah"):
                attempt("salah")
        with pytest.raises(signing.SigningRefused, match="Terlalu banyak"):
            attempt("salah")  # the fifth
        with pytest.raises(signing.SigningRefused, match="Coba lagi setelah pukul"):
            attempt(PASSWORD)
        assert not Signature.objects.exists()
        reset(username=opd_head.username)  # what the cool-off or the secretariat does
        attempt(PASSWORD)
        assert Signature.objects.count() == 1

    def test_signing_without_the_password_is_refused(self, login, sheet, opd_head):
        response, _ = post_signature(login(opd_head), sheet, password="")
        assert response.status_code == 200
        assert not Signature.objects.exists()

    def test_a_replayed_request_is_refused(self, login, sheet, opd_head):
        client = login(opd_head)
        _, data = post_signature(client, sheet)
        Signature.objects.all().delete()  # even were the first signature gone, the token is spent
        page = client.post(f"/commitments/{sheet.pk}/sign/", data).content.decode()
        assert "Formulir tanda tangan ini sudah dikirim atau kedaluwarsa." in page
        assert not Signature.objects.exists()

    def test_an_expired_form_is_refused(self, sheet, opd_head):
        from masterplan.models import SigningNonce

        token = signing.new_nonce(sheet.signatories.get(user=opd_head))
        old = datetime.datetime.now(datetime.UTC) - signing.NONCE_LIFETIME * 2
        SigningNonce.objects.filter(token=token).update(created_at=old)
        with pytest.raises(signing.SigningRefused, match="kedaluwarsa"):
            signing.sign(
                sheet.pk,
                signing.Request(opd_head, None, ""),
                password=PASSWORD,
                nonce=token,
                seen_hash=sheet.content_hash,
                image=drawn_png(),
                method="drawn",
            )

    def test_nobody_signs_twice(self, login, sheet, opd_head):
        client = login(opd_head)
        post_signature(client, sheet)
        signatory = sheet.signatories.get(user=opd_head)
        with pytest.raises(signing.SigningRefused, match="sudah menjawab"):
            signing.sign(
                sheet.pk,
                signing.Request(opd_head, None, ""),
                password=PASSWORD,
                nonce=signing.new_nonce(signatory),
                seen_hash=sheet.content_hash,
                image=drawn_png(),
                method="drawn",
            )
        assert "sudah menjawab" in sign_page(client, sheet)
        assert Signature.objects.count() == 1

    def test_a_signature_is_never_changed_and_unique_per_signatory(self, sheet, opd_head):
        everyone_signs(sheet, [opd_head])
        signature = Signature.objects.get()
        signature.reason = "diubah"
        with pytest.raises(ValueError):
            signature.save()
        with pytest.raises(IntegrityError), transaction.atomic():
            Signature.objects.create(
                signatory=signature.signatory, outcome="signed", content_hash="x"
            )

    def test_nobody_signs_for_someone_else(self, login, sheet, stranger_head, representative):
        for person in (stranger_head, representative):
            client = login(person)
            assert client.get(f"/commitments/{sheet.pk}/sign/").status_code == 404
            response = client.post(f"/commitments/{sheet.pk}/sign/", {"password": PASSWORD})
            assert response.status_code == 404
        with pytest.raises(signing.SigningRefused):
            signing.sign(
                sheet.pk,
                signing.Request(stranger_head, None, ""),
                password=PASSWORD,
                nonce="x",
                seen_hash=sheet.content_hash,
                image=drawn_png(),
                method="drawn",
            )
        assert not Signature.objects.exists()

    def test_a_voided_sheet_cannot_be_signed(self, login, sheet, secretariat, opd_head):
        client = login(opd_head)
        page = sign_page(client, sheet)
        signing.void(sheet, secretariat, "Salah")
        response = client.post(
            f"/commitments/{sheet.pk}/sign/",
            {
                "nonce": hidden(page, "nonce"),
                "content_hash": sheet.content_hash,
                "method": "drawn",
                "image": data_uri(drawn_png()),
                "password": PASSWORD,
            },
        )
        assert "telah dibatalkan" in response.content.decode()
        assert not Signature.objects.exists()

    def test_a_sheet_changed_after_issuing_cannot_be_signed(self, login, sheet, opd_head):
        CommitmentSheet.objects.filter(pk=sheet.pk).update(statement="Teks lain.")
        response, _ = post_signature(login(opd_head), sheet)
        assert "telah berubah" in response.content.decode()
        assert not Signature.objects.exists()

    def test_a_form_showing_an_older_content_is_refused(self, login, sheet, opd_head):
        response, _ = post_signature(login(opd_head), sheet, content_hash="0" * 64)
        assert "telah berubah" in response.content.decode()
        assert not Signature.objects.exists()

    def test_the_regional_head_signs_last(self, login, sheet, regional_head, opd_head, other_head):
        client = login(regional_head)
        assert "menandatangani setelah semua" in sign_page(client, sheet)
        with pytest.raises(signing.SigningRefused):
            everyone_signs(sheet, [regional_head])
        everyone_signs(sheet, [opd_head, other_head])
        response, _ = post_signature(client, sheet)
        assert response.status_code == 302
        sheet.refresh_from_db()
        assert sheet.status == CommitmentSheet.Status.COMPLETED

    def test_a_typed_name_becomes_the_signature_image(self, login, sheet, opd_head):
        response, _ = post_signature(
            login(opd_head), sheet, method="typed", typed_name="Sri Wahyuni"
        )
        assert response.status_code == 302
        signature = Signature.objects.get()
        assert signature.method == "typed"
        assert signing.validate_png(bytes(signature.image))

    @pytest.mark.parametrize(
        "image, message",
        [
            (b"GIF89a" + b"\0" * 100, "bukan gambar PNG"),
            (b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "tidak dapat dibaca"),
            (None, "kosong"),
        ],
    )
    def test_a_bad_signature_image_is_refused(self, login, sheet, opd_head, image, message):
        from PIL import Image

        if image is None:
            buffer = io.BytesIO()
            Image.new("RGBA", (300, 100), (0, 0, 0, 0)).save(buffer, format="PNG")
            image = buffer.getvalue()
        response, _ = post_signature(login(opd_head), sheet, image=image)
        assert message in response.content.decode()
        assert not Signature.objects.exists()

    def test_a_huge_image_is_refused(self):
        with pytest.raises(ValueError, match="terlalu besar"):
            signing.validate_png(drawn_png(3000, 200))

    def test_a_signatory_declines_with_a_reason(self, login, sheet, opd_head):
        client = login(opd_head)
        page = sign_page(client, sheet)
        client.post(
            f"/commitments/{sheet.pk}/sign/",
            {
                "decline": "1",
                "nonce": hidden(page, "nonce", 1),
                "content_hash": sheet.content_hash,
                "reason": "Anggaran belum tersedia",
                "password": PASSWORD,
            },
        )
        answer = Signature.objects.get()
        assert answer.outcome == "declined" and answer.reason == "Anggaran belum tersedia"
        detail = client.get(f"/commitments/{sheet.pk}/").content.decode()
        assert "Anggaran belum tersedia" in detail
        assert "sudah menjawab" in sign_page(client, sheet)
        with pytest.raises(signing.SigningRefused, match="sudah menjawab"):
            everyone_signs(sheet, [opd_head])
        assert Signature.objects.count() == 1


@pytest.mark.django_db
class TestWhoSeesWhat:
    def test_the_home_page_lists_what_awaits_a_signatory(self, login, sheet, opd_head):
        client = login(opd_head)
        page = client.get("/").content.decode()
        assert "Lembar Komitmen Masterplan Smart City" in page
        assert f"/commitments/{sheet.pk}/sign/" in page
        post_signature(client, sheet)
        assert "Tidak ada lembar komitmen yang menunggu" in client.get("/").content.decode()

    def test_the_regional_head_waits_for_the_others(self, login, sheet, regional_head):
        page = login(regional_head).get("/").content.decode()
        assert "Setelah penanda tangan lain" in page
        assert f"/commitments/{sheet.pk}/sign/" not in page

    def test_people_not_on_a_sheet_cannot_open_it(
        self, login, sheet, stranger_head, representative
    ):
        for person in (stranger_head, representative):
            client = login(person)
            assert client.get(f"/commitments/{sheet.pk}/").status_code == 404
            assert client.get(f"/commitments/{sheet.pk}/pdf/").status_code == 404
            assert sheet.title not in client.get("/commitments/").content.decode()

    def test_readers_follow_who_has_signed(self, login, sheet, opd_head, secretariat, mentor):
        everyone_signs(sheet, [opd_head])
        for person in (secretariat, mentor):
            page = login(person).get(f"/commitments/{sheet.pk}/").content.decode()
            assert "1 dari 3 telah menandatangani" in page
            assert "Belum menandatangani" in page

    def test_a_stranger_is_sent_to_sign_in(self, client, sheet):
        response = client.get(f"/commitments/{sheet.pk}/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
class TestReminders:
    def test_issuing_and_reminding_write_to_those_whose_turn_it_is(
        self,
        login,
        programme,
        secretariat,
        opd_head,
        other_head,
        regional_head,
        django_capture_on_commit_callbacks,
    ):
        for person in (opd_head, other_head, regional_head):
            person.email = f"{person.username}@tubankab.go.id"
            person.save()
        with django_capture_on_commit_callbacks(execute=True):
            sheet = issued_sheet(programme, secretariat, [regional_head, opd_head, other_head])
        assert sorted(m.to[0] for m in mail.outbox) == [
            "kepala.dinkes@tubankab.go.id",
            "kepala@tubankab.go.id",
        ]
        assert f"/commitments/{sheet.pk}/sign/" in mail.outbox[0].body
        everyone_signs(sheet, [opd_head])
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            login(secretariat).post(f"/commitments/{sheet.pk}/remind/")
        assert [m.to[0] for m in mail.outbox] == ["kepala.dinkes@tubankab.go.id"]
        assert sheet.events.filter(kind=SigningEvent.Kind.REMINDED).exists()

    def test_the_regional_head_is_written_to_when_their_turn_comes(
        self, sheet, opd_head, other_head, regional_head, django_capture_on_commit_callbacks
    ):
        regional_head.email = "bupati@tubankab.go.id"
        regional_head.save()
        everyone_signs(sheet, [opd_head])
        assert mail.outbox == []
        with django_capture_on_commit_callbacks(execute=True):
            everyone_signs(sheet, [other_head])
        assert [m.to[0] for m in mail.outbox] == ["bupati@tubankab.go.id"]
        assert "Menunggu tanda tangan Anda" in mail.outbox[0].subject

    def test_a_repeated_task_does_not_write_twice(self, sheet, other_head):
        other_head.email = "x@tubankab.go.id"
        other_head.save()
        requested = datetime.datetime.now(datetime.UTC)
        assert signing.send_reminders(sheet.pk, requested) == 1
        assert signing.send_reminders(sheet.pk, requested) == 0


def validate(pdf: bytes, trust_root):
    from pyhanko.keys import load_cert_from_pemder

    reader = PdfFileReader(io.BytesIO(pdf))
    context = ValidationContext(
        trust_roots=[load_cert_from_pemder(str(trust_root))], allow_fetching=False
    )
    return validate_pdf_signature(reader.embedded_signatures[0], context)


@pytest.mark.django_db
class TestSignedPdf:
    @pytest.fixture
    def completed(
        self, sheet, opd_head, other_head, regional_head, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            everyone_signs(sheet, [opd_head, other_head, regional_head])
        sheet.refresh_from_db()
        return sheet

    def test_when_everyone_has_signed_a_signed_pdf_is_made(self, completed, signing_certificate):
        assert completed.status == CommitmentSheet.Status.COMPLETED
        assert completed.pdf_status == CommitmentSheet.PdfStatus.DONE, completed.pdf_error
        pdf = completed.signed_pdf.read()
        status = validate(pdf, signing_certificate)
        assert status.intact and status.valid and status.trusted
        assert status.bottom_line

    def test_pyhanko_rejects_the_pdf_after_one_byte_changed(self, completed, signing_certificate):
        pdf = bytearray(completed.signed_pdf.read())
        middle = len(pdf) // 3
        pdf[middle] = (pdf[middle] + 1) % 256
        try:
            status = validate(bytes(pdf), signing_certificate)
            assert not (status.intact and status.valid)
        except Exception:  # noqa: BLE001 - an unreadable file is a rejection too
            pass
        assert not signed_pdf.verify(bytes(pdf)).valid

    def test_the_pdf_shows_the_sheet_the_names_and_every_event(self, completed):
        pages = pdftext.pages_text(completed.signed_pdf.read())
        text = "\n".join(pages)
        assert "Pemerintah Kabupaten Tuban".upper() in text.upper()
        assert "mengintegrasikan, menyinkronkan" in text
        for signatory in completed.signatories.all():
            assert signatory.name in pages[0] or signatory.name in text
        audit = pages[-1]
        assert "Jejak Audit" in audit
        events = list(completed.events.exclude(kind=SigningEvent.Kind.PDF_SIGNED))
        for label in {event.get_kind_display() for event in events}:
            assert label.split()[0] in audit
        for event in events:
            assert event.event_hash[:20] in audit.replace("\n", "")
        assert completed.content_hash[:20] in audit.replace("\n", "")

    def test_signatories_and_readers_download_it_others_do_not(
        self, login, completed, opd_head, secretariat, stranger_head, representative
    ):
        for person in (opd_head, secretariat):
            response = login(person).get(f"/commitments/{completed.pk}/pdf/")
            assert response["Content-Type"] == "application/pdf"
            assert b"".join(response.streaming_content).startswith(b"%PDF")
        for person in (stranger_head, representative):
            assert login(person).get(f"/commitments/{completed.pk}/pdf/").status_code == 404

    def test_the_page_polls_until_the_pdf_is_ready(self, login, completed, secretariat):
        client = login(secretariat)
        done = client.get(f"/commitments/{completed.pk}/pdf/status/").content.decode()
        assert "hx-trigger" not in done and f"/commitments/{completed.pk}/pdf/" in done
        CommitmentSheet.objects.filter(pk=completed.pk).update(pdf_status="queued")
        queued = client.get(f"/commitments/{completed.pk}/pdf/status/").content.decode()
        assert 'hx-trigger="every 2s"' in queued

    def test_the_audit_trail_is_chained(self, completed):
        assert signing.audit_trail_intact(completed)
        SigningEvent.objects.filter(sheet=completed, kind="signed").first().delete()
        assert not signing.audit_trail_intact(completed)

    def test_a_missing_certificate_is_reported_on_the_sheet(self, sheet, settings, tmp_path):
        settings.SIGNING_CERT_FILE = tmp_path / "none.pem"
        CommitmentSheet.objects.filter(pk=sheet.pk).update(status="completed")
        result = signed_pdf.produce(sheet.pk)
        assert result.pdf_status == CommitmentSheet.PdfStatus.FAILED
        assert "create_signing_certificate" in result.pdf_error

    def test_after_a_failure_the_secretariat_makes_the_pdf_again(
        self, login, completed, secretariat, opd_head, django_capture_on_commit_callbacks
    ):
        CommitmentSheet.objects.filter(pk=completed.pk).update(
            pdf_status="failed", pdf_error="FileNotFoundError: cert.pem", signed_pdf=""
        )
        head_sees = login(opd_head).get(f"/commitments/{completed.pk}/").content.decode()
        assert "Semua tanda tangan tetap tersimpan" in head_sees
        assert "FileNotFoundError" not in head_sees and "Buat ulang PDF" not in head_sees
        client = login(secretariat)
        page = client.get(f"/commitments/{completed.pk}/").content.decode()
        assert "FileNotFoundError: cert.pem" in page and "Buat ulang PDF bertanda tangan" in page
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/commitments/{completed.pk}/pdf/again/", follow=True)
        assert "PDF bertanda tangan sedang dibuat ulang." in response.content.decode()
        completed.refresh_from_db()
        assert completed.pdf_status == CommitmentSheet.PdfStatus.DONE and completed.signed_pdf

    def test_only_the_secretariat_makes_the_pdf_again(
        self, login, completed, opd_head, regional_head, mentor
    ):
        CommitmentSheet.objects.filter(pk=completed.pk).update(pdf_status="failed")
        for person in (opd_head, regional_head, mentor):
            response = login(person).post(f"/commitments/{completed.pk}/pdf/again/")
            assert response.status_code == 403
        completed.refresh_from_db()
        assert completed.pdf_status == CommitmentSheet.PdfStatus.FAILED

    def test_producing_twice_changes_nothing(self, completed):
        digest = completed.pdf_sha256
        assert signed_pdf.produce(completed.pk).pdf_sha256 == digest
        assert completed.events.filter(kind=SigningEvent.Kind.PDF_SIGNED).count() == 1

    def test_book_three_can_list_the_signed_sheets(self, completed, programme):
        sheets = list(signing.signed_sheets(programme))
        assert sheets == [completed]
        assert len(sheets[0].signatories.all()) == 3


@pytest.mark.django_db
class TestVerifyPage:
    @pytest.fixture
    def pdf(self, sheet, opd_head, other_head, regional_head, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            everyone_signs(sheet, [opd_head, other_head, regional_head])
        sheet.refresh_from_db()
        return sheet.signed_pdf.read()

    def upload(self, client, data: bytes):
        from django.core.files.uploadedfile import SimpleUploadedFile

        upload = SimpleUploadedFile("lembar.pdf", data, content_type="application/pdf")
        return client.post("/commitments/verify/", {"file": upload}).content.decode()

    def test_anyone_learns_that_an_unmodified_sheet_is_valid_and_which(self, client, pdf, sheet):
        page = self.upload(client, pdf)
        assert 'data-valid="true"' in page
        assert "Sah: lembar komitmen yang tidak diubah" in page
        assert "Lembar Komitmen Masterplan Smart City" in page and "versi 1" in page

    def test_a_changed_byte_fails(self, client, pdf):
        changed = bytearray(pdf)
        changed[len(pdf) // 2] ^= 0x01
        page = self.upload(client, bytes(changed))
        assert 'data-valid="false"' in page

    def test_a_pdf_signed_by_someone_else_fails(self, client, pdf, tmp_path):
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
        from pyhanko.sign import signers

        from regency.files import html_to_pdf

        signed_pdf.create_certificate(tmp_path / "k.pem", tmp_path / "c.pem", "", "Pemalsu")
        signer = signers.SimpleSigner.load(str(tmp_path / "k.pem"), str(tmp_path / "c.pem"))
        writer = IncrementalPdfFileWriter(io.BytesIO(html_to_pdf("<p>Palsu</p>")[0]), strict=False)
        metadata = signers.PdfSignatureMetadata(field_name="Palsu")
        forged = signers.sign_pdf(writer, metadata, signer=signer).getvalue()
        assert 'data-valid="false"' in self.upload(client, forged)

    def test_a_file_that_is_not_a_pdf_fails(self, client, pdf):
        assert "bukan PDF" in self.upload(client, b"hello")
