import io

import pytest

from tests.factories import PASSWORD
from tests.factories_quickwins import QuickWinFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def jpeg_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), "teal").save(buffer, format="JPEG")
    return buffer.getvalue()


def test_lead_opd_reports_progress_with_a_photo_and_citizens_see_it(
    live_server, browser, representative, programme
):
    quick_win = QuickWinFactory(
        programme=programme, lead_opd=representative.opd, title="Antrean Sehat", selected=True
    )
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[name=username]").fill(representative.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.get_by_role("link", name="Antrean Sehat").click()  # from the home to-do

    page.get_by_label("Kemajuan", exact=False).and_(page.locator("textarea")).fill(
        "Antrean daring aktif di 33 puskesmas."
    )
    page.locator("textarea[name=links]").fill("https://dinkes.tubankab.go.id/antrean")
    page.locator("input[name=photos]").set_input_files(
        {"name": "puskesmas.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()}
    )
    page.get_by_role("button", name="Kirim pembaruan").click()
    page.get_by_text("Laporan kemajuan telah dikirim.").wait_for()
    history = page.locator("#history-title").locator("..")
    history.get_by_text("Antrean daring aktif di 33 puskesmas.").wait_for()
    image = history.locator("img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    context.close()

    public = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = public.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/publik/")
    page.get_by_role("heading", name="Antrean Sehat").wait_for()
    page.get_by_text("Antrean daring aktif di 33 puskesmas.").wait_for()
    assert representative.display_name not in page.content()
    assert page.locator("svg").count() >= 1
    assert quick_win.budget_notes not in page.content()
    assert errors == []
    public.close()
