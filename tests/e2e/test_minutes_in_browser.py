import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD
from workshops.models import Minutes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_secretariat_writes_rich_text_minutes_and_a_script_is_dropped(
    live_server, browser, secretariat, programme
):
    workshop = programme.workshops.get(stage=1)
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("input[name=username]").fill(secretariat.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()

    page.goto(f"{live_server.url}/workshops/{workshop.pk}/minutes/")
    editor = page.frame_locator("iframe.tox-edit-area__iframe").locator("body")
    editor.click()
    page.keyboard.type("Kesiapan jaringan masih ")
    page.keyboard.press("Control+B")
    page.keyboard.type("kurang")
    page.get_by_role("button", name="Simpan").click()

    expect(page.locator(".minutes-body strong")).to_have_text("kurang")
    minutes = Minutes.objects.get(workshop=workshop)
    assert minutes.body.startswith("<p>Kesiapan jaringan masih")
    assert minutes.body.endswith("<strong>kurang</strong></p>")

    # Whatever reaches the server past the editor is sanitised before it is stored.
    page.wait_for_function("() => window.tinymce && tinymce.get(0) && tinymce.get(0).initialized")
    page.evaluate(
        "tinymce.get(0).setContent('<p>Aman</p><img src=x onerror=\"window.pwned=1\">');"
        "tinymce.get(0).save();"
    )
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator(".minutes-body")).to_contain_text("Aman")
    assert page.evaluate("window.pwned === undefined")
    assert "onerror" not in Minutes.objects.get(workshop=workshop).body
    context.close()
