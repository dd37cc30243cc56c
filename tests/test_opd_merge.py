"""Two OPDs joined by a reorganisation: everything of the old one follows to the new (issue 13)."""

import pytest

from masterplan.models import RoadmapItem, Worksheet
from regency.models import Opd, User
from regency.opds.merging import MergeRefused, merge_opds

from .factories import OpdFactory, UserFactory
from .factories_inputs import EntryFactory, InputWindowFactory, WorksheetFactory
from .factories_quickwins import QuickWinFactory
from .factories_roadmap import RoadmapItemFactory
from .factories_workshops import ParticipantFactory


@pytest.fixture
def old(db):
    return OpdFactory(name="Dinas Perhubungan", acronym="Dishub")


@pytest.fixture
def new(db):
    return OpdFactory(name="Dinas Perhubungan dan Komunikasi", acronym="Dishubkominfo")


@pytest.mark.django_db
class TestMerge:
    def test_the_preview_counts_what_moves_and_changes_nothing(
        self, login, secretariat, programme, old, new
    ):
        UserFactory(opd=old, role="opd_rep")
        UserFactory(opd=old, role="opd_head")
        WorksheetFactory(opd=old, window=InputWindowFactory(programme=programme))
        page = (
            login(secretariat)
            .get("/opds/merge/", {"source": old.pk, "target": new.pk})
            .content.decode()
        )
        preview = page.split('id="merge-preview"')[1]
        assert "Orang (OPD)" in preview and '<td class="text-end">2</td>' in preview
        assert "Kertas kerja (OPD)" in preview
        assert "Gabungkan dan nonaktifkan OPD pertama" in preview
        assert User.objects.filter(opd=old).count() == 2
        old.refresh_from_db()
        assert old.is_active

    def test_people_a_worksheet_and_roadmap_items_follow_to_the_new_opd(
        self, login, secretariat, programme, old, new
    ):
        person = UserFactory(opd=old, role="opd_rep")
        worksheet = WorksheetFactory(opd=old, window=InputWindowFactory(programme=programme))
        led = RoadmapItemFactory(programme=programme, lead_opd=old)
        supported = RoadmapItemFactory(programme=programme)
        supported.supporting_opds.add(old)
        both = RoadmapItemFactory(programme=programme)
        both.supporting_opds.add(old, new)
        response = login(secretariat).post("/opds/merge/", {"source": old.pk, "target": new.pk})
        assert response.status_code == 302
        person.refresh_from_db()
        worksheet.refresh_from_db()
        led.refresh_from_db()
        assert person.opd == new
        assert worksheet.opd == new
        assert led.lead_opd == new
        assert list(supported.supporting_opds.all()) == [new]
        assert list(both.supporting_opds.all()) == [new]  # once, not twice
        old.refresh_from_db()
        assert not old.is_active and old.merged_into == new  # kept, with the note
        assert person.history.first().history_user == secretariat
        page = login(secretariat).get("/opds/").content.decode()
        assert "digabungkan ke Dinas Perhubungan dan Komunikasi (Dishubkominfo)" in page

    def test_a_conflicting_worksheet_is_shown_and_the_merge_refused(
        self, login, secretariat, programme, old, new
    ):
        window = InputWindowFactory(programme=programme)
        theirs = WorksheetFactory(opd=old, window=window)
        EntryFactory(worksheet=theirs)  # both hold data: an empty twin would be absorbed
        EntryFactory(worksheet=WorksheetFactory(opd=new, window=window))
        person = UserFactory(opd=old, role="opd_rep")
        client = login(secretariat)
        page = client.get("/opds/merge/", {"source": old.pk, "target": new.pk}).content.decode()
        conflicts = page.split('id="merge-conflicts"')[1].split("</div>")[0]
        assert f"#{theirs.pk}" in conflicts
        assert "Gabungkan dan nonaktifkan OPD pertama" not in page
        response = client.post("/opds/merge/", {"source": old.pk, "target": new.pk}, follow=True)
        assert "Penggabungan ditolak" in response.content.decode()
        theirs.refresh_from_db()
        person.refresh_from_db()
        old.refresh_from_db()
        assert theirs.opd == old and person.opd == old and old.is_active
        assert Worksheet.objects.filter(opd=new).count() == 1

    def test_quick_wins_and_participants_follow_too(self, programme, old, new):
        quick_win = QuickWinFactory(programme=programme, lead_opd=old)
        participant = ParticipantFactory(programme=programme, opd=old)
        merge_opds(old, new)
        quick_win.refresh_from_db()
        participant.refresh_from_db()
        assert (quick_win.lead_opd, participant.opd) == (new, new)

    def test_an_opd_cannot_be_merged_into_itself(self, old):
        with pytest.raises(MergeRefused):
            merge_opds(old, old)
        old.refresh_from_db()
        assert old.is_active

    @pytest.mark.parametrize("who", ["representative", "opd_head", "mentor", "regional_head"])
    def test_only_the_secretariat_merges(self, request, login, who, programme, old, new):
        item = RoadmapItemFactory(programme=programme, lead_opd=old)
        client = login(request.getfixturevalue(who))
        assert client.get("/opds/merge/").status_code == 403
        response = client.post("/opds/merge/", {"source": old.pk, "target": new.pk})
        assert response.status_code == 403
        assert RoadmapItem.objects.get(pk=item.pk).lead_opd == old
        assert Opd.objects.get(pk=old.pk).is_active
