"""The PDF renderer reads only data: URIs, the app's static files, chapter pictures and the emblem."""

import base64
import io
import socket

import pytest
from pypdf import PdfReader

from regency.files import html_to_pdf

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture
def listener():
    """A local port that records whether anything connects to it during a render."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.3)
    yield sock
    sock.close()


def connected(sock) -> bool:
    try:
        connection, _ = sock.accept()
    except TimeoutError:
        return False
    connection.close()
    return True


def attachments(pdf: bytes) -> dict:
    return dict(PdfReader(io.BytesIO(pdf)).attachments)


def render(body: str) -> bytes:
    pdf, _pages = html_to_pdf(f"<html><body>{body}</body></html>")
    return pdf


class TestNetwork:
    def test_pictures_styles_and_css_urls_on_a_local_port_are_not_fetched(self, listener):
        port = listener.getsockname()[1]
        render(
            f'<link rel="stylesheet" href="http://127.0.0.1:{port}/style.css">'
            f'<style>p {{ background: url("http://127.0.0.1:{port}/bg.png") }}</style>'
            f'<p>Bab 1</p><img src="http://127.0.0.1:{port}/chart.png">'
        )
        assert not connected(listener)

    def test_a_chapter_pointing_at_a_local_port_renders_without_a_request(
        self, listener, programme
    ):
        from masterplan.books import rendering
        from masterplan.models import Chapter
        from tests.factories import BookFactory

        port = listener.getsockname()[1]
        book = BookFactory(programme=programme)
        chapter = Chapter.objects.create(book=book, order=1, title="Pendahuluan")
        Chapter.objects.filter(pk=chapter.pk).update(  # as if past the sanitiser
            body=f'<p>Teks</p><img src="http://127.0.0.1:{port}/x.png">'
            f'<p style="background: url(http://127.0.0.1:{port}/y.png)">Latar</p>'
        )
        pdf, pages = rendering.render_pdf(rendering.book_html(book))
        assert pages >= 1 and pdf.startswith(b"%PDF")
        assert not connected(listener)


class TestFiles:
    def test_etc_passwd_is_not_read(self):
        pdf = render(
            '<link rel="attachment" href="file:///etc/passwd">'
            '<a rel="attachment" href="file:///etc/passwd">lampiran</a>'
            '<img src="file:///etc/passwd">'
        )
        assert attachments(pdf) == {}
        assert b"root:" not in pdf

    def test_no_escape_from_the_chapter_pictures_by_dots_or_a_symbolic_link(
        self, settings, tmp_path
    ):
        secret = tmp_path / "secret.txt"
        secret.write_text("rahasia")
        pictures = settings.PRIVATE_MEDIA_ROOT / "chapter-images"
        pictures.mkdir(parents=True, exist_ok=True)
        (pictures / "link.txt").symlink_to(secret)
        pdf = render(
            f'<link rel="attachment" href="file://{pictures}/../../secret.txt">'
            f'<link rel="attachment" href="file://{pictures}/link.txt">'
        )
        assert attachments(pdf) == {}

    def test_chapter_pictures_the_emblem_and_data_uris_are_used(self, settings):
        pictures = settings.PRIVATE_MEDIA_ROOT / "chapter-images"
        emblems = settings.MEDIA_ROOT / "emblem"
        for folder in (pictures, emblems):
            folder.mkdir(parents=True, exist_ok=True)
        (pictures / "lampiran.txt").write_text("isi lampiran")
        (emblems / "emblem.png").write_bytes(PNG)
        data_uri = "data:image/png;base64," + base64.b64encode(PNG).decode()
        pdf = render(
            f'<link rel="attachment" href="file://{pictures}/lampiran.txt">'
            f'<img src="file://{emblems}/emblem.png"><img src="{data_uri}">'
        )
        assert list(attachments(pdf)) == ["lampiran.txt"]
        assert len(PdfReader(io.BytesIO(pdf)).pages[0].images) == 2

    def test_the_apps_static_files_are_used(self):
        pdf = render('<link rel="attachment" href="/static/js/signing.js">')
        assert list(attachments(pdf)) == ["signing.js"]


@pytest.mark.django_db
class TestDocumentsKeepTheirPictures:
    def test_a_book_cover_still_shows_the_regency_emblem(self, programme):
        from django.core.files.uploadedfile import SimpleUploadedFile
        from PIL import Image

        from masterplan.books import rendering
        from regency.models import Regency
        from tests.factories import BookFactory

        emblem = io.BytesIO()
        Image.new("RGB", (90, 110), "darkgreen").save(emblem, "PNG")
        regency = Regency.load()
        regency.emblem = SimpleUploadedFile("lambang.png", emblem.getvalue())
        regency.save()
        pdf, _pages = rendering.render_pdf(rendering.book_html(BookFactory(programme=programme)))
        cover = PdfReader(io.BytesIO(pdf)).pages[0]
        assert [image.image.size for image in cover.images] == [(90, 110)]
