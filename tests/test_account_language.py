"""Each person's language is their own, whatever the browser says; the switch changes it."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def test_an_english_browser_gets_indonesian_pages_for_a_person_whose_language_is_id(
    login, regency, secretariat
):
    assert secretariat.language == "id"
    response = login(secretariat).get("/people/", **ENGLISH_BROWSER)
    page = response.content.decode()
    assert '<html lang="id">' in page
    assert "Tambah orang" in page and "Add a person" not in page
    assert response["Content-Language"] == "id"


def test_a_person_whose_language_is_english_gets_english_from_an_indonesian_browser(
    login, regency, secretariat
):
    secretariat.language = "en"
    secretariat.save()
    page = login(secretariat).get("/people/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert '<html lang="en">' in page and "Add a person" in page


def test_the_switch_changes_the_accounts_language(login, regency, secretariat):
    client = login(secretariat)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/people/"})
    assert response.status_code == 302
    secretariat.refresh_from_db()
    assert secretariat.language == "en"
    # another browser, signed in as the same person, follows the account
    other = Client()
    other.force_login(secretariat)
    assert "Add a person" in other.get("/people/", HTTP_ACCEPT_LANGUAGE="id").content.decode()


def test_an_anonymous_english_browser_gets_indonesian(regency):
    page = Client().get("/accounts/login/", **ENGLISH_BROWSER).content.decode()
    assert '<html lang="id">' in page and "Lupa kata sandi?" in page


def test_an_anonymous_visitor_who_chose_english_gets_english(regency):
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in page and "Forgotten your password?" in page


def test_the_switch_ignores_a_language_it_does_not_know(login, regency, secretariat):
    login(secretariat).post("/i18n/setlang/", {"language": "xx", "next": "/"})
    secretariat.refresh_from_db()
    assert secretariat.language == "id"
