"""A regency in WITA sees WITA everywhere: pages, e-mails, Book III and the signed PDF."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from masterplan.books import rendering
from masterplan.commitments import signing
from masterplan.models import CommitmentSheet, Signature, SigningEvent, Worksheet
from regency.models import Regency
from tests import pdftext
from tests.factories import PASSWORD, ChapterFactory, UserFactory

from .factories_inputs import EntryFactory, WorksheetFactory
from .factories_signing import drawn_png, issued_sheet

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")
WIB = ZoneInfo("Asia/Jakarta")
# 09:30 UTC: 16:30 WIB, 17:30 WITA
DEADLINE = datetime.datetime(2026, 12, 20, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def regency(regency):
    regency.name, regency.kind, regency.province = "Bontang", Regency.Kind.KOTA, "Kalimantan Timur"
    regency.time_zone = Regency.TimeZone.WITA
    regency.save()
    return regency


@pytest.fixture
def worksheet(programme, opd, representative, secretariat):
    secretariat.email = "sekretariat@bontangkota.go.id"
    secretariat.save()
    worksheet = WorksheetFactory(
        window__programme=programme, window__deadline=DEADLINE, opd=opd, state="draft"
    )
    EntryFactory(worksheet=worksheet)
    return worksheet


def everyone_signs(sheet, people):
    for person in people:
        signatory = sheet.signatories.get(user=person)
        signing.sign(
            sheet.pk,
            signing.Request(person, "10.0.0.7", "Mozilla/5.0"),
            password=PASSWORD,
            nonce=signing.new_nonce(signatory),
            seen_hash=sheet.content_hash,
            image=drawn_png(),
            method="drawn",
        )


@pytest.fixture
def completed(programme, secretariat, opd_head, regional_head, django_capture_on_commit_callbacks):
    sheet = issued_sheet(programme, secretariat, [regional_head, opd_head])
    with django_capture_on_commit_callbacks(execute=True):
        everyone_signs(sheet, [opd_head, regional_head])
    sheet.refresh_from_db()
    assert sheet.pdf_status == CommitmentSheet.PdfStatus.DONE, sheet.pdf_error
    return sheet


def wita_and_wib(moment: datetime.datetime, fmt: str) -> tuple[str, str]:
    return moment.astimezone(WITA).strftime(fmt), moment.astimezone(WIB).strftime(fmt)


class TestAWitaRegency:
    def test_the_worksheet_page_shows_its_deadline_in_wita(
        self, regency, login, representative, worksheet
    ):
        page = (
            login(representative)
            .get(reverse("masterplan:inputs:worksheet", args=[worksheet.pk]))
            .content.decode()
        )
        assert "17:30 WITA" in page
        assert "16:30" not in page and "WIB" not in page

    def test_the_sheet_page_shows_each_signature_time_in_wita(
        self, regency, login, secretariat, completed
    ):
        page = (
            login(secretariat)
            .get(reverse("masterplan:commitments:detail", args=[completed.pk]))
            .content.decode()
        )
        for signature in Signature.objects.filter(signatory__sheet=completed):
            wita, wib = wita_and_wib(signature.signed_at, "%H:%M")
            assert f"{wita} WITA" in page
        assert "WIB" not in page

    def test_the_state_change_mail_gives_the_time_in_wita(
        self, regency, login, representative, worksheet, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):  # the mail task runs after
            login(representative).post(
                reverse("masterplan:inputs:worksheet_action", args=[worksheet.pk, "submit"])
            )
        change = worksheet.state_changes.get(to_state=Worksheet.State.SUBMITTED)
        wita, wib = wita_and_wib(change.at, "%d-%m-%Y %H:%M")
        body = mail.outbox[-1].body
        assert f"{wita} WITA" in body
        assert wib not in body or wib == wita

    def test_the_reminder_mail_gives_the_deadline_in_wita(self, regency, opd, worksheet):
        UserFactory(username="wakil2", role="opd_rep", opd=opd, email="wakil@bontangkota.go.id")
        from masterplan.inputs import workflow

        workflow.send_reminders(worksheet.window)
        assert "20-12-2026 17:30 WITA" in mail.outbox[-1].subject + mail.outbox[-1].body

    def test_book_three_and_the_signed_pdf_give_the_same_wita_times(self, regency, completed):
        chapter = ChapterFactory(
            book=completed.programme.books.get(number=3),
            body='<h2>Lampiran</h2><div data-block="commitment-sheets"></div>',
        )
        html = rendering.book_html(chapter.book)
        pdf_text = "\n".join(pdftext.pages_text(completed.signed_pdf.read()))
        assert "WITA" in pdf_text and "WIB" not in pdf_text
        for signature in Signature.objects.filter(signatory__sheet=completed):
            wita, wib = wita_and_wib(signature.signed_at, "%H:%M")
            assert f"{wita} WITA" in html
            seconds, _ = wita_and_wib(signature.signed_at, "%d-%m-%Y %H:%M:%S")
            assert f"{seconds.lstrip('0')} WITA" in pdf_text or f"{seconds} WITA" in pdf_text
        # the audit page's times are WITA too (its narrow column wraps them)
        compact = "".join(pdf_text.split())
        assert "Waktu(WITA)" in compact
        for event in completed.events.exclude(kind=SigningEvent.Kind.PDF_SIGNED):
            wita, wib = wita_and_wib(event.at, "%m-%Y%H:%M:%S")
            assert wita in compact
