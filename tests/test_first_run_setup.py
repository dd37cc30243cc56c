"""First run: a fresh superuser is led to a setup that can be left and resumed (issue 13)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpRequest
from openpyxl import Workbook
from PIL import Image

from masterplan.models import Book
from regency.models import Opd, Programme, Regency, Role
from workshops.models import Workshop

from .factories import PASSWORD, OpdFactory, ProgrammeFactory, RegencyFactory, UserFactory

REGENCY_STEP = {
    "kind": "kota",
    "name": "Bontang",
    "province": "Kalimantan Timur",
    "head_title": "",
    "head_name": "Dr. Hj. Neni Moerniaeni, Sp.OG.",
    "head_nip": "",
    "time_zone": "Asia/Makassar",
    "address": "Jl. Moh. Roem No. 1, Bontang",
}


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 60), (11, 61, 98)).save(buffer, format="PNG")
    return buffer.getvalue()


def xlsx(rows: list[tuple]) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("opd.xlsx", buffer.getvalue())


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", role="", is_superuser=True, is_staff=True)


def sign_in(client, user):
    assert client.login(request=HttpRequest(), username=user.username, password=PASSWORD)
    return client


@pytest.mark.django_db
class TestTheSetupStepByStep:
    def test_a_fresh_superuser_is_led_from_the_home_page_to_the_setup(self, client, superuser):
        response = sign_in(client, superuser).get("/")
        assert response.status_code == 302
        assert response["Location"] == "/setup/"
        page = client.get("/setup/").content.decode()
        assert "Menyiapkan daerah" in page
        assert page.count("Belum") >= 4  # every required step still to do

    def test_opening_the_setup_makes_a_superuser_the_secretariat_so_no_page_is_403(
        self, client, superuser
    ):
        sign_in(client, superuser)
        assert client.get("/inputs/funding-sources/").status_code == 403  # no role yet
        client.get("/setup/")
        superuser.refresh_from_db()
        assert superuser.role == Role.SECRETARIAT
        assert client.get("/inputs/funding-sources/").status_code == 200
        assert 'href="/settings/regency/"' in client.get("/setup/").content.decode()

    def test_signing_in_leads_a_fresh_superuser_to_the_setup(self, client, superuser):
        response = client.post(
            "/accounts/login/", {"username": "admin", "password": PASSWORD}, follow=True
        )
        assert response.redirect_chain[-1][0] == "/setup/"

    def test_each_step_saves_and_the_setup_resumes_where_it_was_left(
        self, client, superuser, settings, tmp_path
    ):
        settings.SIGNING_KEY_FILE = tmp_path / "key.pem"  # a fresh install: no certificate yet
        settings.SIGNING_CERT_FILE = tmp_path / "cert.pem"
        sign_in(client, superuser)
        emblem = SimpleUploadedFile("lambang.png", png(), content_type="image/png")
        response = client.post("/setup/regency/", {**REGENCY_STEP, "emblem": emblem})
        assert response["Location"] == "/setup/office/"
        regency = Regency.load()
        assert regency.official_name == "Kota Bontang"
        assert regency.regional_head_title == "Wali Kota"
        assert regency.time_zone_abbreviation == "WITA"
        assert regency.emblem.name.endswith(".png")
        superuser.refresh_from_db()
        assert superuser.role == Role.SECRETARIAT  # the person doing the setup

        # left here; back later, the home page brings them to the steps, the first one done
        client.logout()
        sign_in(client, superuser)
        assert client.get("/")["Location"] == "/setup/"
        page = client.get("/setup/").content.decode()
        assert "Selesai" in page

        response = client.post(
            "/setup/office/",
            {
                "office_name": "Dinas Komunikasi, Informatika, Statistik dan Persandian",
                "office_address": "Jl. Bessai Berinta, Bontang Lestari",
                "office_phone": "(0548) 3036000",
                "office_email": "diskominfo@bontangkota.go.id",
                "office_website": "diskominfo.bontangkota.go.id",
            },
        )
        assert response["Location"] == "/setup/opds/"
        regency.refresh_from_db()
        assert regency.office_website == "https://diskominfo.bontangkota.go.id"

        table = xlsx(
            [
                ("Nama", "Singkatan", "Jenis", "Nama Kepala", "NIP Kepala"),
                ("Badan Perencanaan Pembangunan Daerah", "Bappeda", "badan", "Ir. Sugeng", ""),
                ("Kecamatan Bontang Utara", "", "", "", ""),
                ("RSUD Taman Husada", "RSUD", "RSUD", "", ""),
                ("Dinas Pariwisata", "Dispar", "planet", "", ""),
                ("Dinas Sosial", "Dinsos", "dinas", "", "12345"),
            ]
        )
        page = client.post("/setup/opds/", {"import": "1", "file": table}).content.decode()
        assert "3 ditambahkan" in page
        assert "<td>5</td>" in page and "planet" in page  # the row report: row number, reason
        assert "<td>6</td>" in page
        kinds = dict(Opd.objects.values_list("name", "kind"))
        assert kinds == {
            "Badan Perencanaan Pembangunan Daerah": "badan",
            "Kecamatan Bontang Utara": "kecamatan",
            "RSUD Taman Husada": "rsud",
        }

        typed = {
            "opd-TOTAL_FORMS": "5",
            "opd-INITIAL_FORMS": "0",
            "opd-0-name": "Dinas Pariwisata",
            "opd-0-acronym": "Dispar",
            "opd-0-kind": "dinas",
            "opd-1-name": "Desa Guntung",
            "opd-1-kind": "desa",
            **{f"opd-{n}-kind": "dinas" for n in range(2, 5)},
            "typed": "1",
        }
        response = client.post("/setup/opds/", typed)
        assert response["Location"] == "/setup/programme/"
        assert Opd.objects.count() == 5

        response = client.post(
            "/setup/programme/",
            {
                "name": "Masterplan Smart City",
                "year_joined": 2026,
                "period_start": 2027,
                "period_end": 2036,
            },
        )
        assert response["Location"] == "/setup/certificate/"
        programme = Programme.current()
        assert programme.period_label == "2027–2036"
        assert Workshop.objects.filter(programme=programme).count() == 4
        assert Book.objects.filter(programme=programme).count() == 3

        page = client.get("/setup/certificate/").content.decode()
        assert "sertifikat" in page.lower()
        page = client.get("/setup/people/").content.decode()
        assert "orang" in page.lower()
        # the setup is complete: the home page is the secretariat's own again
        response = client.get("/")
        assert response.status_code == 200
        assert "Administrasi" in response.content.decode()

    def test_a_bad_emblem_is_refused_and_nothing_is_saved(self, client, superuser):
        sign_in(client, superuser)
        fake = SimpleUploadedFile("lambang.png", b"not a picture", content_type="image/png")
        response = client.post("/setup/regency/", {**REGENCY_STEP, "emblem": fake})
        assert response.status_code == 200
        assert "bukan gambar" in response.content.decode()
        assert Regency.load() is None

    def test_a_file_that_is_not_a_table_is_refused_with_its_reason(self, client, superuser):
        sign_in(client, superuser)
        upload = SimpleUploadedFile("opd.pdf", b"%PDF-1.4")
        page = client.post("/setup/opds/", {"import": "1", "file": upload}).content.decode()
        assert ".xlsx" in page
        assert not Opd.objects.exists()

    def test_the_first_account_may_set_up_when_there_is_no_regency(self, client, db):
        first = UserFactory(username="pertama", role="")
        sign_in(client, first)
        assert client.get("/")["Location"] == "/setup/"
        assert client.get("/setup/").status_code == 200


@pytest.mark.django_db
class TestWhoMayOpenTheSetup:
    @pytest.mark.parametrize("fixture", ["representative", "opd_head", "mentor", "regional_head"])
    def test_others_are_refused_and_nothing_changes(self, client, request, fixture):
        user = request.getfixturevalue(fixture)
        sign_in(client, user)
        assert client.get("/setup/").status_code == 403
        assert client.post("/setup/regency/", REGENCY_STEP).status_code == 403
        assert Regency.load() is None
        assert client.get("/settings/regency/").status_code == 403
        user.refresh_from_db()
        assert user.role != Role.SECRETARIAT

    def test_a_later_account_without_a_role_is_refused(self, client, secretariat):
        later = UserFactory(username="baru", role="")
        sign_in(client, later)
        assert client.get("/setup/").status_code == 403
        assert client.get("/").status_code == 200  # its home page, not the setup

    def test_a_superuser_without_a_role_after_the_setup_is_refused(self, client, db):
        RegencyFactory()
        ProgrammeFactory()
        OpdFactory()
        superuser = UserFactory(username="dev", role="", is_superuser=True)
        sign_in(client, superuser)
        assert client.get("/setup/").status_code == 403
        assert client.post("/settings/regency/", REGENCY_STEP).status_code == 403
        assert Regency.load().name == "Tuban"

    def test_a_stranger_is_sent_to_sign_in(self, client, db):
        response = client.get("/setup/")
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
