"""The secretariat keeps the register of OPDs: list, add, edit, deactivate (issue 13)."""

import pytest

from masterplan.roadmap.forms import RoadmapItemForm
from regency.models import Opd
from workshops.forms import FollowUpForm

from .factories import OpdFactory, UserFactory


@pytest.mark.django_db
class TestList:
    def test_it_shows_each_opd_with_its_head_and_how_many_people(
        self, login, secretariat, opd, representative
    ):
        opd.head_name, opd.head_position = "Ir. Bambang Sutrisno, M.T.", "Kepala Badan"
        opd.save()
        UserFactory(opd=opd, role="opd_head", is_active=False)  # who left is not counted
        page = login(secretariat).get("/opds/").content.decode()
        row = page.split("Badan Perencanaan Pembangunan Daerah")[1].split("</tr>")[0]
        assert "Ir. Bambang Sutrisno, M.T." in row
        assert "Kepala Badan" in row
        assert "<td>1</td>" in row

    def test_the_secretariat_menu_has_an_opd_entry(self, login, secretariat, programme):
        page = login(secretariat).get("/").content.decode()
        assert 'href="/opds/"' in page

    def test_an_opd_user_has_no_opd_entry(self, login, representative):
        page = login(representative).get("/").content.decode()
        assert 'href="/opds/"' not in page


@pytest.mark.django_db
class TestAddAndEdit:
    def test_the_secretariat_adds_an_opd_with_its_head(self, login, secretariat):
        response = login(secretariat).post(
            "/opds/new/",
            {
                "name": "Dinas Komunikasi dan Informatika",
                "acronym": "Diskominfo",
                "kind": "dinas",
                "head_name": "Drs. Agus Salim",
                "head_nip": "197003121995031004",
                "head_position": "Kepala Dinas",
            },
        )
        assert response.status_code == 302
        opd = Opd.objects.get(acronym="Diskominfo")
        assert (opd.head_name, opd.head_nip, opd.head_position) == (
            "Drs. Agus Salim",
            "197003121995031004",
            "Kepala Dinas",
        )

    def test_a_wrong_nip_is_refused_in_indonesian(self, login, secretariat):
        page = login(secretariat).post(
            "/opds/new/", {"name": "Dinas Sosial", "kind": "dinas", "head_nip": "123"}
        )
        assert "NIP terdiri atas tepat 18 angka" in page.content.decode()
        assert not Opd.objects.filter(name="Dinas Sosial").exists()

    def test_the_secretariat_edits_the_head(self, login, secretariat, opd):
        login(secretariat).post(
            f"/opds/{opd.pk}/",
            {"name": opd.name, "acronym": "Bappeda", "kind": "badan", "head_name": "Hj. Siti"},
        )
        opd.refresh_from_db()
        assert (opd.kind, opd.head_name) == ("badan", "Hj. Siti")


@pytest.mark.django_db
class TestDeactivate:
    def test_a_deactivated_opd_stays_with_its_people_but_is_offered_for_no_new_work(
        self, login, secretariat, programme, opd, other_opd, representative
    ):
        response = login(secretariat).post(f"/opds/{opd.pk}/deactivate/")
        assert response.status_code == 302
        opd.refresh_from_db()
        representative.refresh_from_db()
        assert not opd.is_active
        assert representative.opd == opd  # kept for history
        choices = RoadmapItemForm(programme=programme).fields["lead_opd"].queryset
        assert list(choices) == [other_opd]
        assert list(FollowUpForm().fields["owner_opd"].queryset) == [other_opd]
        page = login(secretariat).get("/opds/").content.decode()
        assert "OPD tidak aktif" in page

    def test_it_can_be_activated_again(self, login, secretariat):
        opd = OpdFactory(is_active=False)
        login(secretariat).post(f"/opds/{opd.pk}/activate/")
        opd.refresh_from_db()
        assert opd.is_active

    def test_deactivating_takes_a_post(self, login, secretariat, opd):
        assert login(secretariat).get(f"/opds/{opd.pk}/deactivate/").status_code == 405
        opd.refresh_from_db()
        assert opd.is_active


@pytest.mark.django_db
class TestOnlyTheSecretariat:
    @pytest.fixture(params=["representative", "opd_head", "mentor", "regional_head"])
    def outsider(self, request):
        return request.getfixturevalue(request.param)

    def test_others_cannot_see_the_list(self, login, outsider):
        assert login(outsider).get("/opds/").status_code == 403

    def test_others_cannot_add_edit_or_deactivate(self, login, outsider, opd):
        client = login(outsider)
        before = list(Opd.objects.values())
        assert client.post("/opds/new/", {"name": "Dinas Baru", "kind": "dinas"}).status_code == 403
        assert (
            client.post(f"/opds/{opd.pk}/", {"name": "Diganti", "kind": "dinas"}).status_code == 403
        )
        assert client.post(f"/opds/{opd.pk}/deactivate/").status_code == 403
        assert list(Opd.objects.values()) == before

    def test_a_stranger_is_sent_to_sign_in(self, client, opd):
        response = client.post(f"/opds/{opd.pk}/deactivate/")
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        opd.refresh_from_db()
        assert opd.is_active
