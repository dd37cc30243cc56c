"""The secretariat keeps the regency, the programme and the evaluation without /admin/ (issue 13)."""

import pytest

from masterplan.models import Book
from masterplan.roadmap.models import EvaluationYear
from regency.models import Programme, Regency
from workshops.models import Workshop

from .factories import OpdFactory

PROFILE = {
    "kind": "kota",
    "name": "Bontang",
    "province": "Kalimantan Timur",
    "head_title": "",
    "head_name": "Dr. Hj. Neni Moerniaeni, Sp.OG.",
    "head_nip": "196705211993031008",
    "time_zone": "Asia/Makassar",
    "address": "Jl. Moh. Roem No. 1",
    "office-office_name": "Diskominfo Kota Bontang",
    "office-office_address": "Jl. Bessai Berinta",
    "office-office_phone": "",
    "office-office_email": "",
    "office-office_website": "",
}


@pytest.fixture
def set_up(programme):
    OpdFactory()
    return programme


@pytest.mark.django_db
class TestRegencySettings:
    def test_the_secretariat_changes_the_profile_and_the_office(self, login, secretariat, set_up):
        response = login(secretariat).post("/settings/regency/", PROFILE)
        assert response["Location"] == "/settings/regency/"
        regency = Regency.load()
        assert regency.official_name == "Kota Bontang"
        assert regency.time_zone_abbreviation == "WITA"
        assert regency.office_name == "Diskominfo Kota Bontang"
        page = login(secretariat).get("/settings/regency/").content.decode()
        assert "Profil daerah" in page and "Kantor sekretariat" in page

    def test_a_bad_nip_is_refused_and_nothing_changes(self, login, secretariat, set_up):
        page = (
            login(secretariat)
            .post("/settings/regency/", {**PROFILE, "head_nip": "123"})
            .content.decode()
        )
        assert "NIP" in page
        assert Regency.load().name == "Tuban"

    @pytest.mark.parametrize("fixture", ["representative", "opd_head", "mentor", "regional_head"])
    def test_other_roles_are_refused_and_nothing_changes(self, login, request, fixture, set_up):
        client = login(request.getfixturevalue(fixture))
        assert client.get("/settings/regency/").status_code == 403
        assert client.post("/settings/regency/", PROFILE).status_code == 403
        assert client.post("/settings/programme/", {"next": "1"}).status_code == 403
        assert Regency.load().name == "Tuban"
        assert Programme.objects.count() == 1

    def test_the_secretariat_sees_the_administration_menu_and_others_do_not(
        self, login, secretariat, mentor, set_up
    ):
        page = login(secretariat).get("/").content.decode()
        assert 'href="/settings/regency/"' in page
        assert 'href="/inputs/funding-sources/"' in page
        page = login(mentor).get("/").content.decode()
        assert 'href="/settings/regency/"' not in page


@pytest.mark.django_db
class TestNextProgramme:
    def test_starting_the_next_programme_closes_the_current_one(self, login, secretariat, set_up):
        client = login(secretariat)
        page = client.get("/settings/programme/").content.decode()
        assert 'value="2037"' in page and 'value="2046"' in page  # the next period, proposed
        response = client.post(
            "/settings/programme/", {"next": "1", "period_start": 2037, "period_end": 2046}
        )
        assert response["Location"] == "/settings/programme/"
        set_up.refresh_from_db()
        assert set_up.status == Programme.Status.CLOSED
        new = Programme.current()
        assert new != set_up and new.period_label == "2037–2046"
        assert Workshop.objects.filter(programme=new).count() == 4
        assert Book.objects.filter(programme=new).count() == 3
        assert "2037–2046 telah dimulai" in client.get(response["Location"]).content.decode()

    def test_a_next_period_that_overlaps_is_refused_and_nothing_changes(
        self, login, secretariat, set_up
    ):
        page = (
            login(secretariat)
            .post("/settings/programme/", {"next": "1", "period_start": 2030, "period_end": 2039})
            .content.decode()
        )
        assert "setelah tahun 2036" in page
        assert Programme.objects.count() == 1
        set_up.refresh_from_db()
        assert set_up.status != Programme.Status.CLOSED

    def test_the_secretariat_edits_the_programme(self, login, secretariat, set_up):
        response = login(secretariat).post(
            "/settings/programme/",
            {
                "save": "1",
                "name": "Masterplan Smart City Kabupaten Tuban",
                "year_joined": 2026,
                "period_start": 2027,
                "period_end": 2036,
                "status": "adopted",
                "roadmap_published": "on",
            },
        )
        assert response.status_code == 302
        set_up.refresh_from_db()
        assert set_up.status == Programme.Status.ADOPTED and set_up.roadmap_published


@pytest.mark.django_db
class TestEvaluationWeights:
    WEIGHTS = {
        "year": 2027,
        "baseline_weight": 10,
        "output_weight": 30,
        "outcome_weight": 30,
        "impact_weight": 20,
        "quick_win_weight": 10,
    }

    def _year(self, programme):
        return EvaluationYear.objects.create(
            programme=programme, **{**self.WEIGHTS, "output_weight": 20, "impact_weight": 30}
        )

    def test_the_secretariat_corrects_the_weights_of_a_year(self, login, secretariat, set_up):
        evaluation = self._year(set_up)
        client = login(secretariat)
        assert (
            'href="/roadmap/evaluation/2027/"'
            in client.get("/roadmap/evaluation/").content.decode()
        )
        response = client.post("/roadmap/evaluation/2027/", {**self.WEIGHTS, "output_score": 80})
        assert response["Location"] == "/roadmap/evaluation/"
        evaluation.refresh_from_db()
        assert (evaluation.output_weight, evaluation.impact_weight) == (30, 20)
        assert evaluation.output_score == 80

    def test_weights_that_do_not_add_up_are_refused(self, login, secretariat, set_up):
        evaluation = self._year(set_up)
        page = (
            login(secretariat)
            .post("/roadmap/evaluation/2027/", {**self.WEIGHTS, "impact_weight": 50})
            .content.decode()
        )
        assert "100%" in page
        evaluation.refresh_from_db()
        assert evaluation.impact_weight == 30

    def test_a_mentor_may_not_change_the_weights(self, login, mentor, set_up):
        evaluation = self._year(set_up)
        assert login(mentor).post("/roadmap/evaluation/2027/", self.WEIGHTS).status_code == 403
        evaluation.refresh_from_db()
        assert evaluation.output_weight == 20
