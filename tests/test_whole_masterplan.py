"""The whole masterplan, every book, rendered as one PDF file."""

import io

import pytest
from pypdf import PdfReader

from masterplan.books import rendering
from masterplan.models import RenderJob
from tests import pdftext


@pytest.mark.django_db(transaction=True)
class TestWholeMasterplan:
    def test_secretariat_renders_and_downloads_one_file(self, login, programme, secretariat):
        client = login(secretariat)
        page = client.post("/books/whole/render/", follow=True).content.decode()
        job = RenderJob.objects.get()
        assert job.status == RenderJob.Status.DONE, job.error
        assert job.book is None and job.programme == programme
        assert "Unduh PDF" in page

        download = client.get(f"/renders/{job.pk}/download/")
        assert 'filename="Masterplan-Smart-City-Lengkap.pdf"' in download["Content-Disposition"]
        pdf = b"".join(download.streaming_content)
        texts = pdftext.pages_text(pdf)
        assert "DOKUMEN LENGKAP" in texts[0]
        for title in ("Analisis Strategis", "Masterplan", "Quick Win dan Ringkasan Eksekutif"):
            assert any(text.startswith("BUKU ") and title in text for text in texts[3:])

    def test_the_contents_point_at_the_pages_of_every_books_chapters(self, programme):
        pdf, _ = rendering.render_pdf(rendering.masterplan_html(programme))
        texts = pdftext.pages_text(pdf)
        by_number = {pdftext.printed_page_number(text): text for text in texts[3:]}
        contents_pages = [  # the contents run over several pages numbered in roman
            text for text in texts[1:] if set(pdftext.printed_page_number(text)) <= set("ivxl")
        ]
        lines = [line.strip() for text in contents_pages for line in text.splitlines()]
        entries = [pdftext.TOC_LINE.match(line) for line in lines]
        chapters = [
            (match.group(1), match.group(2), int(match.group(3)))
            for match in entries
            if match and match.group(1).startswith("BAB")
        ]
        assert len(chapters) == 6 + 7 + 3
        for number, title, page in chapters:
            lines = by_number[str(page)].splitlines()
            assert number in (line.strip() for line in lines), (number, title, page)

    def test_running_headers_name_each_book(self, programme):
        pdf, _ = rendering.render_pdf(rendering.masterplan_html(programme))
        texts = pdftext.pages_text(pdf)
        book_three = next(text for text in texts if "Bab 2 Program Quick Win" in text)
        assert "Kabupaten Tuban · Buku III Quick Win dan Ringkasan Eksekutif" in book_three

    def test_bookmarks_nest_chapters_under_their_book(self, programme):
        pdf, _ = rendering.render_pdf(rendering.masterplan_html(programme))
        outline = PdfReader(io.BytesIO(pdf)).outline
        titles = [item.title for item in outline if not isinstance(item, list)]
        assert titles == [
            "Kata Pengantar",
            "Daftar Isi",
            "Buku I Analisis Strategis",
            "Buku II Masterplan",
            "Buku III Quick Win dan Ringkasan Eksekutif",
        ]

    def test_an_unchanged_masterplan_is_not_rendered_again(self, programme, secretariat):
        first = rendering.run_render_job(
            rendering.request_masterplan_render(programme, secretariat).pk
        )
        second = rendering.run_render_job(
            rendering.request_masterplan_render(programme, secretariat).pk
        )
        assert second.reused and second.file.name == first.file.name
        book_job = rendering.run_render_job(
            rendering.request_render(programme.books.get(number=1), secretariat).pk
        )
        assert not book_job.reused  # a book's rendering is never mistaken for the whole file


@pytest.mark.django_db
class TestWhoMayRenderTheWholeMasterplan:
    def test_others_are_refused(self, login, programme, mentor, regional_head, representative):
        for person in (mentor, regional_head, representative):
            assert login(person).post("/books/whole/render/").status_code == 403
        assert not RenderJob.objects.exists()

    def test_readers_see_the_renderings(self, login, programme, mentor):
        page = login(mentor).get("/books/").content.decode()
        assert "Seluruh masterplan dalam satu berkas" in page
        assert "Buat seluruh masterplan" not in page
