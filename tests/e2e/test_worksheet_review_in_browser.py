import pytest

from masterplan.models import Worksheet, WorksheetEntry
from tests.factories import OpdFactory
from tests.factories_inputs import WorksheetFactory

from .test_render_book_in_browser import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_proposal_goes_round_the_review_until_it_is_accepted(
    live_server, browser, tasks_backend, representative, secretariat, programme, opd
):
    OpdFactory(name="Dinas Komunikasi dan Informatika", acronym="Diskominfo")
    worksheet = WorksheetFactory(window__programme=programme, opd=opd)
    errors = []
    rep = browser.new_context(locale="id-ID").new_page()
    rep.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # The representative starts a proposal from the home page and fills it in.
    sign_in(rep, live_server.url, representative.username)
    rep.get_by_role("link", name="Smart Governance").click()
    rep.get_by_label("Jenis").select_option("proposal")
    rep.get_by_label("Nama").fill("Perizinan daring terpadu")
    rep.get_by_role("button", name="Tambah dan isi").click()
    rep.get_by_label("Tujuan").fill("Izin terbit dalam tiga hari")
    rep.get_by_label("Target 2027").fill("7 hari")
    # The draft is saved as she types, before she presses anything.
    with rep.expect_response(
        lambda r: "autosave" in r.url and "500000000" in (r.request.post_data or "")
    ):
        rep.get_by_label("Anggaran 2027 (Rp)").fill("500000000")
    rep.get_by_text("Draf tersimpan").wait_for()
    entry = WorksheetEntry.objects.get()
    assert entry.yearly_budgets == {"2027": 500000000}
    rep.get_by_role("button", name="Simpan").click()
    rep.get_by_role("button", name="Kirim ke sekretariat").click()
    rep.get_by_text("Status kertas kerja sekarang: Dikirim.").wait_for()

    # The secretariat returns it with a comment on the proposal.
    sec = browser.new_context(locale="id-ID").new_page()
    sign_in(sec, live_server.url, secretariat.username)
    sec.goto(f"{live_server.url}/inputs/worksheets/{worksheet.pk}/")
    sec.get_by_placeholder("Komentari butir ini").fill("Baseline belum diisi.")
    sec.get_by_role("button", name="Komentar", exact=True).click()
    sec.get_by_text("Komentar Anda telah disimpan.").wait_for()
    sec.get_by_role("button", name="Kembalikan untuk diperbaiki").click()
    sec.get_by_label("Apa yang perlu diperbaiki OPD?").fill("Lengkapi baseline.")
    sec.get_by_role("button", name="Kembalikan ke OPD").click()
    sec.get_by_text("Status kertas kerja sekarang: Dikembalikan.").wait_for()

    # The representative reads the comments, revises and resubmits.
    rep.goto(f"{live_server.url}/inputs/worksheets/{worksheet.pk}/")
    assert rep.get_by_text("Baseline belum diisi.").is_visible()
    assert rep.get_by_text("Lengkapi baseline.").is_visible()
    rep.get_by_role("link", name="Ubah").click()
    rep.get_by_label("Baseline").fill("14 hari")
    rep.get_by_role("button", name="Simpan").click()
    rep.get_by_role("button", name="Kirim ulang").click()
    rep.get_by_text("Status kertas kerja sekarang: Dikirim.").wait_for()

    # The secretariat accepts.
    sec.reload()
    sec.get_by_role("button", name="Terima").click()
    sec.get_by_text("Status kertas kerja sekarang: Diterima.").wait_for()

    worksheet.refresh_from_db()
    assert worksheet.state == Worksheet.State.ACCEPTED
    assert WorksheetEntry.objects.get().baseline == "14 hari"
    assert list(worksheet.state_changes.values_list("to_state", flat=True)) == [
        "submitted",
        "returned",
        "submitted",
        "accepted",
    ]
    assert errors == []
