"""A chapter's text may be larger than Django's 2.5 MB form limit, up to 10 MB of HTML; over
that the save is refused with the limit named, and the chapter is unchanged."""

from urllib.parse import urlencode

import pytest
from django.test import Client

from masterplan.models import Chapter

pytestmark = pytest.mark.django_db

PARAGRAPH = "<p>Pemerintah kabupaten menyiapkan layanan perizinan daring yang terpadu.</p>"
TOO_LARGE = "Teks lebih besar dari 10 MB HTML, batas terbesar satu bab."


@pytest.fixture
def chapter(programme):
    return Chapter.objects.get(book__programme=programme, book__number=1, order=1)


def text_of(megabytes: float) -> str:
    return PARAGRAPH * int(megabytes * 1024 * 1024 / len(PARAGRAPH))


def post_form(client, url, data):
    """As the browser sends a form without enctype: URL-encoded."""
    return client.post(url, urlencode(data), content_type="application/x-www-form-urlencoded")


def save(client, chapter, body):
    return post_form(
        client,
        f"/chapters/{chapter.pk}/edit/",
        {"title": chapter.title, "body": body, "version": chapter.version},
    )


class TestChapterSize:
    def test_a_three_megabyte_chapter_is_saved(self, login, secretariat, chapter):
        body = text_of(3)
        response = save(login(secretariat), chapter, body)
        assert response.status_code == 302
        chapter.refresh_from_db()
        assert (chapter.version, chapter.body) == (2, body)

    def test_the_preview_takes_a_three_megabyte_text(self, login, secretariat, chapter):
        response = post_form(
            login(secretariat), f"/chapters/{chapter.pk}/preview/", {"body": text_of(3)}
        )
        assert response.status_code == 200
        assert "layanan perizinan daring" in response.text

    def test_a_text_over_the_limit_is_refused_naming_it_and_kept(self, login, secretariat, chapter):
        before = chapter.body
        body = text_of(10.2)
        response = save(login(secretariat), chapter, body)
        assert response.status_code == 400
        assert TOO_LARGE in response.text
        assert body in response.text  # back in the editor
        chapter.refresh_from_db()
        assert (chapter.version, chapter.body) == (1, before)

    def test_a_request_too_large_to_read_is_refused_naming_the_limit(
        self, login, secretariat, chapter
    ):
        before = chapter.body
        response = save(login(secretariat), chapter, "<p>" + "é" * (11 * 1024 * 1024) + "</p>")
        assert response.status_code == 413
        assert TOO_LARGE in response.text
        assert f'href="/chapters/{chapter.pk}/edit/"' in response.text
        chapter.refresh_from_db()
        assert (chapter.version, chapter.body) == (1, before)

    def test_without_an_account_the_large_body_is_not_read(self, chapter):
        client = Client(enforce_csrf_checks=True)  # the CSRF check reads the form, as live
        client.get("/accounts/login/")  # a CSRF cookie, as anyone can get one
        response = post_form(
            client,
            f"/chapters/{chapter.pk}/edit/",
            {
                "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
                "title": chapter.title,
                "body": text_of(3),
                "version": chapter.version,
            },
        )
        assert response.status_code == 400  # Django's own limit, before the sign-in check
        chapter.refresh_from_db()
        assert chapter.version == 1

    def test_a_picture_pasted_into_the_text_is_refused_not_dropped(
        self, login, secretariat, chapter
    ):
        body = '<p>Peta</p><p><img src="data:image/png;base64,iVBORw0KGgo=" alt="peta"></p>'
        response = save(login(secretariat), chapter, body)
        assert response.status_code == 400
        assert "Ada gambar yang tertempel langsung di dalam teks" in response.text
        chapter.refresh_from_db()
        assert chapter.version == 1
