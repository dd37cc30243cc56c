"""On a shared computer, a chapter draft kept in the browser is never offered to the next
person: drafts are kept per user, and signing out deletes them."""

import pytest

from masterplan.models import Chapter
from tests.factories import UserFactory

from .test_edit_chapter_in_browser import READY, open_editor

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TYPED = " Draf yang belum disimpan oleh Sari."


@pytest.fixture
def chapter(programme):
    return Chapter.objects.get(book__programme=programme, book__number=1, order=1)


@pytest.fixture
def colleague(secretariat):
    return UserFactory(username="budi", full_name="Budi Santoso", role=secretariat.role)


def type_a_draft(page):
    body = page.frame_locator("iframe.tox-edit-area__iframe").locator("body")
    body.locator("p").first.click()
    page.keyboard.press("End")
    page.keyboard.insert_text(TYPED)
    page.wait_for_timeout(1800)  # the draft is kept a second after the last key


def draft_offered(page) -> bool:
    page.wait_for_timeout(800)  # the offer comes once IndexedDB answered
    return page.locator("#chapter-draft").is_visible()


def test_signing_out_deletes_the_drafts(live_server, browser, secretariat, colleague, chapter):
    context = browser.new_context(locale="id-ID")
    page = open_editor(context, live_server.url, chapter, secretariat.username)
    type_a_draft(page)
    page.locator(".dropdown-toggle", has=page.locator(".user-name")).click()  # the account menu
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url("**/accounts/login/**")
    names = page.evaluate("async () => (await indexedDB.databases()).map(db => db.name)")
    assert "chapter-drafts" not in names
    page.close()

    page = open_editor(context, live_server.url, chapter, colleague.username)
    assert not draft_offered(page)
    assert TYPED.strip() not in page.evaluate("() => tinymce.get('id_body').getContent()")
    context.close()


def test_a_draft_is_offered_to_its_writer_only(
    live_server, browser, secretariat, colleague, chapter
):
    context = browser.new_context(locale="id-ID")
    page = open_editor(context, live_server.url, chapter, secretariat.username)
    type_a_draft(page)
    page.close()
    context.clear_cookies()  # the session ended without signing out (idle, or the tab closed)

    page = open_editor(context, live_server.url, chapter, colleague.username)
    assert not draft_offered(page)
    page.close()
    context.clear_cookies()

    page = open_editor(context, live_server.url, chapter, secretariat.username)
    assert draft_offered(page)
    page.get_by_role("button", name="Pulihkan teks itu").click()
    page.wait_for_function(READY)
    assert TYPED.strip() in page.evaluate("() => tinymce.get('id_body').getContent()")
    context.close()
