import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from workshops import register
from workshops.models import Invitation, Participant

from .factories_workshops import ParticipantFactory


def xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("peserta.xlsx", buffer.getvalue())


HEADER = ["Nama", "Jabatan", "OPD", "Organisasi", "Kategori", "Email", "Telepon", "NIP"]


@pytest.mark.django_db
class TestImport:
    def test_good_rows_are_added_and_bad_rows_reported(self, login, secretariat, programme, opd):
        upload = xlsx([
            HEADER,
            ["Dimas Pratama", "Perencana", "Bappeda", "", "OPD", "dimas@tubankab.go.id", "0812", "198501012010011001"],
            ["", "Staf", "Bappeda", "", "", "", "", ""],
            ["Budi", "Staf", "Dinas Fiktif", "", "", "", "", ""],
            ["Sari", "Staf", "", "Relawan TIK", "komunitas", "bukan-email", "", "12345"],
            ["Camat Jenu", "Camat", "", "Kecamatan Jenu", "Kecamatan", "", "", ""],
        ])  # fmt: skip
        page = (
            login(secretariat)
            .post("/workshops/participants/import/", {"file": upload})
            .content.decode()
        )
        assert "2 ditambahkan, 0 diperbarui, 3 ditolak." in page
        assert "nama belum diisi" in page
        assert "OPD “Dinas Fiktif” tidak dikenal" in page
        assert "NIP terdiri atas tepat 18 angka" in page
        assert sorted(Participant.objects.values_list("name", flat=True)) == [
            "Camat Jenu",
            "Dimas Pratama",
        ]
        assert Participant.objects.get(name="Dimas Pratama").opd == opd

    def test_a_known_nip_updates_instead_of_duplicating(self, programme, opd):
        ParticipantFactory(programme=programme, name="Lama", nip="198501012010011001")
        report = register.import_participants(
            programme, [HEADER, ["Baru", "Kabid", "Bappeda", "", "", "", "", 198501012010011001]]
        )
        assert (report.created, report.updated, report.rejected) == (0, 1, [])
        assert Participant.objects.get().name == "Baru"

    def test_csv_with_semicolons_is_read(self, login, secretariat, programme, opd):
        upload = SimpleUploadedFile("peserta.csv", b"Nama;Jabatan;OPD\nRina;Staf;Bappeda\n")
        login(secretariat).post("/workshops/participants/import/", {"file": upload})
        assert Participant.objects.get().opd == opd

    def test_other_files_are_refused_with_a_message(self, login, secretariat, programme):
        upload = SimpleUploadedFile("peserta.pdf", b"%PDF")
        page = (
            login(secretariat)
            .post("/workshops/participants/import/", {"file": upload})
            .content.decode()
        )
        assert "Unggah berkas .xlsx atau .csv." in page
        assert not Participant.objects.exists()

    def test_export_can_be_imported_again(self, login, secretariat, programme, opd):
        ParticipantFactory(programme=programme, name="Dimas", opd=opd, nip="198501012010011001")
        response = login(secretariat).get("/workshops/participants/export/")
        rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
        assert rows[1][:3] == ("Dimas", "Kepala Bidang", "Bappeda")
        report = register.import_participants(programme, [list(r) for r in rows])
        assert (report.updated, report.rejected) == (1, [])


@pytest.mark.django_db
class TestRegisterPages:
    def test_secretariat_adds_a_person_with_a_valid_nip(self, login, secretariat, programme, opd):
        client = login(secretariat)
        page = client.post(
            "/workshops/participants/add/",
            {"name": "Rina", "category": "opd", "opd": opd.pk, "nip": "1985"},
        ).content.decode()
        assert "NIP terdiri atas tepat 18 angka" in page
        assert 'value="Rina"' in page
        client.post(
            "/workshops/participants/add/",
            {"name": "Rina", "category": "opd", "opd": opd.pk, "nip": "198501012010011001"},
        )
        assert "Rina" in client.get("/workshops/participants/").content.decode()

    def test_inviting_an_opd_invites_all_its_people(
        self, login, secretariat, programme, opd, other_opd
    ):
        ParticipantFactory.create_batch(3, programme=programme, opd=opd)
        ParticipantFactory(programme=programme, opd=other_opd)
        workshop = programme.workshops.get(stage=1)
        login(secretariat).post(f"/workshops/{workshop.pk}/invite/", {"opds": [opd.pk]})
        login(secretariat).post(f"/workshops/{workshop.pk}/invite/", {"opds": [opd.pk]})
        assert Invitation.objects.filter(workshop=workshop).count() == 3

    def test_only_the_secretariat_keeps_the_register(
        self, login, programme, mentor, representative, opd_head
    ):
        person = ParticipantFactory(programme=programme)
        workshop = programme.workshops.first()
        for user in (mentor, representative, opd_head):
            client = login(user)
            for url in ("/workshops/participants/", "/workshops/participants/export/",
                        "/workshops/participants/import/", f"/workshops/{workshop.pk}/invite/",
                        f"/workshops/participants/{person.pk}/"):  # fmt: skip
                assert client.get(url).status_code == 403, url
            assert (
                client.post(
                    "/workshops/participants/add/", {"name": "X", "category": "opd"}
                ).status_code
                == 403
            )
        assert Participant.objects.count() == 1


@pytest.mark.django_db
class TestAccounts:
    def test_an_imported_person_is_linked_to_their_account_by_nip(
        self, programme, representative, opd
    ):
        representative.nip = "198501012010011001"
        representative.save()
        register.import_participants(
            programme,
            [
                HEADER,
                ["Dimas Pratama", "Perencana", "Bappeda", "", "", "", "", "198501012010011001"],
            ],
        )
        assert Participant.objects.get().user == representative

    def test_an_added_person_is_linked_by_e_mail(
        self, login, secretariat, programme, representative
    ):
        representative.email = "dimas@tubankab.go.id"
        representative.save()
        login(secretariat).post(
            "/workshops/participants/add/",
            {"name": "Dimas", "category": "opd", "email": "Dimas@tubankab.go.id"},
        )
        assert Participant.objects.get().user == representative
