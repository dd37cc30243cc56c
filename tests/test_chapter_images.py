"""Pictures in chapters: uploaded from the editor, kept private, printed in the PDF."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfReader

from masterplan.books import rendering, revisions
from masterplan.models import Chapter


def png(colour="red") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), colour).save(buffer, format="PNG")
    return SimpleUploadedFile("peta.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def chapter(programme):
    return Chapter.objects.get(book__programme=programme, book__number=3, order=1)


@pytest.mark.django_db
class TestChapterImages:
    def test_secretariat_uploads_a_picture_and_readers_fetch_it(
        self, login, secretariat, mentor, programme
    ):
        response = login(secretariat).post("/books/images/", {"file": png()})
        assert response.status_code == 200
        location = response.json()["location"]
        assert location.startswith("/books/images/") and location.endswith(".png")
        picture = login(mentor).get(location)
        assert picture.status_code == 200
        assert b"".join(picture.streaming_content).startswith(b"\x89PNG")

    def test_something_that_is_not_a_picture_is_refused(self, login, secretariat, programme):
        fake = SimpleUploadedFile("x.png", b"<script>alert(1)</script>", content_type="image/png")
        response = login(secretariat).post("/books/images/", {"file": fake})
        assert response.status_code == 400
        assert response.json()["error"]

    def test_others_may_not_upload_and_opd_people_may_not_fetch(
        self, login, secretariat, mentor, representative, programme
    ):
        location = login(secretariat).post("/books/images/", {"file": png()}).json()["location"]
        for person in (mentor, representative):
            assert login(person).post("/books/images/", {"file": png()}).status_code == 403
        assert login(representative).get(location).status_code == 403

    def test_unknown_or_crafted_names_are_not_found(self, login, mentor, programme):
        client = login(mentor)
        assert client.get("/books/images/" + "0" * 32 + ".png").status_code == 404
        assert client.get("/books/images/..%2F..%2Fdb.sqlite3").status_code == 404

    def test_the_pdf_prints_the_picture(self, login, secretariat, chapter):
        location = login(secretariat).post("/books/images/", {"file": png()}).json()["location"]
        revisions.save_chapter(
            chapter, f'<p>Peta:</p><img src="{location}" alt="Peta wilayah">', 1, secretariat
        )
        html = rendering.book_html(chapter.book)
        assert 'src="file://' in html
        pdf, _ = rendering.render_pdf(html)
        reader = PdfReader(io.BytesIO(pdf))
        images = [image for page in reader.pages for image in page.images]
        assert any(image.image.size == (120, 80) for image in images)
