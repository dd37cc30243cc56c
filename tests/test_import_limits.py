"""Imports read uploads safely: a zip bomb or an oversized table is refused with the limits;
a normal file still imports; a large import runs as a job whose page shows the report."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from bench.zipbomb import zip_bomb
from masterplan.models import WorksheetEntry
from regency.models import ImportJob
from workshops.models import Participant

from .factories_inputs import WorksheetFactory

pytestmark = pytest.mark.django_db

LIMITS = (
    "Berkas impor paling banyak memuat 5.000 baris dan 60 kolom, dan berkas XLSX paling besar "
    "25 MB setelah diekstrak."
)
PARTICIPANTS_IMPORT = "/workshops/participants/import/"


def xlsx(rows, name="data.xlsx") -> SimpleUploadedFile:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Kertas Kerja")
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def worksheet_rows(count: int) -> list[list[str]]:
    return [["Jenis", "Nama"]] + [["issue", f"Antrean izin {n}"] for n in range(count)]


def participant_rows(count: int) -> list[list[str]]:
    return [["Nama", "Jabatan"]] + [[f"Peserta {n}", "Staf"] for n in range(count)]


@pytest.fixture
def worksheet(programme, opd):
    return WorksheetFactory(window__programme=programme, opd=opd)


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return zip_bomb(1_500_000)


class TestZipBomb:
    def test_the_worksheet_import_refuses_the_bomb_naming_the_limits(
        self, login, representative, worksheet, bomb
    ):
        response = login(representative).post(
            reverse("masterplan:inputs:worksheet_import", args=[worksheet.pk]),
            {"file": SimpleUploadedFile("kertas-kerja.xlsx", bomb)},
        )
        assert response.status_code == 200
        assert "Berkas ditolak: setelah diekstrak ukurannya menjadi" in response.text
        assert LIMITS in response.text
        assert not WorksheetEntry.objects.exists()
        assert not ImportJob.objects.exists()

    def test_the_participant_import_refuses_the_bomb_naming_the_limits(
        self, login, secretariat, programme, bomb
    ):
        response = login(secretariat).post(
            PARTICIPANTS_IMPORT, {"file": SimpleUploadedFile("peserta.xlsx", bomb)}
        )
        assert "Berkas ditolak: setelah diekstrak ukurannya menjadi" in response.text
        assert LIMITS in response.text
        assert not Participant.objects.exists()

    def test_a_small_bomb_is_refused_for_its_compression_ratio(self, login, secretariat, programme):
        response = login(secretariat).post(
            PARTICIPANTS_IMPORT, {"file": SimpleUploadedFile("peserta.xlsx", zip_bomb(100_000))}
        )
        assert "membesar" in response.text and "paling banyak 100 kali" in response.text
        assert not Participant.objects.exists()


class TestRowCap:
    def test_a_worksheet_over_the_row_cap_is_refused_naming_the_cap(
        self, login, representative, worksheet
    ):
        response = login(representative).post(
            reverse("masterplan:inputs:worksheet_import", args=[worksheet.pk]),
            {"file": xlsx(worksheet_rows(5_001), "kertas-kerja.xlsx")},
        )
        assert "Berkas memuat lebih dari 5.000 baris" in response.text
        assert not WorksheetEntry.objects.exists()
        assert not ImportJob.objects.exists()

    def test_a_csv_over_the_row_cap_is_refused_naming_the_cap(self, login, secretariat, programme):
        text = "Nama;Jabatan\n" + "".join(f"Peserta {n};Staf\n" for n in range(5_001))
        response = login(secretariat).post(
            PARTICIPANTS_IMPORT, {"file": SimpleUploadedFile("peserta.csv", text.encode())}
        )
        assert "Berkas memuat lebih dari 5.000 baris" in response.text
        assert not Participant.objects.exists()

    @pytest.mark.parametrize("far_cell", ["A1048576", "XFD1048576"])
    def test_a_tiny_sheet_that_claims_a_million_rows_is_refused_at_once(
        self, login, secretariat, programme, far_cell
    ):
        book = Workbook()
        book.active.append(["Nama", "Jabatan"])
        book.active.append(["Rina", "Staf"])
        book.active[far_cell] = "x"  # openpyxl then reads a million rows, 16,384 cells wide
        buffer = io.BytesIO()
        book.save(buffer)
        assert len(buffer.getvalue()) < 10_000
        upload = SimpleUploadedFile("peserta.xlsx", buffer.getvalue())
        response = login(secretariat).post(PARTICIPANTS_IMPORT, {"file": upload})
        assert "Lembar kerja berlanjut melewati baris 20.000" in response.text
        assert not Participant.objects.exists()

    def test_a_table_over_the_column_cap_is_refused(self, login, secretariat, programme):
        wide = [["Nama"] + [f"Kolom {n}" for n in range(70)], ["Rina"] + ["x"] * 70]
        response = login(secretariat).post(PARTICIPANTS_IMPORT, {"file": xlsx(wide)})
        assert "Berkas memuat lebih dari 60 kolom" in response.text
        assert not Participant.objects.exists()


class TestNormalFiles:
    def test_a_normal_worksheet_file_still_imports_at_once(self, login, representative, worksheet):
        response = login(representative).post(
            reverse("masterplan:inputs:worksheet_import", args=[worksheet.pk]),
            {"file": xlsx(worksheet_rows(3), "kertas-kerja.xlsx")},
        )
        assert response.status_code == 302
        assert worksheet.entries.count() == 3
        assert not ImportJob.objects.exists()

    def test_a_normal_participant_file_still_imports_at_once(self, login, secretariat, programme):
        response = login(secretariat).post(
            PARTICIPANTS_IMPORT, {"file": xlsx(participant_rows(3), "peserta.xlsx")}
        )
        assert "3 ditambahkan, 0 diperbarui, 0 ditolak." in response.text
        assert Participant.objects.count() == 3


class TestLargeImportAsJob:
    def test_a_large_participant_import_is_queued_and_finishes_with_its_report(
        self, login, secretariat, programme, django_capture_on_commit_callbacks
    ):
        client = login(secretariat)
        rows = participant_rows(400) + [["", "Staf tanpa nama"]]
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(PARTICIPANTS_IMPORT, {"file": xlsx(rows, "peserta.xlsx")})
        job = ImportJob.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"{PARTICIPANTS_IMPORT}?job={job.pk}"
        assert (job.kind, job.status, job.rows_total) == ("participants", "done", 401)
        assert not job.file  # the upload is not kept once imported
        page = client.get(response["Location"]).text
        assert "400 ditambahkan, 0 diperbarui, 1 ditolak." in page
        assert "nama belum diisi" in page
        assert Participant.objects.count() == 400
        status = client.get(reverse("import_job", args=[job.pk]))
        assert "400 ditambahkan" in status.text and "hx-get" not in status.text

    def test_a_large_worksheet_import_keeps_all_or_nothing_in_its_job(
        self, login, representative, worksheet, django_capture_on_commit_callbacks
    ):
        client = login(representative)
        rows = worksheet_rows(350) + [["jenis-ngawur", "Baris salah"]]
        url = reverse("masterplan:inputs:worksheet_import", args=[worksheet.pk])
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"file": xlsx(rows, "kertas-kerja.xlsx")})
        job = ImportJob.objects.get()
        assert response["Location"] == f"{url}?job={job.pk}"
        page = client.get(response["Location"]).text
        assert "Tidak ada yang diimpor: 1 baris ditolak." in page
        assert "Baris salah" in page
        assert not worksheet.entries.exists()

        good = worksheet_rows(350)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, {"file": xlsx(good, "kertas-kerja.xlsx")})
        job = ImportJob.objects.latest("pk")
        assert (job.status, job.report["created"]) == ("done", 350)
        assert "350 ditambahkan, 0 diperbarui, 0 ditolak." in client.get(response["Location"]).text
        assert worksheet.entries.count() == 350

    def test_nobody_else_sees_the_job(self, login, secretariat, programme, mentor):
        job = ImportJob.objects.create(
            kind="participants",
            target_id=programme.pk,
            file_name="a.xlsx",
            requested_by=secretariat,
        )
        assert login(mentor).get(reverse("import_job", args=[job.pk])).status_code == 404

    def test_a_running_job_shows_its_progress_and_keeps_polling(
        self, login, secretariat, programme
    ):
        job = ImportJob.objects.create(
            kind="participants",
            target_id=programme.pk,
            file_name="peserta.xlsx",
            requested_by=secretariat,
            status="running",
            rows_total=400,
            rows_done=100,
        )
        response = login(secretariat).get(reverse("import_job", args=[job.pk]))
        assert "Impor peserta.xlsx: Sedang diimpor" in response.text
        assert "100 dari 400 baris sudah diperiksa" in response.text
        assert f'hx-get="{reverse("import_job", args=[job.pk])}"' in response.text
