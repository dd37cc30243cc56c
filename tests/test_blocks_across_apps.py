"""Data blocks that draw on OPD inputs, the Bimtek and the commitment sheets."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation

from masterplan.books import blocks, rendering
from masterplan.models import CommitmentSheet, Worksheet
from regency.models import Programme


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("load_demo", stdout=io.StringIO())
    return Programme.objects.get()


def test_every_cross_app_block_is_offered_in_the_editor(db):
    names = {choice["name"] for choice in blocks.choices()}
    assert {"readiness", "swot", "participants", "commitment-sheets", "quick-wins"} <= names


def test_book_one_shows_readiness_swot_and_participants_from_the_data(demo):
    html = rendering.book_html(demo.books.get(number=1))
    assert "<svg" in html and "Readiness per component" not in html  # Indonesian print
    assert "Kesiapan per komponen" in html
    assert "Matriks SWOT" in html
    stage_one = demo.workshops.get(stage=1)
    first_day = stage_one.days.order_by("date").first()
    present = first_day.attendances.count()
    assert f"{present} peserta" in html


def test_book_three_appends_the_sheets_signed_by_everyone(demo):
    html = rendering.book_html(demo.books.get(number=3))
    completed = CommitmentSheet.objects.get(status=CommitmentSheet.Status.COMPLETED)
    for signatory in completed.signatories.all():
        assert signatory.name in html
    assert html.count("data:image/png;base64,") == completed.signatories.count()


def test_book_three_shows_the_selected_quick_wins_of_the_demo(demo):
    html = rendering.book_html(demo.books.get(number=3))
    block = html[html.index("data-block-quick-wins") :]
    assert "Bank Sampah Digital" in block and "Tertunda" in block and "<svg" in block
    assert "Parkir Non-Tunai" not in block  # a candidate, not selected
    assert "Rincian anggaran per tahap" not in html  # budget notes are internal


def test_a_returned_worksheet_does_not_count_in_the_readiness_block(demo):
    before = blocks.readiness_summary(demo)
    Worksheet.objects.filter(state=Worksheet.State.ACCEPTED).update(state=Worksheet.State.RETURNED)
    with translation.override("id"):
        after = blocks.readiness_summary(demo)
    assert before != after
    assert "Belum ada penilaian kesiapan yang diterima." in after


def test_blocks_say_so_when_there_is_nothing_yet(programme):
    with translation.override("id"):
        assert "Belum ada lembar komitmen" in blocks.commitment_sheets(programme)
        assert "Belum ada penilaian kesiapan" in blocks.readiness_summary(programme)
