import datetime

import pytest

from workshops.models import FollowUp, Minutes


@pytest.fixture
def workshop(programme):
    return programme.workshops.get(stage=1)


@pytest.mark.django_db
class TestMinutes:
    def test_secretariat_writes_minutes_and_scripts_are_removed(self, login, secretariat, workshop):
        client = login(secretariat)
        body = '<h3>Hari pertama</h3><p onclick="x()">Dibuka <strong>Bupati</strong></p><script>alert(1)</script>'
        client.post(f"/workshops/{workshop.pk}/minutes/", {"body": body})
        saved = Minutes.objects.get(workshop=workshop)
        assert saved.body == "<h3>Hari pertama</h3><p>Dibuka <strong>Bupati</strong></p>"
        assert saved.updated_by == secretariat

    def test_follow_ups_show_on_the_owner_opds_home_page_until_done(
        self, login, secretariat, representative, workshop, opd, other_opd
    ):
        client = login(secretariat)
        client.post(
            f"/workshops/{workshop.pk}/follow-ups/",
            {
                "kind": "action",
                "text": "Lengkapi data jaringan",
                "owner_opd": opd.pk,
                "due_date": "2026-07-31",
            },
        )
        client.post(
            f"/workshops/{workshop.pk}/follow-ups/",
            {"kind": "action", "text": "Tugas Dinkes", "owner_opd": other_opd.pk},
        )
        home = login(representative).get("/").content.decode()
        assert "Tindak lanjut OPD Anda yang masih terbuka" in home
        assert "Lengkapi data jaringan" in home and "Tugas Dinkes" not in home
        item = FollowUp.objects.get(text="Lengkapi data jaringan")
        login(secretariat).post(f"/workshops/follow-ups/{item.pk}/toggle/")
        assert "Lengkapi data jaringan" not in login(representative).get("/").content.decode()

    def test_an_action_needs_an_owner(self, login, secretariat, workshop):
        login(secretariat).post(
            f"/workshops/{workshop.pk}/follow-ups/", {"kind": "action", "text": "Tanpa pemilik"}
        )
        assert not FollowUp.objects.exists()

    def test_an_overdue_follow_up_is_marked(self, workshop, opd):
        item = FollowUp(
            workshop=workshop, text="x", owner_opd=opd, due_date=datetime.date(2020, 1, 1)
        )
        assert item.is_overdue

    def test_others_read_but_cannot_write(self, login, workshop, mentor, representative, opd):
        item = FollowUp.objects.create(workshop=workshop, text="Tugas", owner_opd=opd)
        for person in (mentor, representative):
            client = login(person)
            page = client.get(f"/workshops/{workshop.pk}/minutes/")
            assert page.status_code == 200 and "Tugas" in page.content.decode()
            assert (
                client.post(
                    f"/workshops/{workshop.pk}/minutes/", {"body": "<p>palsu</p>"}
                ).status_code
                == 403
            )
            assert (
                client.post(
                    f"/workshops/{workshop.pk}/follow-ups/", {"kind": "decision", "text": "X"}
                ).status_code
                == 403
            )
            assert client.post(f"/workshops/follow-ups/{item.pk}/toggle/").status_code == 403
        item.refresh_from_db()
        assert not item.done and FollowUp.objects.count() == 1
        assert not Minutes.objects.filter(workshop=workshop).exists()  # reading wrote nothing
