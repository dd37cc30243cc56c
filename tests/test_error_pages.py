"""The error pages: in the site's layout, in Indonesian or English, each with a way back;
the 500 page needs no database and a database that does not answer gives a 503."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns as site_urlpatterns
from workshops.models import Workshop


def broken(request):
    raise RuntimeError("a bug")


urlpatterns = [path("broken/", broken), *site_urlpatterns]
handler500 = handler500  # noqa: PLW0127  (Django reads it from the root URLconf)

HOME_LINK = 'href="/"'


def visitor(language="id"):
    """A browser that asks for ``language`` and chose it with the switch (issue 13: the
    switch decides, never Accept-Language)."""
    client = Client(raise_request_exception=False, headers={"accept-language": language})
    client.cookies["django_language"] = language
    return client


class TestTheServerErrorPage:
    """No django_db mark: any database query here fails the test."""

    @pytest.mark.urls("tests.test_error_pages")
    def test_it_is_in_indonesian_in_the_layout_without_a_database(self):
        response = visitor("id").get("/broken/")
        page = response.content.decode()
        assert response.status_code == 500
        assert "Terjadi kesalahan di pihak kami" in page
        assert "app-navbar" in page and HOME_LINK in page
        assert "Server Error (500)" not in page

    @pytest.mark.urls("tests.test_error_pages")
    def test_it_is_in_english_for_an_english_browser(self):
        page = visitor("en").get("/broken/").content.decode()
        assert "Something went wrong on our side" in page and HOME_LINK in page


@pytest.mark.django_db
class TestTheDatabaseDownPage:
    def database_down(self):
        return mock.patch.object(
            BaseDatabaseWrapper, "cursor", side_effect=OperationalError("connection refused")
        )

    def test_the_public_page_says_try_again_with_503(self, programme):
        with self.database_down():
            response = visitor("id").get("/publik/")
        page = response.content.decode()
        assert response.status_code == 503
        assert response["Retry-After"] == "60"
        assert "Layanan sedang tidak tersedia" in page and "Coba lagi" in page
        assert HOME_LINK in page

    def test_a_signed_in_page_says_it_in_english_too(self, programme, secretariat):
        client = visitor("en")
        client.force_login(secretariat)
        with self.database_down():
            response = client.get("/workshops/")
        assert response.status_code == 503
        assert "The service is temporarily unavailable" in response.content.decode()


@pytest.mark.django_db
class TestTheOtherErrorPages:
    def test_an_unknown_address_is_404_in_indonesian_with_a_way_home(self, regency):
        response = visitor("id").get("/tidak-ada/")
        page = response.content.decode()
        assert response.status_code == 404
        assert "Halaman tidak ditemukan" in page and HOME_LINK in page and "app-navbar" in page

    def test_an_unknown_address_is_404_in_english(self, regency):
        assert "Page not found" in visitor("en").get("/nowhere/").content.decode()

    def test_a_page_of_another_role_is_403_with_a_way_home(self, programme, mentor):
        client = visitor("id")
        client.force_login(mentor)
        workshop = programme.workshops.get(stage=1)
        response = client.get(f"/workshops/{workshop.pk}/edit/")
        page = response.content.decode()
        assert response.status_code == 403
        assert "Anda tidak dapat membuka halaman ini" in page and HOME_LINK in page

    def test_a_bad_host_is_400_in_the_layout(self, regency):
        response = visitor("en").get("/", headers={"host": "attacker.example"})
        page = response.content.decode()
        assert response.status_code == 400
        assert "The request could not be understood" in page and HOME_LINK in page

    def test_a_form_without_its_token_is_refused_plainly_and_nothing_is_saved(
        self, programme, secretariat
    ):
        client = Client(enforce_csrf_checks=True, headers={"accept-language": "id"})
        client.force_login(secretariat)
        workshop = programme.workshops.get(stage=1)
        response = client.post(f"/workshops/{workshop.pk}/edit/", {"title": "Diganti penyerang"})
        page = response.content.decode()
        assert response.status_code == 403
        assert "Formulir tidak diterima" in page and "Tidak ada yang disimpan" in page
        assert HOME_LINK in page
        assert Workshop.objects.get(pk=workshop.pk).title == workshop.title
