from pathlib import Path

import pytest

from tests import pdftext
from tests.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def sign_in(page, base_url, username):
    page.goto(f"{base_url}/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def test_secretariat_renders_a_book_and_downloads_the_pdf(
    live_server, browser, tasks_backend, secretariat, programme
):
    context = browser.new_context(accept_downloads=True, locale="id-ID")
    page = context.new_page()
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )

    sign_in(page, live_server.url, secretariat.username)
    page.get_by_role("link", name="Buku I: Analisis Strategis").click()
    page.get_by_role("button", name="Buat PDF").click()

    download_link = page.get_by_role("link", name="Unduh PDF")
    download_link.wait_for(timeout=90_000)  # htmx polls the job until the PDF is there
    with page.expect_download() as download_info:
        download_link.click()
    pdf = Path(download_info.value.path()).read_bytes()

    assert download_info.value.suggested_filename == "Masterplan-Smart-City-Buku-I.pdf"
    assert "Analisis Strategis" in pdftext.pages_text(pdf)[0]
    assert page.locator("[data-status=done]").count() == 1
    assert errors == []
    context.close()


def test_a_representative_on_a_phone_reaches_their_home_page_but_not_the_books(
    live_server, browser, representative, programme
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    sign_in(page, live_server.url, representative.username)
    assert page.get_by_role("heading", name="Selamat datang, Dimas Pratama").is_visible()
    page.get_by_role("button", name="Menu").click()
    assert page.get_by_role("link", name="Buku masterplan").count() == 0
    response = page.goto(f"{live_server.url}/books/")
    assert response.status == 403
    context.close()
