import datetime
from unittest import mock

import pytest
from django.db import IntegrityError
from django.utils import timezone

from regency.models import Regency
from workshops import attendance, planning
from workshops.models import Attendance, Invitation, Participant

from .factories import UserFactory
from .factories_workshops import InvitationFactory, ParticipantFactory


@pytest.fixture
def today_workshop(programme):
    workshop = programme.workshops.get(stage=1)
    workshop.start_date = timezone.localdate()
    workshop.end_date = timezone.localdate() + datetime.timedelta(days=1)
    workshop.save()
    planning.sync_days(workshop)
    return workshop


@pytest.fixture
def day(today_workshop):
    return today_workshop.days.first()


@pytest.fixture
def invited(today_workshop, programme, opd):
    return InvitationFactory(
        workshop=today_workshop, participant__programme=programme, participant__opd=opd,
        participant__name="Dimas Pratama",
    )  # fmt: skip


@pytest.mark.django_db
class TestCheckIn:
    def test_a_second_check_in_keeps_the_first_time(self, day, invited):
        first = attendance.check_in(day, invited.participant, "staff")
        second = attendance.check_in(day, invited.participant, "qr")
        assert first.pk == second.pk and second.method == "staff"
        assert Attendance.objects.count() == 1

    def test_a_lost_race_reads_the_winners_row(self, day, invited):
        winner = attendance.check_in(day, invited.participant, "staff")
        with mock.patch.object(Attendance.objects, "get_or_create", side_effect=IntegrityError):
            loser = attendance.check_in(day, invited.participant, "staff")
        assert loser.pk == winner.pk

    def test_undo_removes_the_tick(self, day, invited):
        attendance.check_in(day, invited.participant, "staff")
        assert attendance.undo_check_in(day, invited.participant)
        assert not attendance.undo_check_in(day, invited.participant)

    def test_times_show_in_the_regencys_zone(self, regency):
        regency.time_zone = Regency.TimeZone.WITA
        regency.save()
        moment = datetime.datetime(2026, 7, 7, 0, 15, tzinfo=datetime.UTC)
        assert attendance.local_time(moment).strftime("%H:%M") == "08:15"

    def test_who_came_counts_and_names_the_opds_that_sent_nobody(
        self, day, invited, programme, other_opd
    ):
        InvitationFactory(
            workshop=day.workshop, participant__programme=programme, participant__opd=other_opd
        )
        attendance.check_in(day, invited.participant, "staff")
        attendance.add_walk_in(day, name="Tamu", category="community", organisation="Relawan TIK")
        summary = attendance.who_came(day)
        assert summary["total"] == 2 and summary["walk_ins"] == 1 and summary["invited"] == 3
        assert [opd.acronym for opd in summary["absent_opds"]] == ["Dinkes"]
        assert {str(label): n for label, n in summary["categories"]} == {"OPD": 1, "Komunitas": 1}


