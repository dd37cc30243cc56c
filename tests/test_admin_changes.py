"""The record of administrative changes: who changed which setting, role, OPD or person."""

from zoneinfo import ZoneInfo

import pytest

from regency.models import Regency, Role

from .factories import PASSWORD

pytestmark = pytest.mark.django_db


def edit(client, person, **changes):
    data = {
        "full_name": person.full_name,
        "nip": person.nip,
        "position": person.position,
        "opd": person.opd_id or "",
        "role": person.role,
        "email": person.email or f"{person.username}@contoh.id",
        "phone": person.phone,
        "language": person.language,
    }
    data.update(changes)
    assert client.post(f"/people/{person.pk}/edit/", data).status_code == 302


def test_the_history_page_shows_a_role_change_with_who_made_it(login, secretariat, mentor):
    client = login(secretariat)
    edit(client, mentor, role=Role.REGIONAL_HEAD)
    page = client.get("/people/changes/").content.decode()
    table = page[page.index('id="changes"') :]
    row = table[: table.index("Kepala daerah") + 200]
    assert "Rina Kusumawati" in row
    assert "Orang: Farhan Hidayat" in row
    assert "Pendamping → Kepala daerah" in row


def test_an_opd_change_is_recorded(login, secretariat, representative, other_opd):
    client = login(secretariat)
    edit(client, representative, opd=other_opd.pk)
    page = client.get("/people/changes/?kind=person").content.decode()
    assert "Bappeda → Dinkes" in page


def test_it_filters_by_kind(login, secretariat, regency, opd, mentor):
    client = login(secretariat)
    edit(client, mentor, role=Role.REGIONAL_HEAD)
    profile = Regency.load()
    profile.head_name = "Hj. Sri Rahayu"
    profile.save()
    only_regency = client.get("/people/changes/?kind=regency").content.decode()
    assert "Hj. Sri Rahayu" in only_regency
    assert "Pendamping → Kepala daerah" not in only_regency
    only_people = client.get("/people/changes/?kind=person").content.decode()
    assert "Pendamping → Kepala daerah" in only_people and "Hj. Sri Rahayu" not in only_people
    everything = client.get("/people/changes/").content.decode()
    assert "Hj. Sri Rahayu" in everything and "Pendamping → Kepala daerah" in everything


def test_a_password_is_never_shown(login, secretariat, mentor):
    mentor.set_password("rahasia-baru-456")
    mentor.save()
    page = login(secretariat).get("/people/changes/?kind=person").content.decode()
    assert "pbkdf2" not in page and "md5$" not in page


def test_times_are_in_the_regencys_zone(login, secretariat, regency, mentor):
    regency.time_zone = Regency.TimeZone.WITA
    regency.save()
    client = login(secretariat)
    edit(client, mentor, role=Role.REGIONAL_HEAD)
    record = mentor.history.latest("history_date")
    local = record.history_date.astimezone(ZoneInfo("Asia/Makassar"))
    page = client.get("/people/changes/").content.decode()
    assert f"{local:%H.%M} WITA" in page


def test_signing_in_records_no_change(regency, mentor, client):
    before = mentor.history.count()
    response = client.post("/accounts/login/", {"username": mentor.username, "password": PASSWORD})
    assert response.status_code == 302
    mentor.refresh_from_db()
    assert mentor.last_login is not None
    assert mentor.history.count() == before
