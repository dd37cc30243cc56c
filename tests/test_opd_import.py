"""OPDs imported from XLSX or CSV, with a report of every row rejected (issue 13)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from regency.models import Opd
from regency.opds.register import add_opd, import_opds

HEADER = ["Nama", "Singkatan", "Jenis", "Nama Kepala", "NIP Kepala", "Jabatan Kepala"]


def xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("opd.xlsx", buffer.getvalue())


@pytest.mark.django_db
class TestImportPage:
    def test_good_rows_are_added_and_a_bad_row_is_reported(self, login, secretariat):
        upload = xlsx([
            HEADER,
            ["Dinas Kesehatan", "Dinkes", "dinas", "dr. Rahmat", "197003121995031004", "Kepala Dinas"],
            ["Kecamatan Bontang Utara", "", "", "Andi Makmur", "", "Camat"],
            ["Badan Keuangan Daerah", "BKD", "badan", "Yusuf", "123", "Kepala Badan"],
            ["Dinas Pariwisata", "", "kementerian", "", "", ""],
        ])  # fmt: skip
        page = login(secretariat).post("/opds/import/", {"file": upload}).content.decode()
        assert "2 ditambahkan, 0 diperbarui, 2 ditolak." in page
        assert "NIP terdiri atas tepat 18 angka" in page
        assert "jenis “kementerian” tidak dikenal" in page
        assert sorted(Opd.objects.values_list("name", "kind")) == [
            ("Dinas Kesehatan", "dinas"),
            ("Kecamatan Bontang Utara", "kecamatan"),  # the kind guessed from the name
        ]
        assert Opd.objects.get(acronym="Dinkes").head_position == "Kepala Dinas"

    def test_a_csv_updates_an_opd_of_the_same_name(self, login, secretariat, other_opd):
        upload = SimpleUploadedFile(
            "opd.csv", b"Nama;Nama Kepala\nDinas Kesehatan;dr. Baru\nDesa Sukamaju;Kades\n"
        )
        page = login(secretariat).post("/opds/import/", {"file": upload}).content.decode()
        assert "1 ditambahkan, 1 diperbarui, 0 ditolak." in page
        other_opd.refresh_from_db()
        assert other_opd.head_name == "dr. Baru"
        assert Opd.objects.get(name="Desa Sukamaju").kind == "desa"

    def test_an_opd_user_cannot_import(self, login, representative):
        upload = xlsx([HEADER, ["Dinas Baru", "", "dinas", "", "", ""]])
        assert login(representative).post("/opds/import/", {"file": upload}).status_code == 403
        assert not Opd.objects.filter(name="Dinas Baru").exists()


@pytest.mark.django_db
class TestFunctions:
    def test_import_opds_takes_rows_and_reports(self):
        report = import_opds([("Nama", "Jenis"), ("RSUD dr. Soetomo", ""), ("", "dinas")])
        assert (report.created, report.updated) == (1, 0)
        assert report.rejected == [(3, "nama belum diisi")]
        assert Opd.objects.get().kind == "rsud"

    def test_a_file_without_a_name_column_is_refused_whole(self):
        report = import_opds([("Singkatan",), ("Dinkes",)])
        assert report.created == 0 and report.rejected[0][0] == 1
        assert not Opd.objects.exists()

    def test_add_opd_checks_before_saving(self):
        opd = add_opd(name="Inspektorat Daerah", kind="inspektorat", head_name="Sri")
        assert Opd.objects.get() == opd
        with pytest.raises(Exception, match="NIP"):
            add_opd(name="Dinas Sosial", head_nip="12")
        assert Opd.objects.count() == 1


@pytest.mark.django_db
def test_importing_again_without_a_kind_keeps_the_kind_an_opd_has():
    import_opds([("Nama", "Jenis"), ("Badan Layanan Umum Daerah RS Taman Husada", "rsud")])
    import_opds([("Nama", "Nama Kepala"), ("Badan Layanan Umum Daerah RS Taman Husada", "dr. Ani")])
    opd = Opd.objects.get()
    assert (opd.kind, opd.head_name) == ("rsud", "dr. Ani")
