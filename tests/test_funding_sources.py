"""The secretariat keeps the funding sources that proposals name, without /admin/ (issue 13)."""

import pytest

from masterplan.inputs.forms import EntryForm
from masterplan.inputs.models import FundingSource

from .factories_inputs import EntryFactory, WorksheetFactory


@pytest.fixture
def sources(db):
    return (
        FundingSource.objects.get_or_create(code="apbd", defaults={"name": "APBD"})[0],
        FundingSource.objects.get_or_create(code="csr", defaults={"name": "CSR"})[0],
    )


@pytest.mark.django_db
class TestFundingSources:
    def test_the_secretariat_lists_adds_and_edits_sources(self, login, secretariat, sources):
        client = login(secretariat)
        page = client.get("/inputs/funding-sources/").content.decode()
        assert "Sumber pendanaan" in page and "APBD" in page
        response = client.post(
            "/inputs/funding-sources/new/", {"name": "Hibah Provinsi", "code": "hibah", "order": 3}
        )
        assert response["Location"] == "/inputs/funding-sources/"
        added = FundingSource.objects.get(code="hibah")
        client.post(
            f"/inputs/funding-sources/{added.pk}/",
            {"name": "Hibah Provinsi Kaltim", "code": "hibah", "order": 3},
        )
        added.refresh_from_db()
        assert added.name == "Hibah Provinsi Kaltim"

    def test_a_deactivated_source_is_offered_only_where_it_was_chosen(
        self, login, secretariat, sources, programme, opd
    ):
        apbd, csr = sources
        response = login(secretariat).post(
            f"/inputs/funding-sources/{csr.pk}/active/", {"active": "0"}
        )
        assert response.status_code == 302
        csr.refresh_from_db()
        assert not csr.is_active
        assert (
            "Dinonaktifkan" in login(secretariat).get("/inputs/funding-sources/").content.decode()
        )
        worksheet = WorksheetFactory(window__programme=programme, opd=opd)
        fresh = EntryForm(instance=EntryFactory(worksheet=worksheet))
        kept = EntryForm(instance=EntryFactory(worksheet=worksheet, funding_source=csr))
        assert csr not in fresh.fields["funding_source"].queryset
        assert apbd in fresh.fields["funding_source"].queryset
        assert csr in kept.fields["funding_source"].queryset

    @pytest.mark.parametrize("fixture", ["representative", "opd_head", "mentor", "regional_head"])
    def test_other_roles_are_refused_and_nothing_changes(self, login, request, fixture, sources):
        client = login(request.getfixturevalue(fixture))
        apbd, _csr = sources
        assert client.get("/inputs/funding-sources/").status_code == 403
        assert (
            client.post(
                "/inputs/funding-sources/new/", {"name": "X", "code": "x", "order": 1}
            ).status_code
            == 403
        )
        assert (
            client.post(f"/inputs/funding-sources/{apbd.pk}/active/", {"active": "0"}).status_code
            == 403
        )
        assert not FundingSource.objects.filter(code="x").exists()
        apbd.refresh_from_db()
        assert apbd.is_active


@pytest.mark.django_db
def test_a_renamed_source_is_in_the_record_of_changes_with_who_did_it(login, secretariat):
    client = login(secretariat)
    client.post("/inputs/funding-sources/new/", {"name": "Hibah", "code": "hibah", "order": 3})
    added = FundingSource.objects.get(code="hibah")
    client.post(
        f"/inputs/funding-sources/{added.pk}/",
        {"name": "Hibah Provinsi", "code": "hibah", "order": 3},
    )
    page = client.get("/people/changes/?kind=funding_source").content.decode()
    assert "Hibah Provinsi" in page and "Rina Kusumawati" in page
