"""Editing a chapter in Chromium: the editor, the live preview, no script runs, stale saves."""

import pytest

from masterplan.models import Chapter
from tests.factories import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

READY = "() => window.tinymce && tinymce.get('id_body') && tinymce.get('id_body').initialized"


def sign_in(page, base_url, username):
    page.goto(f"{base_url}/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()


def open_editor(context, base_url, chapter, username, dialogs=None):
    page = context.new_page()
    if dialogs is not None:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, base_url, username)
    page.goto(f"{base_url}/chapters/{chapter.pk}/edit/")
    page.wait_for_function(READY)
    return page


@pytest.fixture
def chapter(programme):
    return Chapter.objects.get(book__programme=programme, book__number=1, order=1)


def test_typing_updates_the_print_preview_and_saving_makes_a_revision(
    live_server, browser, secretariat, chapter
):
    context = browser.new_context(locale="id-ID")
    page = open_editor(context, live_server.url, chapter, secretariat.username)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    body = page.frame_locator("iframe.tox-edit-area__iframe").locator("body")
    body.locator("p").first.click()
    page.keyboard.press("End")
    page.keyboard.type(" Kalimat yang diketik di peramban.")
    page.locator("#preview").get_by_text("Kalimat yang diketik di peramban.").wait_for()

    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("Tersimpan sebagai versi 2.").wait_for()
    chapter.refresh_from_db()
    assert "Kalimat yang diketik di peramban." in chapter.body
    assert chapter.revisions.first().author == secretariat
    assert errors == []
    context.close()


def test_a_script_in_the_saved_text_does_not_run(live_server, browser, secretariat, chapter):
    context = browser.new_context(locale="id-ID")
    dialogs = []
    page = open_editor(context, live_server.url, chapter, secretariat.username, dialogs)
    # Bypass the editor's own filtering: post what a hostile client would send.
    page.evaluate(
        """() => {
        tinymce.remove();
        document.getElementById('id_body').value =
          '<p>Aman</p><script>window.__xss = 1; alert(1)</script>' +
          '<img src="x" onerror="window.__xss = 2"><a href="javascript:window.__xss=3">tautan</a>';
    }"""
    )
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("Tersimpan sebagai versi 2.").wait_for()
    page.get_by_text("tautan").click()
    assert page.evaluate("() => window.__xss") is None
    chapter.refresh_from_db()
    assert "script" not in chapter.body and "onerror" not in chapter.body
    assert "javascript" not in chapter.body

    page.goto(f"{live_server.url}/chapters/{chapter.pk}/edit/")
    page.wait_for_function(READY)
    assert page.evaluate("() => window.__xss") is None
    assert dialogs == []
    context.close()


def test_the_later_save_is_refused_and_keeps_what_was_typed(
    live_server, browser, secretariat, chapter
):
    from tests.factories import UserFactory

    colleague = UserFactory(username="budi", full_name="Budi Santoso", role=secretariat.role)
    mine = browser.new_context(locale="id-ID")
    theirs = browser.new_context(locale="id-ID")
    my_page = open_editor(mine, live_server.url, chapter, secretariat.username)
    their_page = open_editor(theirs, live_server.url, chapter, colleague.username)

    their_page.evaluate("() => tinymce.get('id_body').setContent('<p>Teks dari Budi.</p>')")
    their_page.get_by_role("button", name="Simpan").click()
    their_page.get_by_text("Tersimpan sebagai versi 2.").wait_for()

    my_page.evaluate("() => tinymce.get('id_body').setContent('<p>Teks saya sendiri.</p>')")
    my_page.get_by_role("button", name="Simpan").click()
    my_page.locator("#conflict").wait_for()
    assert "Budi Santoso" in my_page.locator("#conflict").inner_text()
    assert "Teks dari Budi." in my_page.locator("#their-text").inner_text()
    my_page.wait_for_function(READY)
    assert "Teks saya sendiri." in my_page.evaluate("() => tinymce.get('id_body').getContent()")
    chapter.refresh_from_db()
    assert chapter.body == "<p>Teks dari Budi.</p>"

    my_page.get_by_role("button", name="Simpan").click()  # knowingly, after seeing theirs
    my_page.get_by_text("Tersimpan sebagai versi 3.").wait_for()
    chapter.refresh_from_db()
    assert chapter.body == "<p>Teks saya sendiri.</p>"
    mine.close()
    theirs.close()


def test_a_mentor_comments_and_sees_no_editor(live_server, browser, mentor, chapter):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")
    page = context.new_page()
    sign_in(page, live_server.url, mentor.username)
    page.goto(f"{live_server.url}/chapters/{chapter.pk}/")
    assert page.get_by_role("link", name="Ubah bab").count() == 0
    page.get_by_label("Komentar Anda").fill("Mohon lengkapi dasar hukum.")
    page.get_by_role("button", name="Tambah komentar").click()
    page.get_by_text("Mohon lengkapi dasar hukum.").wait_for()
    page.get_by_role("button", name="Tandai selesai").click()
    page.get_by_text("Diselesaikan oleh Farhan Hidayat").wait_for()
    response = page.goto(f"{live_server.url}/chapters/{chapter.pk}/edit/")
    assert response.status == 403
    context.close()


def test_a_picture_is_uploaded_from_the_editor(live_server, browser, secretariat, chapter):
    import base64
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "blue").save(buffer, format="PNG")
    data_uri = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()
    context = browser.new_context(locale="id-ID")
    page = open_editor(context, live_server.url, chapter, secretariat.username)
    page.evaluate(
        """async (uri) => {
        const editor = tinymce.get('id_body');
        editor.setContent('<p>Peta:</p><p><img src="' + uri + '" alt="Peta"></p>');
        await editor.uploadImages();
    }""",
        data_uri,
    )
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("Tersimpan sebagai versi 2.").wait_for()
    chapter.refresh_from_db()
    assert 'src="/books/images/' in chapter.body and "data:" not in chapter.body
    page.wait_for_function(
        "() => { const i = document.querySelector('#preview img'); return i && i.complete; }"
    )
    assert page.locator("#preview img").evaluate("img => img.naturalWidth") == 60
    context.close()
