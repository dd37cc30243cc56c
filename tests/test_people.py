"""The secretariat's people pages: add, import with a row report, edit, deactivate, filter."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from masterplan.commitments.models import Signature
from regency.models import Role, User

from .factories import PASSWORD, UserFactory
from .factories_signing import issued_sheet

pytestmark = pytest.mark.django_db


def new_person(**overrides):
    data = {
        "full_name": "Ahmad Fauzi, S.Kom.",
        "nip": "198501012010011001",
        "position": "Kepala Seksi Aplikasi",
        "opd": "",
        "role": Role.MENTOR,
        "email": "Ahmad.Fauzi@example.go.id",
        "phone": "0812 3456 7890",
        "language": "id",
    }
    data.update(overrides)
    return data


class TestAddingAPerson:
    def test_the_secretariat_adds_a_person_who_gets_a_link_by_email(
        self, login, secretariat, opd, django_capture_on_commit_callbacks
    ):
        client = login(secretariat)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/people/new/", new_person(opd=opd.pk, role=Role.OPD_REPRESENTATIVE)
            )
        person = User.objects.get(email="ahmad.fauzi@example.go.id")
        assert response.status_code == 302
        assert response["Location"] == f"/people/{person.pk}/"
        assert person.username == "ahmad.fauzi@example.go.id"
        assert person.opd == opd and person.role == Role.OPD_REPRESENTATIVE
        assert not person.has_usable_password()
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["ahmad.fauzi@example.go.id"]
        assert "/accounts/password/set/" in mail.outbox[0].body
        page = client.get(response["Location"]).content.decode()
        assert "Ahmad Fauzi, S.Kom." in page and "Bappeda" in page

    def test_an_opd_representative_without_an_opd_is_refused(self, login, secretariat):
        response = login(secretariat).post("/people/new/", new_person(role=Role.OPD_REPRESENTATIVE))
        assert response.status_code == 400
        assert "harus" in response.content.decode()  # "... harus tergabung dalam OPD"
        assert not User.objects.filter(email="ahmad.fauzi@example.go.id").exists()
        assert not mail.outbox

    def test_an_address_that_already_has_an_account_is_refused(self, login, secretariat):
        secretariat.email = "ahmad.fauzi@example.go.id"
        secretariat.save()
        response = login(secretariat).post("/people/new/", new_person())
        assert response.status_code == 400
        assert User.objects.filter(email__iexact="ahmad.fauzi@example.go.id").count() == 1


def upload(text, name="orang.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


class TestImportingPeople:
    def test_good_rows_are_added_and_a_bad_row_is_reported_with_the_accepted_values(
        self, login, secretariat, opd, django_capture_on_commit_callbacks
    ):
        table = (
            "Nama,NIP,Jabatan,OPD,Peran,Email,Telepon\n"
            "Budi Santoso,197001011995031001,Kepala Bidang,Bappeda,Perwakilan OPD,budi@contoh.id,0811\n"
            "Citra Lestari,,Pendamping,,Mentor,citra@contoh.id,\n"
            "Dedi Kurnia,,Staf,Dinas Tidak Ada,Juru Masak,dedi@contoh.id,\n"
        )
        client = login(secretariat)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/people/import/", {"file": upload(table)})
        page = response.content.decode()
        assert response.status_code == 200
        assert set(User.objects.exclude(pk=secretariat.pk).values_list("email", flat=True)) == {
            "budi@contoh.id",
            "citra@contoh.id",
        }
        assert User.objects.get(email="budi@contoh.id").opd == opd
        report = page[page.index('id="import-report"') :]
        assert "Baris 4" in report
        assert "Dinas Tidak Ada" in report and "Juru Masak" in report
        assert "Sekretariat (Diskominfo)" in report  # the accepted roles are named
        assert sorted(m.to[0] for m in mail.outbox) == ["budi@contoh.id", "citra@contoh.id"]


class TestEditingAndDeactivating:
    def test_nobody_changes_their_own_role(self, login, secretariat):
        client = login(secretariat)
        data = new_person(full_name="Rina K.", email="rina@contoh.id", role=Role.MENTOR)
        response = client.post(f"/people/{secretariat.pk}/edit/", data)
        secretariat.refresh_from_db()
        assert response.status_code == 302
        assert secretariat.role == Role.SECRETARIAT  # the rest of the form is saved, not the role
        assert secretariat.full_name == "Rina K."
        assert "disabled" in client.get(f"/people/{secretariat.pk}/edit/").content.decode()

    def test_nobody_deactivates_themselves(self, login, secretariat):
        response = login(secretariat).post(f"/people/{secretariat.pk}/deactivate/")
        secretariat.refresh_from_db()
        assert response.status_code == 403 and secretariat.is_active

    def test_a_deactivated_person_cannot_sign_in_and_their_signature_stays(
        self, login, secretariat, programme, opd_head
    ):
        before = Client()  # the same password signs in while the person is active
        before.post("/accounts/login/", {"username": opd_head.username, "password": PASSWORD})
        assert "_auth_user_id" in before.session
        sheet = issued_sheet(programme, secretariat, [opd_head])
        signatory = sheet.signatories.get(user=opd_head)
        Signature.objects.create(signatory=signatory, outcome="signed", content_hash="x")
        response = login(secretariat).post(f"/people/{opd_head.pk}/deactivate/")
        assert response.status_code == 302
        opd_head.refresh_from_db()
        assert not opd_head.is_active
        assert User.objects.filter(pk=opd_head.pk).exists()
        assert Signature.objects.filter(signatory__user=opd_head).count() == 1
        stranger = Client()
        answer = stranger.post(
            "/accounts/login/", {"username": opd_head.username, "password": PASSWORD}
        )
        assert answer.status_code == 200  # the form again, not a redirect
        assert "_auth_user_id" not in stranger.session

    def test_a_role_change_is_shown_on_the_persons_page_with_who_made_it(
        self, login, secretariat, mentor
    ):
        client = login(secretariat)
        data = new_person(
            full_name=mentor.full_name, email="farhan@contoh.id", role=Role.REGIONAL_HEAD
        )
        assert client.post(f"/people/{mentor.pk}/edit/", data).status_code == 302
        page = client.get(f"/people/{mentor.pk}/").content.decode()
        history = page[page.index('id="changes"') :]
        assert "Rina Kusumawati" in history
        assert re.search(r"Peran</span>: Pendamping → Kepala daerah", history), history


class TestTheList:
    def test_it_filters_by_opd_and_role_and_searches(self, login, secretariat, opd, other_opd):
        UserFactory(full_name="Eko Prasetyo", role=Role.OPD_HEAD, opd=opd)
        UserFactory(full_name="Fitri Handayani", role=Role.OPD_HEAD, opd=other_opd)
        UserFactory(full_name="Gita Permata", role=Role.OPD_REPRESENTATIVE, opd=opd)
        client = login(secretariat)
        page = client.get(f"/people/?opd={opd.pk}&role=opd_head").content.decode()
        assert "Eko Prasetyo" in page
        assert "Fitri Handayani" not in page and "Gita Permata" not in page
        page = client.get("/people/?q=handa").content.decode()
        assert "Fitri Handayani" in page and "Eko Prasetyo" not in page

    def test_it_is_paginated(self, login, secretariat):
        for number in range(30):
            UserFactory(full_name=f"Orang {number:02d}", role=Role.MENTOR)
        client = login(secretariat)
        first = client.get("/people/").content.decode()
        second = client.get("/people/?page=2").content.decode()
        assert "Halaman 1 dari 2" in first
        assert first.count('href="/people/') - second.count('href="/people/') > 0
        assert "Rina Kusumawati" in first + second


@pytest.mark.parametrize("who", ["representative", "opd_head", "mentor", "regional_head"])
@pytest.mark.parametrize(
    "url",
    [
        "/people/",
        "/people/new/",
        "/people/import/",
        "/people/changes/",
        "/people/{pk}/",
        "/people/{pk}/edit/",
    ],
)
def test_only_the_secretariat_opens_the_people_pages(login, request, secretariat, who, url):
    user = request.getfixturevalue(who)
    response = login(user).get(url.format(pk=secretariat.pk))
    assert response.status_code == 403


@pytest.mark.parametrize("who", ["representative", "mentor"])
def test_nobody_else_changes_a_role(login, request, secretariat, who):
    user = request.getfixturevalue(who)
    data = new_person(full_name="X", email="x@contoh.id", role=Role.MENTOR)
    response = login(user).post(f"/people/{secretariat.pk}/edit/", data)
    assert response.status_code == 403
    deactivate = login(user).post(f"/people/{secretariat.pk}/deactivate/")
    assert deactivate.status_code == 403
    secretariat.refresh_from_db()
    assert secretariat.role == Role.SECRETARIAT and secretariat.is_active


def test_the_list_shows_the_deactivated_only_when_asked(login, secretariat, mentor):
    mentor.is_active = False
    mentor.save()
    client = login(secretariat)
    assert "Farhan Hidayat" in client.get("/people/").content.decode()
    assert "Farhan Hidayat" not in client.get("/people/?is_active=yes").content.decode()
    assert "Farhan Hidayat" in client.get("/people/?is_active=no").content.decode()


class TestNoTakeOverOfAnAccount:
    def test_the_address_of_someone_who_set_a_password_stays_as_it_is(
        self, login, secretariat, regional_head
    ):
        regional_head.email = "bupati@bontangkota.go.id"
        regional_head.save()
        data = new_person(
            full_name=regional_head.full_name, email="saya@contoh.id", role=Role.REGIONAL_HEAD
        )
        login(secretariat).post(f"/people/{regional_head.pk}/edit/", data)
        regional_head.refresh_from_db()
        assert regional_head.email == "bupati@bontangkota.go.id"

    def test_the_developers_accounts_are_not_administered_here(self, login, secretariat):
        admin = UserFactory(username="admin", is_superuser=True, is_staff=True, role="")
        client = login(secretariat)
        for url in (f"/people/{admin.pk}/edit/", f"/people/{admin.pk}/deactivate/"):
            response = client.post(url, {"email": "saya@contoh.id"})
            assert response.status_code == 404
        admin.refresh_from_db()
        assert admin.is_active and admin.email != "saya@contoh.id"
