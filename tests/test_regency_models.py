import pytest
from django.core.exceptions import ValidationError

from regency.models import Dimension, Element, Opd, Programme, Regency, Role, User
from tests.factories import ProgrammeFactory


@pytest.mark.django_db
class TestReferenceData:
    def test_the_six_dimensions_with_three_elements_each_are_seeded(self):
        codes = list(Dimension.objects.values_list("code", flat=True))
        assert codes == ["governance", "branding", "economy", "living", "society", "environment"]
        for dimension in Dimension.objects.all():
            assert dimension.elements.count() == 3
        assert Element.objects.get(code="kesehatan").dimension.code == "living"

    def test_labels_follow_the_active_language(self):
        element = Element.objects.get(code="pelayanan-publik")
        from django.utils import translation

        with translation.override("id"):
            assert element.label == "Pelayanan publik"
        with translation.override("en"):
            assert element.label == "Public service"


@pytest.mark.django_db
class TestRegency:
    def test_there_is_only_one_profile(self):
        Regency(name="Tuban", province="Jawa Timur", head_name="A").save()
        Regency(name="Bontang", kind="kota", province="Kalimantan Timur", head_name="B").save()
        assert Regency.objects.count() == 1
        assert Regency.load().official_name == "Kota Bontang"

    def test_head_title_follows_the_kind_unless_set(self):
        assert Regency(name="Tuban", kind="kabupaten").regional_head_title == "Bupati"
        assert Regency(name="Bontang", kind="kota").regional_head_title == "Wali Kota"
        assert (
            Regency(name="X", head_title="Penjabat Bupati").regional_head_title == "Penjabat Bupati"
        )


@pytest.mark.django_db
class TestPeople:
    def test_a_nip_must_have_eighteen_digits(self):
        opd = Opd(name="Dinas Sosial", head_nip="1970 0312 1995")
        with pytest.raises(ValidationError) as error:
            opd.full_clean()
        assert "18" in str(error.value.message_dict["head_nip"])

    def test_an_opd_representative_must_belong_to_an_opd(self):
        person = User(username="x", role=Role.OPD_REPRESENTATIVE)
        with pytest.raises(ValidationError) as error:
            person.full_clean()
        assert "opd" in error.value.message_dict

    def test_a_mentor_needs_no_opd(self):
        person = User(username="mentor1", role=Role.MENTOR, password="x")
        person.full_clean()


@pytest.mark.django_db
class TestProgramme:
    def test_a_new_programme_gets_its_four_stages_and_three_books(self, regency):
        programme = ProgrammeFactory()
        assert [w.stage for w in programme.workshops.all()] == [1, 2, 3, 4]
        assert [b.number for b in programme.books.all()] == [1, 2, 3]
        assert programme.books.get(number=1).chapters.first().title == "Pendahuluan"
        assert "Lembar komitmen" in programme.workshops.get(stage=4).target_outputs

    def test_period_must_run_forward_and_span_five_to_twenty_years(self):
        with pytest.raises(ValidationError):
            Programme(year_joined=2026, period_start=2030, period_end=2027).full_clean()
        with pytest.raises(ValidationError):
            Programme(year_joined=2026, period_start=2027, period_end=2028).full_clean()
        Programme(year_joined=2026, period_start=2027, period_end=2036).full_clean()
        assert Programme(period_start=2027, period_end=2036).period_label == "2027–2036"
