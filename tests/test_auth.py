import pytest

from tests.factories import PASSWORD


@pytest.mark.django_db
class TestSignIn:
    def test_the_sign_in_page_speaks_indonesian_by_default(self, client, regency):
        page = client.get("/accounts/login/").content.decode()
        assert "Masuk" in page
        assert 'lang="id"' in page

    def test_a_wrong_password_gets_a_clear_indonesian_message_and_keeps_the_username(
        self, client, secretariat
    ):
        response = client.post("/accounts/login/", {"username": "sekretariat", "password": "salah"})
        page = response.content.decode()
        assert response.status_code == 200
        assert "Nama pengguna atau kata sandi salah" in page
        assert 'value="sekretariat"' in page

    def test_signing_in_leads_to_the_home_page(self, client, secretariat, programme):
        response = client.post(
            "/accounts/login/", {"username": "sekretariat", "password": PASSWORD}, follow=True
        )
        assert response.redirect_chain[-1][0] == "/"
        assert "Selamat datang, Rina Kusumawati" in response.content.decode()

    def test_signing_out_needs_a_post_and_ends_the_session(self, login, secretariat):
        client = login(secretariat)
        client.post("/accounts/logout/")
        assert client.get("/").status_code == 302

    def test_the_home_page_asks_strangers_to_sign_in(self, client, db):
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")

    def test_a_person_changes_their_password(self, login, representative):
        client = login(representative)
        response = client.post(
            "/accounts/password/",
            {
                "old_password": PASSWORD,
                "new_password1": "Bimtek-Tahap-4-2026",
                "new_password2": "Bimtek-Tahap-4-2026",
            },
            follow=True,
        )
        assert "Kata sandi Anda telah diubah" in response.content.decode()
        representative.refresh_from_db()
        assert representative.check_password("Bimtek-Tahap-4-2026")


@pytest.mark.django_db
class TestLanguage:
    def test_the_english_switch_changes_the_interface(self, login, secretariat, programme):
        client = login(secretariat)
        client.post("/i18n/setlang/", {"language": "en", "next": "/"})
        page = client.get("/").content.decode()
        assert "Welcome, Rina Kusumawati" in page
        assert "The four Bimtek" in page
