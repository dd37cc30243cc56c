"""Data blocks: placeholders in chapters that the data fill at preview and PDF time."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from masterplan.books import blocks, rendering
from masterplan.models import Chapter, RenderJob
from regency.html import CHAPTER, sanitize
from regency.models import Opd
from workshops.models import Workshop

from .factories_quickwins import QuickWinFactory


@pytest.fixture
def chapter(programme):
    chapter = Chapter.objects.get(book__programme=programme, book__number=2, order=5)
    chapter.body = '<p>Perangkat daerah:</p><div data-block="opd-list"></div>'
    chapter.save()
    return chapter


@pytest.mark.django_db
class TestDataBlocks:
    def test_the_sanitiser_keeps_a_placeholder(self):
        html = '<div data-block="roadmap" data-dimension="governance" data-year="2027"></div>'
        assert sanitize(html, CHAPTER) == html

    def test_a_block_renders_from_the_data(self, chapter, opd, other_opd):
        html = rendering.book_html(chapter.book)
        assert "Badan Perencanaan Pembangunan Daerah (Bappeda)" in html
        assert "Dinas Kesehatan (Dinkes)" in html
        assert 'data-block="opd-list"' not in html

    def test_changing_the_data_changes_the_next_rendering(self, chapter, opd, secretariat):
        first = rendering.run_render_job(rendering.request_render(chapter.book, secretariat).pk)
        Opd.objects.create(name="Dinas Perhubungan", acronym="Dishub")
        second = rendering.run_render_job(rendering.request_render(chapter.book, secretariat).pk)
        assert first.status == second.status == RenderJob.Status.DONE
        assert not second.reused
        assert second.content_hash != first.content_hash

    def test_the_bimtek_schedule_follows_the_workshops(self, programme):
        Workshop.objects.filter(programme=programme, stage=2).update(
            venue="Pendopo Kridha Manunggal"
        )
        html = blocks.render_blocks('<div data-block="bimtek-schedule"></div>', programme)
        assert "Pendopo Kridha Manunggal" in html
        assert html.count("<tr>") == 1 + programme.workshops.count()

    def test_the_dimensions_and_their_elements(self, programme):
        html = blocks.render_blocks('<div data-block="dimensions"></div>', programme)
        assert "Smart Governance" in html and "Pelayanan publik" in html

    def test_the_chapter_progress_chart_is_vector_graphics(self, programme):
        Chapter.objects.filter(book__programme=programme, book__number=1).update(state="final")
        html = blocks.render_blocks('<div data-block="chapter-progress"></div>', programme)
        assert "<svg" in html and "<rect" in html
        assert 'width="300.0"' in html  # all six chapters of book I final: the full bar
        numbers = re.findall(r'<rect x="([^"]*)" y="[^"]*" width="([^"]*)"', html)
        assert numbers and all(re.fullmatch(r"\d+(\.\d+)?", n) for pair in numbers for n in pair)

    def test_an_unknown_block_says_so(self, programme):
        html = blocks.render_blocks('<div data-block="tidak-ada"></div>', programme)
        assert "Blok data tidak dikenal: tidak-ada" in html

    def test_plain_divs_are_left_alone(self, programme):
        assert blocks.render_blocks("<div><p>Teks</p></div>", programme) == "<div><p>Teks</p></div>"

    def test_other_parts_register_their_blocks(self, programme):
        @blocks.register("uji", "Blok uji", params=("year",))
        def uji(programme, year=None, **params):
            return f"<p>Tahun {year}</p>"

        try:
            html = blocks.render_blocks('<div data-block="uji" data-year="2028"></div>', programme)
            assert "<p>Tahun 2028</p>" in html
            assert {"name": "uji", "label": "Blok uji", "params": ["year"]} in blocks.choices()
        finally:
            del blocks.REGISTRY["uji"]

    def test_the_pdf_shows_the_block(self, chapter, opd):
        from tests import pdftext

        pdf, _ = rendering.render_pdf(rendering.book_html(chapter.book))
        assert any(
            "Badan Perencanaan Pembangunan Daerah" in text for text in pdftext.pages_text(pdf)
        )


@pytest.mark.django_db
class TestQuickWinsBlock:
    def test_it_shows_the_selected_quick_wins_without_internal_notes(self, programme, opd):
        QuickWinFactory(
            programme=programme,
            lead_opd=opd,
            selected=True,
            title="Antrean Sehat",
            status="running",
            budget_notes="Rincian rahasia per tahap",
        )
        QuickWinFactory(programme=programme, lead_opd=opd, selected=False, title="Parkir QRIS")
        with translation.override("id"):
            html = blocks.render_blocks('<div data-block="quick-wins"></div>', programme)
        assert "Antrean Sehat" in html and "Berjalan" in html
        assert "Badan Perencanaan Pembangunan Daerah (Bappeda)" in html
        assert "100.000.000" in html and "APBD" in html
        assert "Parkir QRIS" not in html
        assert "Rincian rahasia" not in html
        assert "<svg" in html and "<script" not in html

    def test_the_year_shows_only_that_year(self, programme, opd):
        QuickWinFactory(programme=programme, lead_opd=opd, selected=True, title="Tahun Pertama")
        QuickWinFactory(
            programme=programme, lead_opd=opd, selected=True, year=2028, title="Tahun Kedua"
        )
        every_year = blocks.render_blocks('<div data-block="quick-wins"></div>', programme)
        assert "Tahun Pertama" in every_year and "Tahun Kedua" in every_year
        one_year = blocks.render_blocks(
            '<div data-block="quick-wins" data-year="2028"></div>', programme
        )
        assert "Tahun Kedua" in one_year and "Tahun Pertama" not in one_year

    def test_it_says_so_when_none_is_selected(self, programme, opd):
        QuickWinFactory(programme=programme, lead_opd=opd, selected=False)
        with translation.override("en"):
            html = blocks.quick_wins(programme)
            assert "No quick win has been selected yet." in html
            html = blocks.quick_wins(programme, year="2029")
            assert "No quick win has been selected for 2029 yet." in html
        assert "<svg" not in html

    def test_its_queries_do_not_grow_with_the_quick_wins(self, programme, opd):
        QuickWinFactory(programme=programme, lead_opd=opd, selected=True)
        with CaptureQueriesContext(connection) as one:
            blocks.quick_wins(programme)
        for year in (2027, 2028, 2029):
            QuickWinFactory.create_batch(3, programme=programme, selected=True, year=year)
        with CaptureQueriesContext(connection) as ten:
            html = blocks.quick_wins(programme)
        assert html.count("<tbody>") == 3
        assert len(ten) == len(one) == 1


@pytest.mark.django_db
class TestPreview:
    def test_the_preview_fills_blocks_numbers_headings_and_sanitises(
        self, login, chapter, opd, secretariat
    ):
        response = login(secretariat).post(
            f"/chapters/{chapter.pk}/preview/",
            {
                "body": '<h2>Pelaksana</h2><script>alert(1)</script><div data-block="opd-list"></div>',
                "title": "Tata Kelola Baru",
            },
            HTTP_HX_REQUEST="true",
        )
        page = response.content.decode()
        assert '<span class="num">5.1</span> Pelaksana' in page
        assert "Bappeda" in page
        assert "Tata Kelola Baru" in page
        assert "<script" not in page

    def test_the_editor_page_shows_the_preview_and_the_block_menu(
        self, login, chapter, opd, secretariat
    ):
        page = login(secretariat).get(f"/chapters/{chapter.pk}/edit/").content.decode()
        assert "vendor/tinymce-6.8.6/tinymce.min.js" in page
        assert '"name": "opd-list"' in page
        assert "Badan Perencanaan Pembangunan Daerah (Bappeda)" in page


@pytest.mark.django_db
class TestLongTables:
    def test_a_table_over_several_pages_repeats_its_header_row(self, chapter):
        from tests import pdftext

        Opd.objects.bulk_create(
            Opd(name=f"Kecamatan Uji {n:02d}", acronym=f"KU{n:02d}", head_name=f"Camat {n}")
            for n in range(90)
        )
        pdf, _ = rendering.render_pdf(rendering.book_html(chapter.book))
        pages = [text for text in pdftext.pages_text(pdf) if "Kecamatan Uji" in text]
        assert len(pages) >= 2
        for text in pages:
            assert "No. OPD Kepala" in [line.strip() for line in text.splitlines()], text[:300]
