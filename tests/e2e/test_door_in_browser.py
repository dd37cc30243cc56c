import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests import pdftext
from tests.factories import PASSWORD
from tests.factories_workshops import InvitationFactory
from workshops import planning

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_staff_check_in_three_people_on_a_phone_and_the_pdf_lists_them(
    live_server, browser, tasks_backend, secretariat, programme, opd
):
    workshop = programme.workshops.get(stage=1)
    workshop.start_date = timezone.localdate()
    workshop.end_date = workshop.start_date + datetime.timedelta(days=1)
    workshop.save()
    day = planning.sync_days(workshop)[0]
    for name in ("Ani Lestari", "Budi Santoso", "Citra Rahayu", "Dewi Wulandari"):
        InvitationFactory(
            workshop=workshop,
            participant__programme=programme,
            participant__name=name,
            participant__opd=opd,
        )

    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="id-ID", accept_downloads=True
    )
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[name=username]").fill(secretariat.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(f"{live_server.url}/workshops/days/{day.pk}/door/")

    for name in ("Ani", "Budi", "Citra"):
        page.get_by_role("searchbox").fill(name)
        expect(page.locator(".door-row")).to_have_count(1)  # the search has answered
        button = page.get_by_role("button", name=f"Catat kehadiran {name}")
        button.wait_for()
        button.click()
        page.get_by_role("button", name=f"Batalkan kehadiran {name}").wait_for()
    page.locator("#present-count", has_text="3 hadir").wait_for()

    page.goto(f"{live_server.url}/workshops/days/{day.pk}/who-came/")
    page.get_by_role("button", name="Buat PDF").click()
    link = page.get_by_role("link", name="Unduh PDF")
    link.wait_for(timeout=90_000)
    with page.expect_download() as download:
        link.click()
    text = "\n".join(pdftext.pages_text(Path(download.value.path()).read_bytes()))

    for name in ("Ani Lestari", "Budi Santoso", "Citra Rahayu"):
        assert name in text
    assert "Dewi Wulandari" not in text
    assert "Jumlah hadir: 3 orang" in text
    assert errors == []
    context.close()
