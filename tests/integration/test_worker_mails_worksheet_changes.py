"""The real worker sends the e-mail of a worksheet's state change."""

import time

import pytest

from masterplan.inputs import workflow
from masterplan.models import Worksheet, WorksheetStateChange
from tests.factories_inputs import EntryFactory, WorksheetFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_the_worker_mails_a_submission_once(
    celery_worker, login, representative, secretariat, programme, opd
):
    secretariat.email = "sekretariat@tubankab.go.id"
    secretariat.save()
    worksheet = WorksheetFactory(window__programme=programme, opd=opd, state="draft")
    EntryFactory(worksheet=worksheet)

    login(representative).post(f"/inputs/worksheets/{worksheet.pk}/submit/")
    change = WorksheetStateChange.objects.get()
    assert Worksheet.objects.get().state == Worksheet.State.SUBMITTED

    deadline = time.monotonic() + 60
    while change.mailed_at is None and time.monotonic() < deadline:
        time.sleep(0.5)
        change.refresh_from_db()
    assert change.mailed_at is not None, celery_worker["log"].read_text()[-2000:]
    assert "Kertas kerja Smart Governance Bappeda: Dikirim" in celery_worker["log"].read_text()
    # Running the task again (a redelivery) sends nothing more.
    assert workflow.mail_worksheet_state_change(change.pk) == 0
