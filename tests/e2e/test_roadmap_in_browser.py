import pytest

from masterplan.models import RoadmapItem, Worksheet
from tests.factories_inputs import EntryFactory, WorksheetFactory

from .test_render_book_in_browser import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_two_proposals_become_one_item_and_a_missed_target_shows(
    live_server, browser, representative, secretariat, programme, opd, other_opd
):
    window_sheet = WorksheetFactory(
        window__programme=programme, opd=opd, state=Worksheet.State.ACCEPTED
    )
    other_sheet = WorksheetFactory(
        window=window_sheet.window, opd=other_opd, state=Worksheet.State.ACCEPTED
    )
    ours = EntryFactory(
        worksheet=window_sheet, title="Perizinan daring", yearly_targets={"2027": "40%"}
    )
    theirs = EntryFactory(worksheet=other_sheet, title="Izin online")
    errors = []

    # The secretariat merges the two proposals into one item led by the first OPD.
    sec = browser.new_context(locale="id-ID").new_page()
    sec.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(sec, live_server.url, secretariat.username)
    sec.goto(f"{live_server.url}/roadmap/promote/")
    sec.get_by_label("Kelompok gabungan Perizinan daring").fill("izin")
    sec.get_by_label("Kelompok gabungan Izin online").fill("izin")
    sec.get_by_label("Pengampu Perizinan daring").check()
    sec.get_by_role("button", name="Masukkan ke roadmap").click()
    sec.get_by_text("1 item roadmap dibuat dari 2 usulan.").wait_for()
    item = RoadmapItem.objects.get()
    assert item.lead_opd == opd and set(item.proposals.all()) == {ours, theirs}
    RoadmapItem.objects.filter(pk=item.pk).update(status=RoadmapItem.Status.RUNNING)

    # The lead OPD reports a missed target with its reason.
    rep = browser.new_context(locale="id-ID").new_page()
    sign_in(rep, live_server.url, representative.username)
    rep.goto(f"{live_server.url}/roadmap/report/?year=2027")
    rep.get_by_label("Realisasi").fill("25%")
    rep.get_by_label("Alasan target tidak tercapai").fill("Server baru tiba bulan November")
    rep.get_by_label("Rencana solusi").fill("Migrasi selesai triwulan I")
    rep.get_by_role("button", name="Simpan laporan").click()
    rep.get_by_text("Laporan tahun 2027 telah disimpan.").wait_for()

    # The dimension summary shows it.
    sec.goto(f"{live_server.url}/roadmap/monitoring/?year=2027")
    assert sec.get_by_text("1 dari 1").is_visible()
    assert sec.get_by_text("Server baru tiba bulan November").is_visible()
    assert errors == []
