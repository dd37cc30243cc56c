import datetime

import pytest

from workshops import planning
from workshops.models import AgendaItem, Mentor, TargetOutput, Workshop


@pytest.fixture
def stage_one(programme):
    workshop = programme.workshops.get(stage=1)
    workshop.start_date = datetime.date(2026, 7, 7)
    workshop.end_date = datetime.date(2026, 7, 8)
    workshop.save()
    planning.sync_days(workshop)
    return workshop


@pytest.mark.django_db
class TestStagesAndDays:
    def test_a_new_programme_has_four_stages_with_their_output_checklist(self, programme):
        stage_four = programme.workshops.get(stage=4)
        titles = list(stage_four.outputs.values_list("title", flat=True))
        assert programme.workshops.count() == 4
        assert titles[0] == "Lembar komitmen kepala daerah dan kepala OPD yang ditandatangani"
        assert set(stage_four.outputs.values_list("status", flat=True)) == {"open"}

    def test_days_follow_the_dates(self, stage_one):
        assert [d.date.day for d in stage_one.days.all()] == [7, 8]
        stage_one.end_date = datetime.date(2026, 7, 7)
        stage_one.save()
        planning.sync_days(stage_one)
        assert stage_one.days.count() == 1

    def test_the_timeline_counts_outputs_done(self, programme):
        output = programme.workshops.get(stage=2).outputs.first()
        output.status = TargetOutput.Status.DONE
        output.save()
        rows = {
            row["workshop"].stage: (row["done"], row["total"])
            for row in planning.timeline(programme)
        }
        assert rows == {1: (0, 4), 2: (1, 3), 3: (0, 3), 4: (0, 3)}


@pytest.mark.django_db
class TestPlanningPages:
    def test_everyone_sees_the_timeline(self, login, representative, programme):
        page = login(representative).get("/workshops/").content.decode()
        assert "Bimtek Tahap I: Analisis Strategis" in page
        assert "0 dari 4 luaran selesai" in page

    def test_secretariat_sets_dates_and_gets_days(self, login, secretariat, programme):
        workshop = programme.workshops.get(stage=2)
        response = login(secretariat).post(
            f"/workshops/{workshop.pk}/edit/",
            {"title": workshop.title, "start_date": "2026-08-11", "end_date": "2026-08-12",
             "venue": "Ruang Rapat Bappeda", "status": "planned"},
        )  # fmt: skip
        assert response.status_code == 302
        assert workshop.days.count() == 2

    def test_marking_done_with_open_outputs_asks_for_confirmation(
        self, login, secretariat, stage_one
    ):
        data = {"title": stage_one.title, "start_date": "2026-07-07", "end_date": "2026-07-08",
                "venue": "Pendopo", "status": "done"}  # fmt: skip
        client = login(secretariat)
        page = client.post(f"/workshops/{stage_one.pk}/edit/", data).content.decode()
        assert "4 target luaran Bimtek ini belum selesai" in page
        assert 'value="Pendopo"' in page  # nothing typed is lost
        stage_one.refresh_from_db()
        assert stage_one.status == Workshop.Status.PLANNED
        client.post(f"/workshops/{stage_one.pk}/edit/", {**data, "confirm_open_outputs": "on"})
        stage_one.refresh_from_db()
        assert stage_one.status == Workshop.Status.DONE

    def test_secretariat_adds_mentor_agenda_and_updates_an_output(
        self, login, secretariat, stage_one, opd
    ):
        client = login(secretariat)
        day = stage_one.days.first()
        client.post(
            f"/workshops/{stage_one.pk}/mentors/",
            {"name": "Dr. Ratna", "organisation": "UGM", "role": "Ketua"},
        )
        client.post(
            f"/workshops/{stage_one.pk}/agenda/",
            {
                "day": day.pk,
                "start_time": "08:30",
                "end_time": "09:30",
                "topic": "Pembukaan",
                "speaker": "Bupati",
            },
        )
        output = stage_one.outputs.first()
        client.post(
            f"/workshops/outputs/{output.pk}/",
            {
                "title": output.title,
                "status": "done",
                "responsible_opd": opd.pk,
                "evidence_link": "https://youtu.be/film-3-menit",
            },
        )
        page = client.get(f"/workshops/{stage_one.pk}/").content.decode()
        assert "Dr. Ratna" in page and "Pembukaan" in page
        output.refresh_from_db()
        assert output.status == "done" and output.responsible_opd == opd

    def test_an_agenda_item_must_end_after_it_starts(self, login, secretariat, stage_one):
        day = stage_one.days.first()
        login(secretariat).post(
            f"/workshops/{stage_one.pk}/agenda/",
            {"day": day.pk, "start_time": "10:00", "end_time": "09:00", "topic": "Salah"},
        )
        assert not AgendaItem.objects.exists()

    def test_others_cannot_plan(self, login, stage_one, mentor, representative, regional_head):
        output = stage_one.outputs.first()
        outputs_before = stage_one.outputs.count()
        for person in (mentor, representative, regional_head):
            client = login(person)
            assert client.get(f"/workshops/{stage_one.pk}/edit/").status_code == 403
            assert (
                client.post(f"/workshops/{stage_one.pk}/mentors/", {"name": "X"}).status_code == 403
            )
            assert (
                client.post(
                    f"/workshops/outputs/{output.pk}/", {"title": "X", "status": "done"}
                ).status_code
                == 403
            )
            day = stage_one.days.first()
            agenda = {"day": day.pk, "start_time": "09:00", "end_time": "10:00", "topic": "X"}
            assert client.post(f"/workshops/{stage_one.pk}/agenda/", agenda).status_code == 403
            assert (
                client.post(f"/workshops/{stage_one.pk}/outputs/", {"title": "X"}).status_code
                == 403
            )
            deleted = client.post(f"/workshops/delete/output/{output.pk}/")
            assert deleted.status_code == 403
            page = client.get(f"/workshops/{stage_one.pk}/").content.decode()
            assert "Ubah tanggal, tempat dan status" not in page
        assert not Mentor.objects.exists() and not AgendaItem.objects.exists()
        assert stage_one.outputs.filter(pk=output.pk).exists()
        assert stage_one.outputs.count() == outputs_before
        output.refresh_from_db()
        assert output.status == "open"

    def test_the_evidence_file_is_refused_to_opd_people(self, login, stage_one, representative):
        from django.core.files.base import ContentFile

        output = stage_one.outputs.first()
        output.evidence_file.save("bukti.pdf", ContentFile(b"%PDF-1.4 bukti"))
        url = f"/workshops/outputs/{output.pk}/evidence/"
        assert login(representative).get(url).status_code == 403

    def test_an_unknown_kind_to_delete_is_not_found(self, login, secretariat, stage_one):
        response = login(secretariat).post(f"/workshops/delete/foo/{stage_one.pk}/")
        assert response.status_code == 404

    def test_an_unknown_workshop_is_not_found(self, login, secretariat, programme):
        assert login(secretariat).get("/workshops/99999/").status_code == 404
