import pytest

from masterplan.models import QuickWinOrigin
from tests.factories_quickwins import public_service
from tests.factories_roadmap import RoadmapItemFactory

from .test_render_book_in_browser import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_secretariat_plans_an_item_makes_a_quick_win_and_citizens_see_the_summary(
    live_server, browser, secretariat, programme, opd
):
    element = public_service()  # the seeded element, recreated after a browser test flushed it
    item = RoadmapItemFactory(programme=programme, lead_opd=opd, title="Antrean Layanan Daring")
    errors = []
    page = browser.new_context(locale="id-ID", viewport={"width": 390, "height": 844}).new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(page, live_server.url, secretariat.username)

    # The 2028 target and budget, on a phone.
    page.goto(f"{live_server.url}/roadmap/items/{item.pk}/edit/")
    page.get_by_label("Target 2028").fill("75% layanan daring")
    page.get_by_label("Anggaran 2028 (Rp)").fill("65000000")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("Item roadmap telah disimpan.").wait_for()
    assert page.get_by_role("cell", name="75% layanan daring").is_visible()
    assert page.get_by_role("cell", name="65.000.000").is_visible()

    # A quick win made from the item, filled in from it.
    page.get_by_role("link", name="Jadikan quick win").click()
    assert page.get_by_label("Judul").input_value() == "Antrean Layanan Daring"
    page.get_by_label("Elemen").select_option(str(element.pk))
    page.get_by_label("Permasalahan").fill("Warga antre berjam-jam untuk izin")
    page.get_by_label("Solusi").fill("Antrean dan berkas daring")
    page.get_by_label("Penerima manfaat").fill("Warga yang mengurus izin")
    page.get_by_label("Tanggal mulai").fill("2027-02-01")
    page.get_by_label("Tanggal target").fill("2027-12-31")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("Quick win telah disimpan.").wait_for()
    origin = QuickWinOrigin.objects.get()
    assert origin.roadmap_item == item
    page.get_by_role("link", name="Roadmap: Antrean Layanan Daring").click()
    assert page.get_by_role("link", name="Antrean Layanan Daring").first.is_visible()

    # The summary goes public; citizens see it without signing in.
    page.goto(f"{live_server.url}/roadmap/")
    page.get_by_role("button", name="Tampilkan ringkasan di halaman publik").click()
    page.get_by_text("Warga kini dapat melihat ringkasan roadmap").wait_for()
    citizen = browser.new_context(locale="id-ID").new_page()
    citizen.goto(f"{live_server.url}/publik/")
    citizen.locator("summary", has_text="Smart Governance").click()
    assert citizen.get_by_role("cell", name="Antrean Layanan Daring").is_visible()
    assert "65.000.000" not in citizen.content()
    assert errors == []
