"""An OPD merge while an input window is open: the old OPD's empty worksheets are absorbed
(dropped, the new OPD's kept); only worksheets that both hold entries still block."""

import datetime

import pytest
from django.utils import timezone

from masterplan.inputs import workflow
from masterplan.models import Worksheet
from regency.models import Dimension, Opd

from .factories import OpdFactory, UserFactory
from .factories_inputs import EntryFactory, governance


@pytest.fixture
def old(db):
    return OpdFactory(name="Dinas Perhubungan", acronym="Dishub")


@pytest.fixture
def new(db):
    return OpdFactory(name="Dinas Perhubungan dan Komunikasi", acronym="Dishubkominfo")


@pytest.fixture
def window(programme, old, new, secretariat):
    governance()
    return workflow.open_window(
        programme,
        stage=2,
        title="Program per dimensi",
        kinds=["proposal"],
        deadline=timezone.now() + datetime.timedelta(days=7),
        opds=[old, new],
        dimensions=Dimension.objects.all(),
        by=secretariat,
    )


def preview(client, old, new) -> str:
    page = client.get("/opds/merge/", {"source": old.pk, "target": new.pk}).content.decode()
    return page.split('id="merge-preview"')[1]


def test_the_old_opds_empty_worksheets_are_absorbed_and_the_merge_goes_through(
    login, secretariat, window, old, new
):
    dimensions = Dimension.objects.count()
    kept = set(Worksheet.objects.filter(opd=new).values_list("pk", flat=True))
    assert len(kept) == dimensions > 0
    person = UserFactory(opd=old, role="opd_rep")
    client = login(secretariat)
    page = preview(client, old, new)
    assert 'id="merge-conflicts"' not in page
    assert f"({dimensions} kertas kerja kosong milik OPD lama dihapus" in page
    assert "Gabungkan dan nonaktifkan OPD pertama" in page
    response = client.post("/opds/merge/", {"source": old.pk, "target": new.pk})
    assert response.status_code == 302
    assert set(Worksheet.objects.filter(opd=new).values_list("pk", flat=True)) == kept
    assert not Worksheet.objects.filter(opd=old).exists()
    person.refresh_from_db()
    assert person.opd == new
    assert not Opd.objects.get(pk=old.pk).is_active


def test_twins_that_both_hold_entries_still_block_with_links_to_both(
    login, secretariat, window, old, new
):
    dimension = governance()
    theirs = Worksheet.objects.get(window=window, opd=old, dimension=dimension)
    ours = Worksheet.objects.get(window=window, opd=new, dimension=dimension)
    EntryFactory(worksheet=theirs)
    EntryFactory(worksheet=ours)
    client = login(secretariat)
    page = preview(client, old, new)
    conflicts = page.split('id="merge-conflicts"')[1].split("</div>")[0]
    assert f'<a href="/inputs/worksheets/{theirs.pk}/">' in conflicts
    assert f'<a href="/inputs/worksheets/{ours.pk}/">' in conflicts
    assert f"#{theirs.pk}" in conflicts and f"#{ours.pk}" in conflicts
    assert "keduanya berisi data" in conflicts
    assert "Gabungkan dan nonaktifkan OPD pertama" not in page
    response = client.post("/opds/merge/", {"source": old.pk, "target": new.pk}, follow=True)
    assert "Penggabungan ditolak" in response.content.decode()
    assert Worksheet.objects.filter(opd=old).count() == Dimension.objects.count()
    assert Opd.objects.get(pk=old.pk).is_active


def test_a_submitted_worksheet_without_entries_is_not_dropped(login, secretariat, window, old, new):
    dimension = governance()
    Worksheet.objects.filter(window=window, opd=old, dimension=dimension).update(
        state=Worksheet.State.ACCEPTED
    )
    page = preview(login(secretariat), old, new)
    assert 'id="merge-conflicts"' in page
