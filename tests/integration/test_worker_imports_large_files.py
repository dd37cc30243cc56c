"""The real worker runs a large import queued by the page, and the page shows its report."""

import time

import pytest

from regency.models import ImportJob
from tests.test_import_limits import PARTICIPANTS_IMPORT, participant_rows, xlsx
from workshops.models import Participant

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_the_worker_imports_a_large_register_and_the_page_follows_it(
    worker_storage, login, secretariat, programme
):
    client = login(secretariat)
    response = client.post(PARTICIPANTS_IMPORT, {"file": xlsx(participant_rows(1_200))})
    job = ImportJob.objects.get()
    assert response["Location"] == f"{PARTICIPANTS_IMPORT}?job={job.pk}"
    assert 'hx-trigger="every 1s"' in client.get(response["Location"]).text or job.is_finished

    deadline = time.monotonic() + 120
    while not job.is_finished and time.monotonic() < deadline:
        time.sleep(0.5)
        job.refresh_from_db()
    assert job.status == "done", job.error
    assert Participant.objects.count() == 1_200
    page = client.get(response["Location"]).text
    assert "1200 ditambahkan, 0 diperbarui, 0 ditolak." in page
    assert not (worker_storage / "imports").exists() or not any(
        (worker_storage / "imports").iterdir()
    )
