"""The secretariat merges two OPDs in Chromium, on a desktop and on a phone (issue 13)."""

import os

import pytest

from regency.models import Opd, User
from tests.factories import PASSWORD, OpdFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
# on a phone, neither the page nor a table in it is wider than the screen
NOTHING_SCROLLS_SIDEWAYS = """
document.documentElement.scrollWidth <= window.innerWidth &&
[...document.querySelectorAll(".table-responsive")].every(e => e.scrollWidth <= e.clientWidth)
"""
SHOTS = os.environ.get("SCREENSHOTS_DIR")  # set it to look at the pages


def sign_in(browser, base_url, user, width, locale):
    context = browser.new_context(locale=locale, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}/accounts/login/")
    page.locator("input[name=username]").fill(user.username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("button.w-100[type=submit]").click()
    page.wait_for_url(f"{base_url}/")
    return page


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


@pytest.mark.parametrize(("width", "locale"), [(1280, "id-ID"), (390, "en-US")])
def test_the_merge_is_previewed_then_confirmed(browser, live_server, programme, width, locale):
    secretariat = UserFactory(username="sekretariat", role="secretariat")
    old = OpdFactory(name="Dinas Perhubungan", acronym="Dishub", head_position="Kepala Dinas")
    new = OpdFactory(name="Dinas Perhubungan dan Komunikasi", acronym="Dishubkominfo")
    UserFactory(opd=old, role="opd_rep")
    page = sign_in(browser, live_server.url, secretariat, width, locale)
    page.goto(f"{live_server.url}/opds/")
    shot(page, f"opd-list-{width}-{locale}")
    assert page.evaluate(NOTHING_SCROLLS_SIDEWAYS)
    page.get_by_role("link", name="Dinas Perhubungan", exact=True).click()
    shot(page, f"opd-edit-{width}-{locale}")
    page.goto(f"{live_server.url}/opds/merge/")
    page.locator("select[name=source]").select_option(str(old.pk))
    page.locator("select[name=target]").select_option(str(new.pk))
    page.locator("form[method=get] button").click()
    preview = page.locator("#merge-preview")
    assert "1" in preview.inner_text()
    shot(page, f"opd-merge-{width}-{locale}")
    assert page.evaluate(NOTHING_SCROLLS_SIDEWAYS)
    preview.locator("form button").click()
    page.wait_for_url(f"{live_server.url}/opds/")
    shot(page, f"opd-merged-{width}-{locale}")
    assert User.objects.get(role="opd_rep").opd == new
    assert not Opd.objects.get(pk=old.pk).is_active
