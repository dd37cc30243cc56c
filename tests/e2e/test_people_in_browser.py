"""In Chromium with an English browser: the secretariat adds a person in Indonesian pages,
the person sets a password through the e-mail's link and is signed in, and the switch
turns their pages to English for good."""

import re

import pytest
from django.core import mail

from regency.models import User
from tests.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_person_added_in_the_browser_sets_a_password_by_the_link(
    live_server, browser, secretariat, opd, regency, settings, tasks_here
):
    settings.SITE_URL = live_server.url  # the e-mail's link leads to this server
    context = browser.new_context(locale="en-US", viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[name=username]").fill(secretariat.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(f"{live_server.url}/people/new/")
    page.locator("input[name=full_name]").fill("Indah Permatasari, S.E.")
    page.locator("select[name=opd]").select_option(str(opd.pk))
    page.locator("select[name=role]").select_option("opd_rep")
    page.locator("input[name=email]").fill("indah@contoh.id")
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("telah ditambahkan").wait_for()
    context.close()

    link = re.search(r"http://\S+/accounts/password/set/\S+/", mail.outbox[-1].body).group(0)
    person_context = browser.new_context(locale="en-US")
    mine = person_context.new_page()
    mine.goto(link)
    mine.locator("input[name=new_password1]").fill("Bontang-Kota-2027")
    mine.locator("input[name=new_password2]").fill("Bontang-Kota-2027")
    mine.get_by_role("button", name="Simpan kata sandi dan masuk").click()
    mine.wait_for_url(f"{live_server.url}/")
    assert mine.locator("html").get_attribute("lang") == "id"
    mine.get_by_role("button", name="English").click()
    mine.wait_for_load_state()
    assert mine.locator("html").get_attribute("lang") == "en"
    assert User.objects.get(email="indah@contoh.id").language == "en"
    assert not errors
    person_context.close()