@pytest.mark.django_db
class TestDoorPage:
    def test_staff_search_and_tick_in_place(self, login, secretariat, day, invited):
        client = login(secretariat)
        rows = client.get(
            f"/workshops/days/{day.pk}/door/?q=dimas", HTTP_HX_REQUEST="true"
        ).content.decode()
        assert "Dimas Pratama" in rows and "<html" not in rows
        row = client.post(
            f"/workshops/days/{day.pk}/tick/{invited.participant.pk}/", HTTP_HX_REQUEST="true"
        ).content.decode()
        assert "Batalkan" in row and "WIB" in row
        assert 'id="present-count"' in row and "1 hadir" in row
        row = client.post(
            f"/workshops/days/{day.pk}/tick/{invited.participant.pk}/",
            {"undo": "1"},
            HTTP_HX_REQUEST="true",
        ).content.decode()
        assert "0 hadir" in row
        assert not Attendance.objects.exists()

    def test_a_walk_in_is_added_and_checked_in(self, login, secretariat, day):
        login(secretariat).post(
            f"/workshops/days/{day.pk}/walk-in/",
            {"name": "Pak Tamu", "category": "business", "organisation": "Bank Jatim"},
        )
        record = Attendance.objects.get()
        assert record.participant.is_walk_in and record.method == "walk_in"
        assert Invitation.objects.filter(participant=record.participant).exists()

    def test_the_door_searches_for_the_walk_in_by_their_whole_name(self, login, secretariat, day):
        response = login(secretariat).post(
            f"/workshops/days/{day.pk}/walk-in/", {"name": "Tom & Jerry #1", "category": "other"}
        )
        assert response.url == f"/workshops/days/{day.pk}/door/?q=Tom+%26+Jerry+%231"

    def test_a_walk_in_without_a_name_keeps_what_was_typed(self, login, secretariat, day):
        page = (
            login(secretariat)
            .post(
                f"/workshops/days/{day.pk}/walk-in/",
                {"name": "", "organisation": "Bank Jatim", "category": "business"},
            )
            .content.decode()
        )
        assert "Bank Jatim" in page
        assert not Participant.objects.exists()

    def test_only_the_secretariat_takes_attendance(
        self, login, day, invited, mentor, representative, opd_head
    ):
        for user in (mentor, representative, opd_head):
            client = login(user)
            assert client.get(f"/workshops/days/{day.pk}/door/").status_code == 403
            assert (
                client.post(f"/workshops/days/{day.pk}/tick/{invited.participant.pk}/").status_code
                == 403
            )
            assert (
                client.post(
                    f"/workshops/days/{day.pk}/walk-in/", {"name": "X", "category": "other"}
                ).status_code
                == 403
            )
        assert not Attendance.objects.exists()

    def test_who_came_is_for_readers_only(self, login, day, mentor, representative):
        assert login(mentor).get(f"/workshops/days/{day.pk}/who-came/").status_code == 200
        assert login(representative).get(f"/workshops/days/{day.pk}/who-came/").status_code == 403

    def test_ticking_someone_of_another_programme_is_not_found(self, login, secretariat, day):
        from .factories import ProgrammeFactory

        stranger = ParticipantFactory(
            programme=ProgrammeFactory(year_joined=2019, period_start=2020, period_end=2029)
        )
        response = login(secretariat).post(f"/workshops/days/{day.pk}/tick/{stranger.pk}/")
        assert response.status_code == 404


@pytest.mark.django_db
class TestQrCheckIn:
    def test_the_participant_confirms_and_is_present(self, client, day, invited):
        url = f"/workshops/check-in/{attendance.checkin_token(invited)}/"
        assert "Konfirmasi: saya hadir" in client.get(url).content.decode()
        page = client.post(url).content.decode()
        assert "Anda tercatat hadir pukul" in page
        assert Attendance.objects.get().method == "qr"

    def test_a_forged_token_is_refused(self, client, day, invited):
        assert client.get("/workshops/check-in/palsu:123/").status_code == 404
        assert not Attendance.objects.exists()

    def test_the_token_expires_after_the_workshop(self, client, day, invited):
        token = attendance.checkin_token(invited)
        later = timezone.now() + datetime.timedelta(days=3)
        with mock.patch("django.utils.timezone.now", return_value=later):
            assert client.post(f"/workshops/check-in/{token}/").status_code == 404
        assert not Attendance.objects.exists()

    def test_a_representative_sees_only_their_own_invitations(
        self, login, today_workshop, programme, representative, opd
    ):
        mine = InvitationFactory(
            workshop=today_workshop,
            participant__programme=programme,
            participant__user=representative,
            participant__name="Dimas",
        )
        colleague = UserFactory(role="opd_rep", opd=opd)
        theirs = InvitationFactory(
            workshop=today_workshop,
            participant__programme=programme,
            participant__user=colleague,
            participant__name="Rekan",
        )
        page = login(representative).get("/workshops/my-invitations/").content.decode()
        assert page.count("<svg") == 1
        assert attendance.checkin_token(theirs) not in page
        assert list(Invitation.objects.visible_to(representative)) == [mine]
        detail = login(representative).get(f"/workshops/{today_workshop.pk}/").content.decode()
        assert "Undangan Anda" in detail


@pytest.mark.django_db
class TestHome:
    def test_a_representative_sees_their_upcoming_invitation_on_the_home_page(
        self, login, today_workshop, programme, representative, opd_head
    ):
        InvitationFactory(
            workshop=today_workshop,
            participant__programme=programme,
            participant__user=representative,
        )
        page = login(representative).get("/").content.decode()
        assert "Undangan Anda" in page and "Bimtek Tahap I: Analisis Strategis" in page
        assert "Undangan Anda" not in login(opd_head).get("/").content.decode()
