"""A chapter text over the limit in Chromium: refused without reloading, kept in the editor,
and kept in the browser for the next visit."""

import pytest

from masterplan.books import views
from masterplan.models import Chapter

from .test_edit_chapter_in_browser import open_editor

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TYPED = "Kalimat panjang yang tidak boleh hilang. " * 200  # about 8 KB


@pytest.fixture
def chapter(programme):
    return Chapter.objects.get(book__programme=programme, book__number=1, order=1)


def test_a_text_over_the_limit_stays_in_the_editor_and_in_the_browser(
    live_server, browser, secretariat, chapter, monkeypatch
):
    monkeypatch.setattr(views, "MAX_CHAPTER_BYTES", 4_000)  # the page tells the script
    before = chapter.body
    context = browser.new_context(locale="id-ID")
    page = open_editor(context, live_server.url, chapter, secretariat.username)
    assert not page.locator("#chapter-draft").is_visible()  # nothing kept yet, nothing offered
    assert not page.locator("#chapter-too-large").is_visible()
    body = page.frame_locator("iframe.tox-edit-area__iframe").locator("body")
    body.locator("p").first.click()
    page.keyboard.press("End")
    page.keyboard.insert_text(TYPED)
    page.keyboard.type(" Akhir.")

    page.get_by_role("button", name="Simpan").click()
    message = page.locator("#chapter-too-large")
    message.wait_for()
    assert "Teks lebih besar dari 10 MB HTML" in message.inner_text()
    assert page.url.endswith(f"/chapters/{chapter.pk}/edit/")  # not reloaded, not sent
    assert "Akhir." in page.evaluate("() => tinymce.get('id_body').getContent()")
    chapter.refresh_from_db()
    assert (chapter.version, chapter.body) == (1, before)

    page.goto(f"{live_server.url}/chapters/{chapter.pk}/edit/")  # the tab reloaded, or closed
    page.wait_for_function(
        "() => window.tinymce && tinymce.get('id_body') && tinymce.get('id_body').initialized"
    )
    page.get_by_role("button", name="Pulihkan teks itu").click()
    assert "Akhir." in page.evaluate("() => tinymce.get('id_body').getContent()")
    context.close()
