"""A representative fills the worksheet of their OPD; drafts autosave; stale saves are refused."""

import pytest
from django.urls import reverse
from django.utils import translation

from masterplan.inputs import workflow
from masterplan.inputs.forms import EntryForm
from masterplan.models import FundingSource, Worksheet, WorksheetEntry
from regency.models import Element

from .factories_inputs import EntryFactory, WorksheetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def worksheet(programme, opd):
    return WorksheetFactory(window__programme=programme, opd=opd)


@pytest.fixture
def other_worksheet(programme, other_opd, worksheet):
    return WorksheetFactory(window=worksheet.window, opd=other_opd)


@pytest.fixture
def proposal(worksheet):
    return EntryFactory(worksheet=worksheet)


def entry_data(entry, **changes):
    data = {
        "version": entry.version,
        "element": Element.objects.get(code="pelayanan-publik").pk,
        "title": entry.title,
        "description": entry.description,
        "objective": "Izin terbit dalam tiga hari",
        "indicator": "Rata-rata hari terbit izin",
        "baseline": "14 hari",
        "funding_source": FundingSource.objects.get(code="apbd").pk,
        "target_2027": "7 hari",
        "budget_2027": "500000000",
        "target_2028": "3 hari",
        "budget_2028": "250000000",
    }
    data.update(changes)
    return data


class TestWorksheetPage:
    def test_the_representative_sees_their_worksheet_and_its_entries(
        self, login, representative, proposal
    ):
        response = login(representative).get(
            reverse("masterplan:inputs:worksheet", args=[proposal.worksheet_id])
        )
        assert response.status_code == 200
        assert "Perizinan daring terpadu" in response.text
        assert reverse("masterplan:inputs:entry_edit", args=[proposal.pk]) in response.text

    def test_a_representative_of_another_opd_gets_404(self, login, representative, other_worksheet):
        response = login(representative).get(
            reverse("masterplan:inputs:worksheet", args=[other_worksheet.pk])
        )
        assert response.status_code == 404

    def test_the_secretariat_and_a_mentor_read_any_worksheet_without_edit_links(
        self, login, secretariat, mentor, proposal
    ):
        for user in (secretariat, mentor):
            client = login(user)
            response = client.get(
                reverse("masterplan:inputs:worksheet", args=[proposal.worksheet_id])
            )
            assert response.status_code == 200
            assert "Perizinan daring terpadu" in response.text
            assert reverse("masterplan:inputs:entry_edit", args=[proposal.pk]) not in response.text
            client.logout()

    def test_a_user_without_a_role_is_refused(self, login, proposal):
        from tests.factories import UserFactory

        nobody = UserFactory(role="")
        response = login(nobody).get(
            reverse("masterplan:inputs:worksheet", args=[proposal.worksheet_id])
        )
        assert response.status_code == 403


class TestAddingEntries:
    def test_adding_an_entry_starts_the_draft_and_opens_the_entry(
        self, login, representative, worksheet
    ):
        response = login(representative).post(
            reverse("masterplan:inputs:entry_new", args=[worksheet.pk]),
            {"kind": "issue", "title": "Antrean izin panjang"},
        )
        entry = WorksheetEntry.objects.get()
        assert response.url == reverse("masterplan:inputs:entry_edit", args=[entry.pk])
        worksheet.refresh_from_db()
        assert worksheet.state == Worksheet.State.DRAFT
        assert entry.updated_by == representative

    def test_a_kind_the_window_does_not_ask_for_is_refused(self, login, representative, worksheet):
        worksheet.window.kinds = ["issues"]
        worksheet.window.save()
        login(representative).post(
            reverse("masterplan:inputs:entry_new", args=[worksheet.pk]),
            {"kind": "proposal", "title": "Program"},
        )
        assert not WorksheetEntry.objects.exists()

    def test_another_opd_cannot_add_to_the_worksheet(self, login, representative, other_worksheet):
        response = login(representative).post(
            reverse("masterplan:inputs:entry_new", args=[other_worksheet.pk]),
            {"kind": "issue", "title": "Titipan"},
        )
        assert response.status_code == 404
        assert not WorksheetEntry.objects.exists()

    def test_a_mentor_cannot_add_an_entry(self, login, mentor, worksheet):
        response = login(mentor).post(
            reverse("masterplan:inputs:entry_new", args=[worksheet.pk]),
            {"kind": "issue", "title": "X"},
        )
        assert response.status_code == 403
        assert not WorksheetEntry.objects.exists()


