"""Under the Content-Security-Policy, the pages with scripts still work in Chromium and the
browser reports no violation: the chapter editor and the minutes (TinyMCE, in Indonesian),
the signing page (signature pad), the door page (htmx) and a year picker (app.js)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from masterplan.models import Chapter
from regency.models import Role
from tests.factories import PASSWORD, UserFactory
from tests.factories_signing import issued_sheet
from tests.factories_workshops import InvitationFactory
from workshops import planning

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Playwright's own script, not the page's: it records what the policy blocks.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def open_as(browser, base_url, user, viewport=None):
    context = browser.new_context(
        locale="id-ID", viewport=viewport or {"width": 1280, "height": 900}
    )
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.console = []
    page.on("console", lambda m: page.console.append(m.text) if m.type == "error" else None)
    page.goto(f"{base_url}/accounts/login/")
    page.locator("input[name=username]").fill(user.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    return page


def assert_no_violation(page):
    assert page.evaluate("window.__violations") == []
    assert page.console == []


def test_the_chapter_editor_loads_tinymce_in_indonesian_and_previews(
    live_server, browser, secretariat, programme
):
    chapter = Chapter.objects.get(book__programme=programme, book__number=1, order=1)
    page = open_as(browser, live_server.url, secretariat)
    response = page.goto(f"{live_server.url}/chapters/{chapter.pk}/edit/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_function("() => window.tinymce && tinymce.get(0) && tinymce.get(0).initialized")
    assert page.evaluate("tinymce.util.I18n.getCode()") == "id"
    expect(page.get_by_role("button", name="Tebal")).to_be_visible()  # "Bold", in Indonesian
    page.frame_locator("iframe.tox-edit-area__iframe").locator("body").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Kalimat pratinjau baru.")
    expect(page.locator("#preview")).to_contain_text("Kalimat pratinjau baru.")  # htmx.ajax
    assert_no_violation(page)


def test_the_minutes_editor_loads(live_server, browser, secretariat, programme):
    workshop = programme.workshops.get(stage=1)
    page = open_as(browser, live_server.url, secretariat)
    page.goto(f"{live_server.url}/workshops/{workshop.pk}/minutes/")
    page.wait_for_function("() => window.tinymce && tinymce.get(0) && tinymce.get(0).initialized")
    expect(page.get_by_role("button", name="Tebal")).to_be_visible()
    assert_no_violation(page)


def test_the_signature_pad_draws(live_server, browser, secretariat, regional_head, programme):
    head = UserFactory(username="kepala.uji", full_name="Sri Wahyuni", role=Role.OPD_HEAD)
    issued_sheet(programme, secretariat, [regional_head, head])
    page = open_as(browser, live_server.url, head, viewport={"width": 820, "height": 1180})
    page.get_by_role("link", name="Baca dan tanda tangani").first.click()
    pad = page.locator("#signature-pad")
    pad.scroll_into_view_if_needed()
    blank = page.evaluate("document.getElementById('signature-pad').toDataURL()")
    box = pad.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + 200, box["y"] + 120, steps=10)
    page.mouse.up()
    assert page.evaluate("document.getElementById('signature-pad').toDataURL()") != blank
    assert_no_violation(page)


def test_the_door_page_searches_with_htmx(live_server, browser, secretariat, programme, opd):
    workshop = programme.workshops.get(stage=1)
    workshop.start_date = timezone.localdate()
    workshop.end_date = workshop.start_date + datetime.timedelta(days=1)
    workshop.save()
    day = planning.sync_days(workshop)[0]
    for name in ("Ani Lestari", "Budi Santoso"):
        InvitationFactory(
            workshop=workshop,
            participant__programme=programme,
            participant__name=name,
            participant__opd=opd,
        )
    page = open_as(browser, live_server.url, secretariat, viewport={"width": 390, "height": 844})
    page.goto(f"{live_server.url}/workshops/days/{day.pk}/door/")
    page.get_by_role("searchbox").fill("Budi")
    expect(page.locator(".door-row")).to_have_count(1)
    page.get_by_role("button", name="Catat kehadiran Budi").click()
    page.get_by_role("button", name="Batalkan kehadiran Budi").wait_for()
    assert_no_violation(page)


def test_a_year_picker_sends_its_form_without_an_inline_handler(
    live_server, browser, secretariat, programme
):
    page = open_as(browser, live_server.url, secretariat)
    page.goto(f"{live_server.url}/quickwins/")
    select = page.locator("select#year")
    other = select.locator("option:not([selected])").first.get_attribute("value")
    select.select_option(other)
    page.wait_for_url(f"**/quickwins/?year={other}")
    assert_no_violation(page)
