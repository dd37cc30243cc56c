"""The real pipeline: the last signature queues the signed PDF for a `celery worker` process."""

import time

import pytest

from masterplan.commitments import signed_pdf, signing
from masterplan.models import CommitmentSheet
from tests.factories import PASSWORD
from tests.factories_signing import drawn_png, issued_sheet

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_the_worker_signs_the_pdf_once_everyone_has_signed(
    worker_storage, login, secretariat, opd_head, regional_head, programme
):
    sheet = issued_sheet(programme, secretariat, [regional_head, opd_head])
    for person in (opd_head, regional_head):
        signing.sign(
            sheet.pk,
            signing.Request(person, "10.0.0.9", "pytest"),
            password=PASSWORD,
            nonce=signing.new_nonce(sheet.signatories.get(user=person)),
            seen_hash=sheet.content_hash,
            image=drawn_png(),
            method="drawn",
        )
    client = login(secretariat)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        box = client.get(f"/commitments/{sheet.pk}/pdf/status/").content.decode()
        if "hx-trigger" not in box:
            break
        time.sleep(0.5)
    sheet.refresh_from_db()
    assert sheet.pdf_status == CommitmentSheet.PdfStatus.DONE, sheet.pdf_error
    assert (worker_storage / sheet.signed_pdf.name).exists()
    pdf = b"".join(client.get(f"/commitments/{sheet.pk}/pdf/").streaming_content)
    result = signed_pdf.verify(pdf)
    assert result.valid and result.sheet == sheet