class TestEditingAProposal:
    def test_saving_stores_yearly_targets_budgets_and_partners(
        self, login, representative, proposal, other_opd
    ):
        response = login(representative).post(
            reverse("masterplan:inputs:entry_edit", args=[proposal.pk]),
            entry_data(proposal, partner_opds=[other_opd.pk], quick_win_candidate="on"),
        )
        assert response.status_code == 302
        proposal.refresh_from_db()
        assert proposal.yearly_targets == {"2027": "7 hari", "2028": "3 hari"}
        assert proposal.yearly_budgets == {"2027": 500000000, "2028": 250000000}
        assert proposal.total_budget == 750000000
        assert list(proposal.partner_opds.all()) == [other_opd]
        assert proposal.quick_win_candidate
        assert proposal.version == 2

    def test_a_bad_budget_is_explained_and_nothing_typed_is_lost(
        self, login, representative, proposal
    ):
        response = login(representative).post(
            reverse("masterplan:inputs:entry_edit", args=[proposal.pk]),
            entry_data(proposal, budget_2027="lima ratus juta", objective="Tujuan yang saya ketik"),
        )
        assert response.status_code == 200
        assert "budget_2027" in response.context["form"].errors
        assert "Tujuan yang saya ketik" in response.text
        assert "lima ratus juta" in response.text
        proposal.refresh_from_db()
        assert proposal.version == 1

    def test_autosave_saves_the_draft_and_hands_back_the_new_version(
        self, login, representative, proposal
    ):
        client = login(representative)
        response = client.post(
            reverse("masterplan:inputs:entry_autosave", args=[proposal.pk]),
            entry_data(proposal, title="Perizinan daring (draf)"),
            HTTP_HX_REQUEST="true",
        )
        assert response.status_code == 200
        assert 'name="version" value="2"' in response.text
        proposal.refresh_from_db()
        assert proposal.title == "Perizinan daring (draf)"

    def test_a_stale_save_is_refused_with_both_versions_shown(
        self, login, representative, proposal, opd
    ):
        from tests.factories import UserFactory

        colleague = UserFactory(role="opd_rep", opd=opd, full_name="Rekan Sekantor")
        loaded_version = proposal.version
        form = EntryForm(
            entry_data(proposal, title="Versi rekan"),
            instance=proposal,
            years=proposal.worksheet.window.programme.years,
        )
        assert form.is_valid(), form.errors
        workflow.save_entry(proposal, form, loaded_version, colleague)

        response = login(representative).post(
            reverse("masterplan:inputs:entry_edit", args=[proposal.pk]),
            entry_data(proposal, version=loaded_version, title="Versi saya"),
        )
        assert response.status_code == 200
        conflict = response.context["conflict"]
        assert ("Nama", "Versi saya", "Versi rekan") in [
            (str(label), mine, theirs) for label, mine, theirs in conflict["differences"]
        ]
        assert "Versi saya" in response.text and "Versi rekan" in response.text
        assert "Rekan Sekantor" in response.text
        proposal.refresh_from_db()
        assert proposal.title == "Versi rekan"
        # The form now carries the stored version: saving again is a deliberate overwrite.
        assert response.context["form"].data["version"] == proposal.version
        assert f'name="version" value="{proposal.version}"' in response.text

    def test_saving_over_ones_own_newer_autosave_is_no_conflict(
        self, login, representative, proposal
    ):
        client = login(representative)
        client.post(
            reverse("masterplan:inputs:entry_autosave", args=[proposal.pk]),
            entry_data(proposal, title="Draf otomatis", page="tab1"),
        )
        response = client.post(
            reverse("masterplan:inputs:entry_edit", args=[proposal.pk]),
            entry_data(proposal, version=1, title="Simpan manual", page="tab1"),
        )
        assert response.status_code == 302
        proposal.refresh_from_db()
        assert (proposal.title, proposal.version) == ("Simpan manual", 3)

    def test_a_stale_autosave_is_refused(self, login, representative, proposal):
        WorksheetEntry.objects.filter(pk=proposal.pk).update(version=5, title="Lebih baru")
        response = login(representative).post(
            reverse("masterplan:inputs:entry_autosave", args=[proposal.pk]),
            entry_data(proposal, version=1, title="Usang"),
        )
        assert "data-conflict" in response.text
        assert 'name="version"' not in response.text
        proposal.refresh_from_db()
        assert proposal.title == "Lebih baru"

    def test_another_opd_cannot_open_save_autosave_or_delete_by_id(
        self, login, representative, other_worksheet
    ):
        entry = EntryFactory(worksheet=other_worksheet, title="Milik Dinkes")
        client = login(representative)
        for name in ("entry_edit", "entry_autosave", "entry_delete"):
            url = reverse(f"masterplan:inputs:{name}", args=[entry.pk])
            assert client.post(url, entry_data(entry, title="Dibajak")).status_code == 404
        assert (
            client.get(reverse("masterplan:inputs:entry_edit", args=[entry.pk])).status_code == 404
        )
        entry.refresh_from_db()
        assert entry.title == "Milik Dinkes"

    def test_a_mentor_and_the_secretariat_cannot_edit(self, login, mentor, secretariat, proposal):
        for user in (mentor, secretariat):
            client = login(user)
            url = reverse("masterplan:inputs:entry_edit", args=[proposal.pk])
            assert client.post(url, entry_data(proposal, title="Diubah")).status_code == 403
            client.logout()
        proposal.refresh_from_db()
        assert proposal.title == "Perizinan daring terpadu"

    def test_a_submitted_worksheet_cannot_be_edited(self, login, representative, proposal):
        Worksheet.objects.filter(pk=proposal.worksheet_id).update(state="submitted")
        response = login(representative).post(
            reverse("masterplan:inputs:entry_edit", args=[proposal.pk]),
            entry_data(proposal, title="X"),
        )
        assert response.status_code == 403

    def test_mentors_and_the_secretariat_cannot_autosave_or_delete(
        self, login, mentor, secretariat, proposal
    ):
        for user in (mentor, secretariat):
            client = login(user)
            for name in ("entry_autosave", "entry_delete"):
                url = reverse(f"masterplan:inputs:{name}", args=[proposal.pk])
                assert client.post(url, entry_data(proposal, title="Diubah")).status_code == 403
            client.logout()
        proposal.refresh_from_db()
        assert proposal.title == "Perizinan daring terpadu"

    def test_a_submitted_worksheet_takes_no_autosave_or_delete(
        self, login, representative, proposal
    ):
        Worksheet.objects.filter(pk=proposal.worksheet_id).update(state="submitted")
        client = login(representative)
        for name in ("entry_autosave", "entry_delete"):
            url = reverse(f"masterplan:inputs:{name}", args=[proposal.pk])
            assert client.post(url, entry_data(proposal, title="X")).status_code == 403
        assert WorksheetEntry.objects.get().title == "Perizinan daring terpadu"

    def test_a_save_that_arrives_after_submitting_is_refused_and_kept(
        self, representative, proposal
    ):
        """The page was still editable when it was loaded; the worksheet was submitted while
        the autosave was on its way."""
        form = EntryForm(
            entry_data(proposal, title="Diubah setelah kirim"),
            instance=proposal,
            years=proposal.worksheet.window.programme.years,
        )
        assert form.is_valid()
        Worksheet.objects.filter(pk=proposal.worksheet_id).update(state="submitted")
        with pytest.raises(workflow.WrongState) as refused:
            workflow.save_entry(proposal, form, proposal.version, representative)
        with translation.override("id"):
            assert refused.value.message == (
                "Tidak dapat dilakukan sekarang: kertas kerja berstatus dikirim. "
                "Tidak ada yang diubah."
            )
        assert WorksheetEntry.objects.get().title == "Perizinan daring terpadu"

    def test_an_invalid_new_entry_keeps_what_was_typed(self, login, representative, worksheet):
        title = "Judul yang sangat panjang " * 12  # over the 255 characters a name may hold
        response = login(representative).post(
            reverse("masterplan:inputs:entry_new", args=[worksheet.pk]),
            {"kind": "proposal", "title": title},
        )
        assert response.status_code == 200
        assert title.strip() in response.text
        assert not WorksheetEntry.objects.exists()

    def test_the_representative_deletes_an_entry(self, login, representative, proposal):
        login(representative).post(reverse("masterplan:inputs:entry_delete", args=[proposal.pk]))
        assert not WorksheetEntry.objects.exists()
