import datetime

import pytest

from tests import pdftext
from workshops import attendance, planning, sheets
from workshops.models import AttendanceSheetJob

from .factories_workshops import ParticipantFactory


@pytest.fixture
def day(programme):
    workshop = programme.workshops.get(stage=1)
    workshop.start_date = datetime.date(2026, 7, 7)
    workshop.venue = "Pendopo Krido Manunggal"
    workshop.save()
    return planning.sync_days(workshop)[0]


@pytest.mark.django_db(transaction=True)
class TestAttendanceList:
    def test_the_pdf_lists_the_people_present_with_totals(self, login, secretariat, day, opd):
        for name in ("Ani Lestari", "Budi Santoso"):
            attendance.check_in(
                day,
                ParticipantFactory(programme=day.workshop.programme, name=name, opd=opd),
                "staff",
            )
        client = login(secretariat)
        client.post(f"/workshops/days/{day.pk}/attendance-list/")
        job = AttendanceSheetJob.objects.get()
        assert job.status == "done", job.error
        response = client.get(f"/workshops/attendance-lists/{job.pk}/download/")
        text = "\n".join(pdftext.pages_text(b"".join(response.streaming_content)))
        assert "DAFTAR HADIR" in text and "Kabupaten Tuban".upper() in text.upper()
        assert "Ani Lestari" in text and "Budi Santoso" in text and "Bappeda" in text
        assert "Jumlah hadir: 2 orang" in text

    def test_a_finished_job_is_not_rendered_again(self, secretariat, day):
        job = sheets.request_sheet(day, secretariat)
        job.refresh_from_db()
        name = job.file.name
        sheets.run_sheet_job(job.pk)
        job.refresh_from_db()
        assert job.file.name == name

    def test_opd_people_cannot_make_or_fetch_the_list(
        self, login, secretariat, day, representative
    ):
        job = sheets.request_sheet(day, secretariat)
        client = login(representative)
        assert client.post(f"/workshops/days/{day.pk}/attendance-list/").status_code == 403
        assert client.get(f"/workshops/attendance-lists/{job.pk}/download/").status_code == 403
        assert AttendanceSheetJob.objects.count() == 1
