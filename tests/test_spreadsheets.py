"""Worksheets to XLSX and back: the round trip, all-or-nothing import, and who may do it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from masterplan.inputs import spreadsheets
from masterplan.models import FundingSource, WorksheetEntry
from regency.models import Element

from .factories_inputs import EntryFactory, WorksheetFactory

pytestmark = pytest.mark.django_db
Kind = WorksheetEntry.Kind


@pytest.fixture
def worksheet(programme, opd):
    return WorksheetFactory(window__programme=programme, opd=opd)


@pytest.fixture
def filled(worksheet, other_opd):
    proposal = EntryFactory(
        worksheet=worksheet,
        element=Element.objects.get(code="pelayanan-publik"),
        objective="Izin terbit dalam tiga hari",
        indicator="Hari terbit izin",
        baseline="14 hari",
        funding_source=FundingSource.objects.get(code="apbd"),
        yearly_targets={"2027": "7 hari", "2028": "3 hari"},
        yearly_budgets={"2027": 500000000, "2028": 250000000},
        quick_win_candidate=True,
    )
    proposal.partner_opds.add(other_opd)
    EntryFactory(worksheet=worksheet, kind=Kind.ISSUE, title="Antrean izin panjang")
    EntryFactory(
        worksheet=worksheet,
        kind=Kind.APPLICATION,
        title="SiCantik",
        asset_status=WorksheetEntry.AssetStatus.IN_USE,
    )
    return worksheet


def snapshot(worksheet):
    return [
        (
            e.kind,
            e.element_id,
            e.title,
            e.description,
            e.asset_status,
            e.objective,
            e.indicator,
            e.baseline,
            e.funding_source_id,
            sorted(e.partner_opds.values_list("pk", flat=True)),
            e.quick_win_candidate,
            e.yearly_targets,
            e.yearly_budgets,
        )
        for e in worksheet.entries.order_by("pk")
    ]


def as_upload(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("kertas-kerja.xlsx", content)


def edit(content: bytes, change) -> bytes:
    book = load_workbook(io.BytesIO(content))
    change(book.active)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def row_of(sheet, title) -> int:
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 6).value == title)


def column(sheet, header) -> int:
    return [c.value for c in sheet[1]].index(header) + 1


class TestRoundTrip:
    def test_export_then_import_unchanged_keeps_the_same_data(self, filled, representative):
        before = snapshot(filled)
        content = spreadsheets.export([filled], filled.window.programme.years)
        result = spreadsheets.import_worksheet(filled, as_upload(content), representative)
        assert result.ok and (result.created, result.updated) == (0, 3)
        assert snapshot(filled) == before

    def test_an_edited_cell_and_a_new_row_come_back(self, filled, representative):
        content = spreadsheets.export([filled], filled.window.programme.years)

        def change(sheet):
            row = row_of(sheet, "Perizinan daring terpadu")
            sheet.cell(row, column(sheet, "Target 2029")).value = "2 hari"
            sheet.cell(row, column(sheet, "Anggaran 2029 (Rp)")).value = 100000000
            sheet.append(["", "Bappeda", "Smart Governance", "Isu atau permasalahan", "",
                          "Server sering mati"])  # fmt: skip

        spreadsheets.import_worksheet(filled, as_upload(edit(content, change)), representative)
        proposal = filled.entries.get(kind=Kind.PROPOSAL)
        assert proposal.yearly_targets["2029"] == "2 hari"
        assert proposal.yearly_budgets["2029"] == 100000000
        assert proposal.version == 2
        assert filled.entries.filter(title="Server sering mati", kind=Kind.ISSUE).exists()

    def test_the_export_of_a_window_holds_every_opd(self, filled, other_opd):
        other = WorksheetFactory(window=filled.window, opd=other_opd)
        EntryFactory(worksheet=other, title="Usulan Dinkes")
        content = spreadsheets.export(filled.window.worksheets.all(), [2027])
        sheet = load_workbook(io.BytesIO(content)).active
        assert {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)} == {
            "Bappeda",
            "Dinkes",
        }


class TestAllOrNothing:
    def test_every_bad_row_is_reported_and_nothing_is_saved(self, filled, representative):
        before = snapshot(filled)
        content = spreadsheets.export([filled], filled.window.programme.years)

        def change(sheet):
            # rows: 2 SiCantik (application), 3 the issue, 4 the proposal
            sheet.cell(2, column(sheet, "Nama")).value = "Judul baru yang tidak boleh masuk"
            sheet.cell(4, column(sheet, "Anggaran 2027 (Rp)")).value = "lima juta"
            sheet.cell(3, column(sheet, "OPD")).value = "Dinkes"
            sheet.cell(2, column(sheet, "Target 2027")).value = "7 hari"  # not for an app
            sheet.append([9999, "", "", "Isu atau permasalahan", "", "Titipan"])
            sheet.append(["", "", "", "Ramalan", "", "Jenis aneh"])

        result = spreadsheets.import_worksheet(
            filled, as_upload(edit(content, change)), representative
        )
        assert not result.ok
        assert [r.row for r in result.rejections] == [2, 3, 4, 5, 6]
        reasons = {r.row: " ".join(r.reasons) for r in result.rejections}
        assert "Target 2027" in reasons[2]
        assert "Dinkes" in reasons[3]
        assert "Anggaran 2027" in reasons[4] or "Budget 2027" in reasons[4]
        assert "9999" in reasons[5]
        assert "Ramalan" in reasons[6]
        assert snapshot(filled) == before

    def test_a_file_that_is_not_xlsx_is_refused(self, worksheet, representative):
        with pytest.raises(spreadsheets.UnreadableFile):
            spreadsheets.import_worksheet(worksheet, as_upload(b"bukan excel"), representative)


class TestViews:
    def test_the_representative_exports_their_worksheet(self, login, representative, filled):
        response = login(representative).get(
            reverse("masterplan:inputs:worksheet_export", args=[filled.pk])
        )
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet.title == "Kertas Kerja"
        assert sheet.max_row == 4

    def test_the_import_page_reports_rejections_and_keeps_the_data(
        self, login, representative, filled
    ):
        before = snapshot(filled)
        content = edit(
            spreadsheets.export([filled], filled.window.programme.years),
            lambda sheet: sheet.append(["", "", "", "Isu", "", ""]),
        )
        response = login(representative).post(
            reverse("masterplan:inputs:worksheet_import", args=[filled.pk]),
            {"file": as_upload(content)},
        )
        assert response.status_code == 200
        assert 'id="rejections"' in response.text
        assert snapshot(filled) == before

    def test_a_good_import_redirects_to_the_worksheet(self, login, representative, filled):
        content = spreadsheets.export([filled], filled.window.programme.years)
        response = login(representative).post(
            reverse("masterplan:inputs:worksheet_import", args=[filled.pk]),
            {"file": as_upload(content)},
        )
        assert response.url == reverse("masterplan:inputs:worksheet", args=[filled.pk])

    def test_another_opd_can_neither_export_nor_import(self, login, representative, other_opd):
        other = WorksheetFactory(opd=other_opd)
        client = login(representative)
        assert (
            client.get(reverse("masterplan:inputs:worksheet_export", args=[other.pk])).status_code
            == 404
        )
        response = client.post(
            reverse("masterplan:inputs:worksheet_import", args=[other.pk]),
            {"file": as_upload(b"x")},
        )
        assert response.status_code == 404

    def test_a_mentor_exports_all_but_cannot_import(self, login, mentor, filled):
        client = login(mentor)
        response = client.get(reverse("masterplan:inputs:window_export", args=[filled.window_id]))
        assert response.status_code == 200
        response = client.post(
            reverse("masterplan:inputs:worksheet_import", args=[filled.pk]),
            {"file": as_upload(spreadsheets.export([filled], [2027]))},
        )
        assert response.status_code == 403

    def test_a_representative_cannot_export_the_whole_window(self, login, representative, filled):
        response = login(representative).get(
            reverse("masterplan:inputs:window_export", args=[filled.window_id])
        )
        assert response.status_code == 403


class TestNothingIsLost:
    def test_a_row_changed_in_the_app_after_the_export_is_refused(self, filled, representative):
        content = spreadsheets.export([filled], filled.window.programme.years)
        proposal = filled.entries.get(kind=Kind.PROPOSAL)
        proposal.description = "Diubah rekan di aplikasi"
        proposal.version += 1
        proposal.save()

        def change(sheet):
            row = row_of(sheet, "Perizinan daring terpadu")
            sheet.cell(row, column(sheet, "Target 2029")).value = "2 hari"

        result = spreadsheets.import_worksheet(
            filled, as_upload(edit(content, change)), representative
        )
        assert not result.ok
        [rejection] = result.rejections
        assert rejection.title == "Perizinan daring terpadu"
        assert rejection.reasons == [
            "Butir ini diubah di aplikasi setelah berkas diunduh (kini versi 2); unduh ulang "
            "kertas kerja agar perubahan siapa pun tidak hilang."
        ]
        proposal.refresh_from_db()
        assert proposal.description == "Diubah rekan di aplikasi"

    def test_a_submitted_worksheet_takes_no_import(self, filled, representative):
        from masterplan.inputs import workflow

        content = spreadsheets.export([filled], filled.window.programme.years)
        filled.state = filled.State.SUBMITTED
        filled.save()
        with pytest.raises(workflow.WrongState):
            spreadsheets.import_worksheet(filled, as_upload(content), representative)
