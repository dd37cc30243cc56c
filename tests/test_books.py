import datetime
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from masterplan.books import rendering
from masterplan.models import RenderJob
from regency.html import CHAPTER, sanitize
from regency.tasks import requeue_stale_jobs
from tests import pdftext


@pytest.fixture
def book(programme):
    return programme.books.get(number=1)


@pytest.mark.django_db
class TestWhoMaySeeAndRender:
    def test_readers_see_the_book(self, login, book, secretariat, mentor, regional_head):
        for person in (secretariat, mentor, regional_head):
            response = login(person).get(f"/books/{book.pk}/")
            assert response.status_code == 200
            assert "Analisis Strategis" in response.content.decode()

    def test_opd_people_are_refused_the_books(self, login, book, representative, opd_head):
        for person in (representative, opd_head):
            client = login(person)
            assert client.get("/books/").status_code == 403
            assert client.get(f"/books/{book.pk}/").status_code == 403
            assert client.get(f"/chapters/{book.chapters.first().pk}/").status_code == 403
            assert client.post(f"/books/{book.pk}/render/").status_code == 403
        assert not RenderJob.objects.exists()

    def test_only_the_secretariat_may_render(self, login, book, mentor, regional_head):
        for person in (mentor, regional_head):
            page = login(person).get(f"/books/{book.pk}/").content.decode()
            assert "Render PDF" not in page
            assert login(person).post(f"/books/{book.pk}/render/").status_code == 403
        assert not RenderJob.objects.exists()

    def test_a_stranger_is_sent_to_sign_in(self, client, book):
        response = client.post(f"/books/{book.pk}/render/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    def test_rendering_needs_a_post(self, login, book, secretariat):
        assert login(secretariat).get(f"/books/{book.pk}/render/").status_code == 405

    def test_opd_people_cannot_download_a_rendering(self, login, book, secretariat, representative):
        job = rendering.request_render(book, secretariat)
        assert login(representative).get(f"/renders/{job.pk}/download/").status_code == 403
        assert login(representative).get(f"/renders/{job.pk}/").status_code == 403

    def test_an_unknown_book_is_not_found(self, login, secretariat, programme):
        assert login(secretariat).get("/books/999999/").status_code == 404


@pytest.mark.django_db(transaction=True)
class TestRendering:
    def test_secretariat_renders_and_downloads_a_book(self, login, book, secretariat):
        client = login(secretariat)
        response = client.post(f"/books/{book.pk}/render/", follow=True)
        job = RenderJob.objects.get()
        assert job.status == RenderJob.Status.DONE, job.error
        assert job.requested_by == secretariat
        assert len(job.content_hash) == 64
        assert "Unduh PDF" in response.content.decode()

        download = client.get(f"/renders/{job.pk}/download/")
        assert download["Content-Type"] == "application/pdf"
        pdf = b"".join(download.streaming_content)
        assert pdf.startswith(b"%PDF")
        assert 'filename="Masterplan-Smart-City-Buku-I.pdf"' in download["Content-Disposition"]
        assert job.page_count == len(PdfReader(io.BytesIO(pdf)).pages)

    def test_the_htmx_render_returns_a_job_row_that_polls_until_done(
        self, login, book, secretariat
    ):
        client = login(secretariat)
        row = client.post(f"/books/{book.pk}/render/", HTTP_HX_REQUEST="true").content.decode()
        job = RenderJob.objects.get()
        assert f'id="job-{job.pk}"' in row
        queued = RenderJob.objects.create(book=book, requested_by=secretariat)
        polling = client.get(f"/renders/{queued.pk}/", HTTP_HX_REQUEST="true").content.decode()
        assert 'hx-trigger="every 1s"' in polling
        finished = client.get(f"/renders/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
        assert "hx-trigger" not in finished
        assert f"/renders/{job.pk}/download/" in finished

    def test_an_unchanged_book_is_not_rendered_again(self, book, secretariat):
        first = rendering.run_render_job(rendering.request_render(book, secretariat).pk)
        second = rendering.run_render_job(rendering.request_render(book, secretariat).pk)
        assert second.status == RenderJob.Status.DONE
        assert second.reused and not first.reused
        assert second.file.name == first.file.name
        assert second.content_hash == first.content_hash

        chapter = book.chapters.first()
        chapter.body += "<p>Kalimat baru.</p>"
        chapter.save()
        third = rendering.run_render_job(rendering.request_render(book, secretariat).pk)
        assert not third.reused
        assert third.content_hash != first.content_hash

    def test_a_failure_is_recorded_with_its_reason(self, book, secretariat, monkeypatch):
        def broken(html):
            raise OSError("disk full")

        monkeypatch.setattr(rendering, "render_pdf", broken)
        job = rendering.run_render_job(rendering.request_render(book, secretariat).pk)
        assert job.status == RenderJob.Status.FAILED
        assert job.error == (
            "Terjadi kesalahan; silakan minta ulang, dan bila gagal lagi beri tahu administrator "
            "(galat: OSError)."
        )  # the details, "disk full", go to the log

    def test_a_job_abandoned_by_a_dead_worker_is_marked_failed(
        self, login, book, secretariat, settings
    ):
        job = RenderJob.objects.create(book=book, status=RenderJob.Status.RUNNING)
        long_ago = timezone.now() - datetime.timedelta(
            seconds=settings.CELERY_TASK_TIME_LIMIT + 600
        )
        RenderJob.objects.filter(pk=job.pk).update(created_at=long_ago)
        requeue_stale_jobs()  # Celery beat's round; the page itself only reads
        page = login(secretariat).get(f"/renders/{job.pk}/").content.decode()
        job.refresh_from_db()
        assert job.status == RenderJob.Status.FAILED
        assert "hx-trigger" not in page


@pytest.mark.django_db
class TestThePdf:
    @pytest.fixture
    def pdf(self, book):
        chapter = book.chapters.get(order=2)
        chapter.body = (
            "<h2>Panjang</h2>" + "<p>Kalimat yang panjang untuk mengisi halaman.</p>" * 120
        )
        chapter.save()
        pdf, pages = rendering.render_pdf(rendering.book_html(book))
        return pdf

    def test_contents_page_numbers_match_the_pages_where_headings_are(self, pdf):
        entries = pdftext.toc_entries(pdf)
        chapters = [entry for entry in entries if entry[0].startswith("BAB")]
        assert [number for number, _, _ in chapters] == [f"BAB {n}" for n in range(1, 7)]
        for number, title, page in chapters:
            assert pdftext.page_where(pdf, number) == str(page), (number, title)
        # the long chapter 2 pushes chapter 3 several pages on
        assert chapters[2][2] - chapters[1][2] > 2

    def test_front_matter_is_numbered_in_roman_and_chapters_from_one(self, pdf):
        texts = pdftext.pages_text(pdf)
        assert pdftext.printed_page_number(texts[1]) == "ii"
        first_chapter = next(i for i, text in enumerate(texts) if text.startswith("BAB 1"))
        assert pdftext.printed_page_number(texts[first_chapter]) == "1"

    def test_running_headers_name_the_regency_book_and_chapter(self, pdf):
        texts = pdftext.pages_text(pdf)
        chapter_two = next(text for text in texts if text.startswith("BAB 2"))
        assert "Kabupaten Tuban · Buku I Analisis Strategis" in chapter_two
        assert "Bab 2 Profil Daerah" in chapter_two

    def test_bookmarks_and_metadata(self, pdf):
        reader = PdfReader(io.BytesIO(pdf))
        titles = [item.title for item in reader.outline if not isinstance(item, list)]
        assert titles[:3] == ["Kata Pengantar", "Daftar Isi", "Bab 1 Pendahuluan"]
        assert reader.metadata.title.startswith("Buku I: Analisis Strategis")
        assert reader.metadata.author == "Pemerintah Kabupaten Tuban"
        assert reader.trailer["/Root"]["/Lang"] == "id"

    def test_the_cover_names_the_book_regency_and_period(self, pdf):
        cover = pdftext.pages_text(pdf)[0]
        for text in ("BUKU I", "Analisis Strategis", "Kabupaten Tuban", "2027–2036"):
            assert text in cover


class TestSanitiser:
    def test_scripts_and_event_handlers_are_removed(self):
        dirty = '<p onclick="steal()">Teks<script>alert(1)</script></p><img src=x onerror=alert(2)>'
        clean = sanitize(dirty, CHAPTER)
        assert "script" not in clean and "onclick" not in clean and "onerror" not in clean
        assert "<p>Teks</p>" in clean

    def test_tables_headings_and_links_survive(self):
        html = '<h2>Judul</h2><table><thead><tr><th>A</th></tr></thead></table><a href="https://tubankab.go.id">x</a>'
        clean = sanitize(html, CHAPTER)
        assert "<h2>Judul</h2>" in clean and "<th>A</th>" in clean
        assert 'href="https://tubankab.go.id"' in clean

    def test_javascript_links_are_dropped(self):
        assert "javascript" not in sanitize('<a href="javascript:alert(1)">x</a>', CHAPTER)

    @pytest.mark.django_db
    def test_a_chapter_is_sanitised_when_saved(self, book):
        chapter = book.chapters.first()
        chapter.body = "<p>Aman</p><script>alert(1)</script>"
        chapter.save()
        chapter.refresh_from_db()
        assert chapter.body == "<p>Aman</p>"


@pytest.mark.django_db
class TestChapterPreview:
    def test_the_preview_numbers_sections_like_the_pdf(self, login, book, mentor):
        chapter = book.chapters.get(order=1)
        page = login(mentor).get(f"/chapters/{chapter.pk}/").content.decode()
        assert '<span class="num">1.1</span> Latar Belakang' in page


def test_the_editors_allow_exactly_what_the_sanitiser_keeps(login, secretariat, programme):
    """TinyMCE's valid_elements come from regency/html.py, not a copy in JavaScript."""
    from regency.html import CHAPTER, MINUTES, valid_elements

    client = login(secretariat)
    chapter = programme.books.get(number=1).chapters.first()
    editor = client.get(f"/chapters/{chapter.pk}/edit/").content.decode()
    assert f'data-valid-elements="{valid_elements(CHAPTER)}"' in editor
    workshop = programme.workshops.get(stage=1)
    minutes = client.get(f"/workshops/{workshop.pk}/minutes/").content.decode()
    assert f'data-valid-elements="{valid_elements(MINUTES)}"' in minutes
    assert "img[alt|height|src|width]" in valid_elements(CHAPTER)
    assert "img" not in valid_elements(MINUTES)
