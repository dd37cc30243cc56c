"""Only the secretariat queues documents and mailings; a participant only their own letter."""

import datetime

import pytest
from django.core import mail

from masterplan.commitments import signing
from masterplan.models import CommitmentSheet, RenderJob, SigningEvent
from workshops import planning
from workshops.models import PrintJob

from .factories import BookFactory
from .factories_inputs import InputWindowFactory
from .factories_signing import issued_sheet
from .factories_workshops import InvitationFactory

NOT_SECRETARIAT = ["mentor", "regional_head", "representative", "opd_head"]


@pytest.fixture
def day(programme):
    workshop = programme.workshops.get(stage=1)
    workshop.start_date = datetime.date(2026, 7, 7)
    workshop.save()
    return planning.sync_days(workshop)[0]


@pytest.fixture
def someone_elses_invitation(day, programme, secretariat):
    return InvitationFactory(
        workshop=day.workshop, participant__programme=programme, participant__user=secretariat
    )


@pytest.fixture
def people(regional_head, opd_head, mentor, representative):
    return [regional_head, opd_head, mentor]


@pytest.fixture(params=NOT_SECRETARIAT)
def reader(request, people, login):
    return login(request.getfixturevalue(request.param))


@pytest.mark.django_db
class TestOnlyTheSecretariatQueues:
    def test_no_one_else_queues_another_persons_invitation_letter(
        self, reader, someone_elses_invitation
    ):
        response = reader.post(f"/workshops/invitations/{someone_elses_invitation.pk}/letter/")
        assert response.status_code in (403, 404)
        assert not PrintJob.objects.exists()

    def test_no_one_else_queues_the_invitation_letters(self, reader, day):
        assert reader.post(f"/workshops/{day.workshop.pk}/letters/").status_code == 403
        assert not PrintJob.objects.exists()

    def test_no_one_else_queues_an_attendance_list(self, reader, day):
        assert reader.post(f"/workshops/days/{day.pk}/attendance-list/").status_code == 403
        assert not PrintJob.objects.exists()

    def test_no_one_else_renders_a_book(self, reader, programme):
        book = BookFactory(programme=programme)
        assert reader.post(f"/books/{book.pk}/render/").status_code == 403
        assert not RenderJob.objects.exists()

    def test_no_one_else_renders_the_whole_masterplan(self, reader, programme):
        assert reader.post("/books/whole/render/").status_code == 403
        assert not RenderJob.objects.exists()

    def test_no_one_else_sends_input_reminders(self, reader, programme):
        window = InputWindowFactory(programme=programme)
        assert reader.post(f"/inputs/windows/{window.pk}/remind/").status_code == 403
        assert not mail.outbox

    def test_no_one_else_issues_a_commitment_sheet(self, reader, programme, secretariat, people):
        sheet = signing.prepare(
            programme,
            secretariat,
            people=people,
            title="Lembar Komitmen",
            statement=signing.default_statement(),
            place="Tuban",
            date=datetime.date(2026, 10, 11),
            regional_head_last=True,
        )
        assert reader.post(f"/commitments/{sheet.pk}/issue/").status_code == 403
        sheet.refresh_from_db()
        assert sheet.status == CommitmentSheet.Status.DRAFT
        assert not mail.outbox

    def test_no_one_else_sends_signing_reminders(self, reader, programme, secretariat, people):
        sheet = issued_sheet(programme, secretariat, people)
        mail.outbox.clear()
        assert reader.post(f"/commitments/{sheet.pk}/remind/").status_code == 403
        assert not sheet.events.filter(kind=SigningEvent.Kind.REMINDED).exists()
        assert not mail.outbox


@pytest.mark.django_db
class TestOwnLetter:
    def test_a_mentor_who_is_invited_queues_their_own_letter_only(
        self, login, mentor, day, programme, someone_elses_invitation
    ):
        mine = InvitationFactory(
            workshop=day.workshop, participant__programme=programme, participant__user=mentor
        )
        client = login(mentor)
        client.post(f"/workshops/invitations/{someone_elses_invitation.pk}/letter/")
        client.post(f"/workshops/invitations/{mine.pk}/letter/")
        assert list(PrintJob.objects.values_list("invitation", flat=True)) == [mine.pk]

    def test_the_secretariat_queues_anyones_letter(
        self, login, secretariat, someone_elses_invitation
    ):
        client = login(secretariat)
        client.post(f"/workshops/invitations/{someone_elses_invitation.pk}/letter/")
        assert PrintJob.objects.get().invitation == someone_elses_invitation
