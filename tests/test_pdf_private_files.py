"""A chapter cannot put the private files of other rooms (evidence, imports) or other media
files into a book: the PDF renderer reads only chapter pictures, the emblem, static files
and data: URIs."""

import io

import pytest
from PIL import Image
from pypdf import PdfReader

from masterplan.books import rendering
from masterplan.models import Chapter
from tests.factories import BookFactory

pytestmark = pytest.mark.django_db


def png(colour: str, size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def book_with(programme, body: str):
    book = BookFactory(programme=programme)
    chapter = Chapter.objects.create(book=book, order=1, title="Pendahuluan")
    Chapter.objects.filter(pk=chapter.pk).update(body=body)  # as if past the sanitiser
    return book


def picture_sizes(pdf: bytes) -> list:
    return [image.image.size for page in PdfReader(io.BytesIO(pdf)).pages for image in page.images]


def stored(root, relative: str, content: bytes):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def test_an_evidence_file_is_not_embedded_by_a_file_url_or_a_path(settings, programme):
    evidence = stored(settings.PRIVATE_MEDIA_ROOT, "workshops/evidence/bukti.png", png("red"))
    book = book_with(
        programme,
        f'<p>Teks</p><img src="file://{evidence}"><img src="{evidence}">'
        f'<p><a rel="attachment" href="file://{evidence}">lampiran</a></p>',
    )
    pdf, pages = rendering.render_pdf(rendering.book_html(book))
    assert pages >= 1
    assert (40, 30) not in picture_sizes(pdf)
    assert PdfReader(io.BytesIO(pdf)).attachments == {}


def test_an_import_or_another_media_file_is_not_embedded(settings, programme):
    upload = stored(settings.PRIVATE_MEDIA_ROOT, "imports/peserta.png", png("blue", (41, 31)))
    other = stored(settings.MEDIA_ROOT, "lain/foto.png", png("green", (42, 32)))
    book = book_with(programme, f'<img src="file://{upload}"><img src="file://{other}">')
    pdf, _pages = rendering.render_pdf(rendering.book_html(book))
    assert not {(41, 31), (42, 32)} & set(picture_sizes(pdf))


def test_a_chapter_picture_is_still_embedded(settings, programme):
    name = "a" * 32 + ".png"
    stored(settings.PRIVATE_MEDIA_ROOT, f"chapter-images/{name}", png("orange", (43, 33)))
    book = book_with(programme, f'<p>Gambar</p><img src="/books/images/{name}">')
    pdf, _pages = rendering.render_pdf(rendering.book_html(book))
    assert (43, 33) in picture_sizes(pdf)
