from pathlib import Path

import pytest

from regency.models import Role
from tests import pdftext
from tests.factories import PASSWORD, OpdFactory, UserFactory
from tests.factories_signing import issued_sheet

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TABLET = {"width": 820, "height": 1180}
PHONE = {"width": 390, "height": 844}


def sign_in(page, base_url, username):
    page.goto(f"{base_url}/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def draw_signature(page):
    pad = page.locator("#signature-pad")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    x, y, w, h = box["x"], box["y"], box["width"], box["height"]
    page.mouse.move(x + w * 0.1, y + h * 0.7)
    page.mouse.down()
    for step in range(1, 13):
        page.mouse.move(x + w * (0.1 + step * 0.06), y + h * (0.3 if step % 2 else 0.7), steps=4)
    page.mouse.up()


def sign_as(browser, base_url, person, viewport):
    context = browser.new_context(viewport=viewport, locale="id-ID", has_touch=True)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(page, base_url, person.username)
    page.get_by_role("link", name="Baca dan tanda tangani").first.click()
    draw_signature(page)
    page.get_by_label("Kata sandi Anda").fill(PASSWORD)
    page.get_by_role("button", name="Tanda tangani lembar komitmen").click()
    page.get_by_text("Terima kasih: tanda tangan Anda telah tercatat.").wait_for()
    assert errors == []
    context.close()


def test_three_opd_heads_then_the_regent_sign_and_the_secretariat_downloads_the_pdf(
    live_server, browser, tasks_backend, secretariat, regional_head, programme
):
    heads = [
        UserFactory(
            username=f"kepala.{acronym.lower()}",
            full_name=name,
            role=Role.OPD_HEAD,
            opd=OpdFactory(name=opd_name, acronym=acronym),
        )
        for acronym, opd_name, name in [
            ("Bappeda", "Badan Perencanaan Pembangunan Daerah", "Sri Wahyuni"),
            ("Dinkes", "Dinas Kesehatan", "Andi Firmansyah"),
            ("Dishub", "Dinas Perhubungan", "Rudi Setiawan"),
        ]
    ]
    sheet = issued_sheet(programme, secretariat, [regional_head, *heads])

    for head, viewport in zip(heads, [TABLET, PHONE, TABLET], strict=True):
        sign_as(browser, live_server.url, head, viewport)
    sign_as(browser, live_server.url, regional_head, TABLET)

    context = browser.new_context(accept_downloads=True, locale="id-ID")
    page = context.new_page()
    sign_in(page, live_server.url, secretariat.username)
    page.goto(f"{live_server.url}/commitments/{sheet.pk}/")
    assert page.get_by_text("4 dari 4 telah menandatangani").is_visible()
    link = page.get_by_role("link", name="Unduh PDF bertanda tangan")
    link.wait_for(timeout=90_000)  # htmx polls until the signed PDF is there
    with page.expect_download() as download_info:
        link.click()
    text = "\n".join(pdftext.pages_text(Path(download_info.value.path()).read_bytes()))
    for person in [*heads, regional_head]:
        assert person.full_name in text
    context.close()
