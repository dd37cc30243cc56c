"""Two tabs of one account (or one OPD account shared by two people): the stale save loses."""

import re

import pytest
from django.urls import reverse

from masterplan.models import FundingSource, WorksheetEntry
from regency.models import Element

from .factories_inputs import EntryFactory, WorksheetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(programme, opd):
    return EntryFactory(worksheet=WorksheetFactory(window__programme=programme, opd=opd))


def open_tab(client, entry) -> dict:
    """Load the entry's page as a browser tab would, and return the form it holds."""
    page = client.get(reverse("masterplan:inputs:entry_edit", args=[entry.pk])).text
    hidden = dict(re.findall(r'<input type="hidden" name="(version|page)" value="([^"]*)"', page))
    return {
        **hidden,
        "element": Element.objects.get(code="pelayanan-publik").pk,
        "title": entry.title,
        "description": entry.description,
        "objective": "Izin terbit dalam tiga hari",
        "indicator": "Rata-rata hari terbit izin",
        "baseline": "14 hari",
        "funding_source": FundingSource.objects.get(code="apbd").pk,
    }


class TestTwoTabsOfOneUser:
    def test_the_second_tabs_save_is_refused_with_both_versions_and_the_typed_text_kept(
        self, login, representative, proposal
    ):
        client = login(representative)
        first, second = open_tab(client, proposal), open_tab(client, proposal)
        assert first["page"] != second["page"]
        saved = client.post(
            reverse("masterplan:inputs:entry_edit", args=[proposal.pk]),
            {**first, "title": "Judul dari tab pertama"},
        )
        assert saved.status_code == 302

        response = client.post(
            reverse("masterplan:inputs:entry_edit", args=[proposal.pk]),
            {**second, "title": "Judul dari tab kedua"},
        )
        assert response.status_code == 200
        assert 'id="conflict"' in response.text
        assert "Judul dari tab pertama" in response.text  # the stored version
        assert 'value="Judul dari tab kedua"' in response.text  # what was typed, kept
        proposal.refresh_from_db()
        assert (proposal.title, proposal.version) == ("Judul dari tab pertama", 2)

    def test_the_second_tabs_autosave_is_refused_and_saves_nothing(
        self, login, representative, proposal
    ):
        client = login(representative)
        first, second = open_tab(client, proposal), open_tab(client, proposal)
        client.post(
            reverse("masterplan:inputs:entry_autosave", args=[proposal.pk]),
            {**first, "title": "Draf tab pertama"},
        )
        response = client.post(
            reverse("masterplan:inputs:entry_autosave", args=[proposal.pk]),
            {**second, "title": "Draf tab kedua"},
        )
        assert "data-conflict" in response.text
        assert 'name="version"' not in response.text
        proposal.refresh_from_db()
        assert (proposal.title, proposal.version) == ("Draf tab pertama", 2)

    def test_a_tab_saving_over_its_own_autosave_under_way_is_no_conflict(
        self, login, representative, proposal
    ):
        client = login(representative)
        tab = open_tab(client, proposal)
        client.post(
            reverse("masterplan:inputs:entry_autosave", args=[proposal.pk]),
            {**tab, "title": "Draf"},
        )
        response = client.post(
            reverse("masterplan:inputs:entry_edit", args=[proposal.pk]), {**tab, "title": "Final"}
        )
        assert response.status_code == 302
        proposal.refresh_from_db()
        assert (proposal.title, proposal.version) == ("Final", 3)

    def test_an_import_in_between_makes_the_tabs_save_stale(self, login, representative, proposal):
        client = login(representative)
        tab = open_tab(client, proposal)
        client.post(
            reverse("masterplan:inputs:entry_autosave", args=[proposal.pk]),
            {**tab, "title": "Draf"},
        )
        WorksheetEntry.objects.filter(pk=proposal.pk).update(
            version=3, title="Dari impor", saved_from_page=""
        )
        response = client.post(
            reverse("masterplan:inputs:entry_edit", args=[proposal.pk]), {**tab, "title": "Usang"}
        )
        assert response.status_code == 200
        proposal.refresh_from_db()
        assert proposal.title == "Dari impor"
