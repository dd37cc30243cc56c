"""Photos over the limit of the quick-win progress form are refused in Chromium before the
form is sent: the limit is named and what was typed is still there."""

import pytest

from tests.factories import PASSWORD
from tests.factories_quickwins import QuickWinFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MB = 1024 * 1024
REFUSAL = "Berkas yang dipilih melebihi batas 60 MB."


def test_photos_over_the_limit_are_refused_before_sending(
    live_server, browser, representative, programme, tmp_path
):
    quick_win = QuickWinFactory(
        programme=programme, lead_opd=representative.opd, title="Antrean Sehat", selected=True
    )
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    errors, posts = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[name=username]").fill(representative.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(f"{live_server.url}/quickwins/{quick_win.pk}/")
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)

    text = page.locator("textarea[name=text]")
    text.fill("Antrean daring aktif di 33 puskesmas.")
    photos = page.locator("input[name=photos]")
    chosen = [tmp_path / f"foto{n}.jpg" for n in range(3)]
    for path in chosen:
        with path.open("wb") as file:
            file.truncate(21 * MB)  # 63 MB together
    photos.set_input_files(chosen)
    page.get_by_role("alert").filter(has_text=REFUSAL).wait_for()
    page.get_by_role("button", name="Kirim pembaruan").click()
    page.wait_for_timeout(500)
    assert posts == []
    assert text.input_value() == "Antrean daring aktif di 33 puskesmas."
    assert page.url.endswith(f"/quickwins/{quick_win.pk}/")

    photos.set_input_files([])  # fewer photos: the refusal goes and the form is sent
    page.get_by_role("button", name="Kirim pembaruan").click()
    page.get_by_text("Laporan kemajuan telah dikirim.").wait_for()
    assert errors == []
    context.close()
