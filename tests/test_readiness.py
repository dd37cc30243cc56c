"""Readiness ratings and SWOT items of stage I: summary, chart and page."""

import pytest
from django.urls import reverse

from masterplan.inputs import readiness
from masterplan.models import InputKind, Worksheet, WorksheetEntry

from .factories_inputs import EntryFactory, InputWindowFactory, WorksheetFactory

pytestmark = pytest.mark.django_db
Kind = WorksheetEntry.Kind


@pytest.fixture
def window(programme):
    return InputWindowFactory(programme=programme, stage=1, kinds=[InputKind.READINESS])


@pytest.fixture
def accepted(window, opd):
    worksheet = WorksheetFactory(window=window, opd=opd, state=Worksheet.State.ACCEPTED)
    for component, rating in [
        ("struktur", "baik"),
        ("struktur", "baik"),
        ("struktur", "kurang"),
        ("infrastruktur", "sedang"),
    ]:
        EntryFactory(
            worksheet=worksheet, kind=Kind.READINESS, component=component, rating=rating, title="X"
        )
    EntryFactory(worksheet=worksheet, kind=Kind.SWOT, quadrant="S", title="Komitmen pimpinan")
    return worksheet


@pytest.fixture
def draft(window, other_opd):
    worksheet = WorksheetFactory(window=window, opd=other_opd, state=Worksheet.State.DRAFT)
    EntryFactory(
        worksheet=worksheet, kind=Kind.READINESS, component="struktur", rating="kurang", title="Y"
    )
    return worksheet


def test_the_summary_counts_and_shares_per_component(window, accepted, draft):
    rows = readiness.summary(readiness.entries_of(window), window.readiness_components)
    struktur, infrastruktur, suprastruktur = rows
    assert struktur.counts == {"baik": 2, "sedang": 0, "kurang": 1}
    assert (struktur.share("baik"), struktur.share("kurang")) == (67, 33)
    assert infrastruktur.share("sedang") == 100
    assert suprastruktur.total == 0 and suprastruktur.share("baik") == 0


def test_drafts_count_only_when_asked(window, accepted, draft):
    rows = readiness.summary(
        readiness.entries_of(window, accepted_only=False), window.readiness_components
    )
    assert rows[0].counts["kurang"] == 2


def test_the_chart_is_a_standalone_svg_without_script(window, accepted):
    rows = readiness.summary(readiness.entries_of(window), window.readiness_components)
    svg = readiness.chart_svg(rows)
    assert svg.lstrip().startswith("<svg")
    assert "<script" not in svg
    assert "Struktur" in svg and "67%" in svg


def test_swot_items_are_grouped_by_quadrant(window, accepted):
    quadrants = readiness.swot(readiness.entries_of(window))
    assert [e.title for e in quadrants["S"]] == ["Komitmen pimpinan"]
    assert quadrants["T"] == []


def test_alam_and_budaya_appear_only_when_the_window_asks_for_them(window, accepted):
    window.readiness_components = ["struktur", "alam", "budaya"]
    rows = readiness.summary(readiness.entries_of(window), window.readiness_components)
    assert [row.component for row in rows] == ["struktur", "alam", "budaya"]


class TestPage:
    def test_a_mentor_sees_the_chart_and_the_swot(self, login, mentor, window, accepted):
        response = login(mentor).get(reverse("masterplan:inputs:readiness", args=[window.pk]))
        assert response.status_code == 200
        assert "<svg" in response.text
        assert "Komitmen pimpinan" in response.text

    def test_a_representative_is_refused(self, login, representative, window):
        response = login(representative).get(
            reverse("masterplan:inputs:readiness", args=[window.pk])
        )
        assert response.status_code == 403


class TestReadinessEntries:
    def test_a_readiness_item_needs_a_rating_and_only_offers_the_windows_components(
        self, login, representative, window, opd
    ):
        worksheet = WorksheetFactory(window=window, opd=opd)
        entry = EntryFactory(worksheet=worksheet, kind=Kind.READINESS, title="SDM TIK")
        client = login(representative)
        page = client.get(reverse("masterplan:inputs:entry_edit", args=[entry.pk]))
        choices = [c for c, _ in page.context["form"].fields["component"].choices]
        assert "alam" not in choices and "struktur" in choices
        response = client.post(
            reverse("masterplan:inputs:entry_edit", args=[entry.pk]),
            {"version": 1, "title": "SDM TIK", "component": "struktur", "rating": ""},
        )
        assert "rating" in response.context["form"].errors
        response = client.post(
            reverse("masterplan:inputs:entry_edit", args=[entry.pk]),
            {
                "version": 1,
                "title": "SDM TIK",
                "component": "struktur",
                "rating": "sedang",
                "description": "Belum merata",
                "evidence": "Data BKPSDM 2026",
            },
        )
        assert response.status_code == 302
        entry.refresh_from_db()
        assert (entry.rating, entry.evidence) == ("sedang", "Data BKPSDM 2026")


def test_the_chart_draws_in_a_book_pdf(window, accepted):
    from regency.files import html_to_pdf
    from tests import pdftext

    rows = readiness.summary(readiness.entries_of(window), window.readiness_components)
    pdf = html_to_pdf(f"<html><body><h1>Kesiapan</h1>{readiness.chart_svg(rows)}</body></html>")[0]
    assert "Struktur" in pdftext.pages_text(pdf)[0]
