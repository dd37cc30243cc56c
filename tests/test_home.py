import pytest


@pytest.mark.django_db
class TestHomePerRole:
    def test_secretariat_sees_the_stages_and_the_books(self, login, secretariat, programme):
        page = login(secretariat).get("/").content.decode()
        assert "Empat Bimtek" in page
        assert "Bimtek Tahap IV: Finalisasi dan Komitmen" in page
        assert "Buku I: Analisis Strategis" in page
        assert "0 dari 6 bab final" in page

    def test_representative_sees_their_opd_and_not_the_books(
        self, login, representative, opd_head, programme
    ):
        page = login(representative).get("/").content.decode()
        assert "Badan Perencanaan Pembangunan Daerah (Bappeda)" in page
        assert opd_head.full_name in page
        assert "Buku I: Analisis Strategis" not in page
        assert "Menunggu tanda tangan Anda" not in page

    def test_regional_head_sees_what_awaits_signature(self, login, regional_head, programme):
        page = login(regional_head).get("/").content.decode()
        assert "Menunggu tanda tangan Anda" in page
        assert "Tidak ada lembar komitmen yang menunggu tanda tangan Anda." in page

    def test_opd_head_sees_awaiting_signature_and_their_opd(self, login, opd_head, programme):
        page = login(opd_head).get("/").content.decode()
        assert "Menunggu tanda tangan Anda" in page
        assert "Bappeda" in page

    def test_mentor_sees_stages_and_books(self, login, mentor, programme):
        page = login(mentor).get("/").content.decode()
        assert "Empat Bimtek" in page
        assert "Buku II: Masterplan" in page

    def test_without_a_programme_the_page_says_so(self, login, mentor, regency):
        # (the secretariat is led to the setup instead: tests/test_first_run_setup.py)
        page = login(mentor).get("/").content.decode()
        assert "Belum ada program" in page

    def test_the_bimtek_page_lists_the_four_stages_for_every_role(
        self, login, representative, programme
    ):
        page = login(representative).get("/workshops/").content.decode()
        for numeral in ("I", "II", "III", "IV"):
            assert f'<span class="stage-badge">{numeral}</span>' in page
