import datetime

import pytest
from django.core import signing

from regency.tasks import requeue_stale_jobs
from tests import pdftext
from workshops import attendance, planning, printing
from workshops.models import PrintJob

from .factories import UserFactory
from .factories_workshops import InvitationFactory, ParticipantFactory


@pytest.fixture
def day(programme):
    workshop = programme.workshops.get(stage=1)
    workshop.start_date = datetime.date(2026, 7, 7)
    workshop.venue = "Pendopo Krido Manunggal"
    workshop.save()
    return planning.sync_days(workshop)[0]


def download_text(client, job) -> str:
    response = client.get(f"/workshops/prints/{job.pk}/download/")
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(pdftext.pages_text(b"".join(response.streaming_content)))


@pytest.mark.django_db(transaction=True)
class TestAttendanceList:
    def test_the_pdf_lists_the_people_present_with_totals(self, login, secretariat, day, opd):
        for name in ("Ani Lestari", "Budi Santoso"):
            person = ParticipantFactory(programme=day.workshop.programme, name=name, opd=opd)
            attendance.check_in(day, person, "staff")
        client = login(secretariat)
        client.post(f"/workshops/days/{day.pk}/attendance-list/")
        job = PrintJob.objects.get()
        assert job.status == "done", job.error
        text = download_text(client, job)
        assert "DAFTAR HADIR" in text and "KABUPATEN TUBAN" in text.upper()
        assert "Ani Lestari" in text and "Budi Santoso" in text and "Bappeda" in text
        assert "Jumlah hadir: 2 orang" in text

    def test_a_finished_job_is_not_rendered_again(self, secretariat, day):
        job = printing.request_print(secretariat, "attendance_list", day.workshop, day)
        job.refresh_from_db()
        name = job.file.name
        printing.run_print_job(job.pk)
        job.refresh_from_db()
        assert job.file.name == name

    def test_opd_people_cannot_make_or_fetch_the_list(
        self, login, secretariat, day, representative
    ):
        job = printing.request_print(secretariat, "attendance_list", day.workshop, day)
        client = login(representative)
        assert client.post(f"/workshops/days/{day.pk}/attendance-list/").status_code == 403
        assert client.get(f"/workshops/prints/{job.pk}/download/").status_code == 404
        assert client.get(f"/workshops/prints/{job.pk}/").status_code == 404
        assert PrintJob.objects.count() == 1


@pytest.mark.django_db(transaction=True)
class TestInvitationLetters:
    def test_secretariat_prints_one_letter_per_invited_person(self, login, secretariat, day):
        for name in ("Ani Lestari", "Budi Santoso"):
            InvitationFactory(
                workshop=day.workshop,
                participant__programme=day.workshop.programme,
                participant__name=name,
            )
        client = login(secretariat)
        client.post(f"/workshops/{day.workshop.pk}/letters/")
        job = PrintJob.objects.get()
        assert job.status == "done", job.error
        assert job.page_count == 2
        text = download_text(client, job)
        assert "Ani Lestari" in text and "Budi Santoso" in text
        assert "Pendopo Krido Manunggal" in text and "Pindai kode QR" in text

    def test_the_letters_carry_each_persons_check_in_link(self, day):
        invitation = InvitationFactory(
            workshop=day.workshop, participant__programme=day.workshop.programme
        )
        html = printing.letters_html(day.workshop, [invitation])
        assert html.count('src="data:image/svg+xml;base64,') == 1
        token = printing.checkin_url(invitation).rstrip("/").split("/")[-1]
        assert signing.loads(token, salt=attendance.TOKEN_SALT) == {"i": invitation.pk}

    def test_a_representative_prints_only_their_own_letter(self, login, day, representative, opd):
        programme = day.workshop.programme
        mine = InvitationFactory(
            workshop=day.workshop,
            participant__programme=programme,
            participant__user=representative,
            participant__name="Dimas Pratama",
        )
        colleague = UserFactory(role="opd_rep", opd=opd)
        theirs = InvitationFactory(
            workshop=day.workshop, participant__programme=programme, participant__user=colleague
        )
        client = login(representative)
        assert client.post(f"/workshops/invitations/{theirs.pk}/letter/").status_code == 404
        assert client.post(f"/workshops/{day.workshop.pk}/letters/").status_code == 403
        client.post(f"/workshops/invitations/{mine.pk}/letter/")
        job = PrintJob.objects.get()
        assert job.invitation == mine
        assert "Dimas Pratama" in download_text(client, job)
        other = printing.request_print(
            colleague, "invitation_letters", day.workshop, invitation=theirs
        )
        assert client.get(f"/workshops/prints/{other.pk}/download/").status_code == 404


@pytest.mark.django_db
def test_a_print_job_no_worker_will_finish_is_failed_instead_of_polled_forever(
    login, secretariat, day, settings
):
    from django.utils import timezone

    job = PrintJob.objects.create(
        kind="attendance_list", workshop=day.workshop, day=day, requested_by=secretariat
    )
    long_ago = timezone.now() - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 600)
    PrintJob.objects.filter(pk=job.pk).update(status="running", created_at=long_ago)
    requeue_stale_jobs()  # Celery beat's round; the page itself only reads
    response = login(secretariat).get(f"/workshops/prints/{job.pk}/")
    job.refresh_from_db()
    assert job.status == "failed"
    assert "Proses berhenti sebelum selesai; silakan minta ulang." in response.content.decode()
