"""Looked at in Chromium at 390 px: the record of changes shows what changed without
scrolling sideways, and the person form calls the e-mail "E-mail" as the rest of the pages."""

import pytest

from regency.models import Role, User
from regency.people import accounts
from tests.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_the_record_of_changes_fits_a_phone(live_server, browser, secretariat, opd, regency):
    person = accounts.add_person(
        User(
            full_name="Indah Permatasari, S.E.",
            email="indah@contoh.id",
            role=Role.OPD_HEAD,
            opd=opd,
        ),
        send_link=False,
    )
    person.role = Role.OPD_REPRESENTATIVE
    person.save()
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[name=username]").fill(secretariat.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"{live_server.url}/people/changes/")
    change = page.locator("#changes tbody tr").first.locator("td").last
    assert "Perwakilan OPD" in change.inner_text()
    box = change.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"]  # in view, not behind a sideways scroll

    page.goto(f"{live_server.url}/people/new/")
    assert page.get_by_label("E-mail").count() == 1
    assert page.get_by_text("Alamat email").count() == 0
    context.close()
