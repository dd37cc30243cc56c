"""The e-mail link that sets a password: the invitation of a new person, and a forgotten
password reset from the login page, each in the person's own language."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from regency.models import Role, User
from regency.people import accounts
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def link_in(message):
    return re.search(r"http://[^\s]+/accounts/password/set/[^\s]+/", message.body).group(0)


def invite(django_capture_on_commit_callbacks, **fields):
    person = User(full_name="Hana Wijaya", email="hana@contoh.id", role=Role.MENTOR, **fields)
    with django_capture_on_commit_callbacks(execute=True):
        accounts.add_person(person)
    return person


class TestTheInvitation:
    def test_the_link_sets_the_password_and_signs_in(
        self, regency, django_capture_on_commit_callbacks
    ):
        person = invite(django_capture_on_commit_callbacks)
        assert "Sekretariat telah membuatkan akun" in mail.outbox[0].body
        client = Client()
        form_page = client.get(link_in(mail.outbox[0]), follow=True)
        assert form_page.status_code == 200
        assert "Atur kata sandi Anda" in form_page.content.decode()
        response = client.post(
            form_page.redirect_chain[-1][0],
            {"new_password1": "Kota-Bontang-2027", "new_password2": "Kota-Bontang-2027"},
        )
        assert response.status_code == 302 and response["Location"] == "/"
        assert client.session["_auth_user_id"] == str(person.pk)
        person.refresh_from_db()
        assert person.check_password("Kota-Bontang-2027")

    def test_the_link_works_once(self, regency, django_capture_on_commit_callbacks):
        invite(django_capture_on_commit_callbacks)
        link = link_in(mail.outbox[0])
        first = Client()
        page = first.get(link, follow=True)
        first.post(
            page.redirect_chain[-1][0],
            {"new_password1": "Kota-Bontang-2027", "new_password2": "Kota-Bontang-2027"},
        )
        again = Client().get(link, follow=True).content.decode()
        assert "sudah tidak berlaku" in again

    def test_a_link_sent_before_the_person_was_deactivated_sets_no_password(
        self, regency, django_capture_on_commit_callbacks
    ):
        person = invite(django_capture_on_commit_callbacks)
        accounts.deactivate(person)
        page = Client().get(link_in(mail.outbox[0]), follow=True).content.decode()
        assert "sudah tidak berlaku" in page
        person.refresh_from_db()
        assert not person.has_usable_password()

    def test_a_person_whose_language_is_english_gets_it_in_english(
        self, regency, django_capture_on_commit_callbacks
    ):
        invite(django_capture_on_commit_callbacks, language="en")
        assert mail.outbox[0].subject == "Your account for the Smart City Masterplan"
        assert "The secretariat has made you an account" in mail.outbox[0].body


class TestAForgottenPassword:
    def test_the_login_page_leads_to_the_reset(self, regency):
        page = Client().get("/accounts/login/").content.decode()
        assert 'href="/accounts/password/reset/"' in page and "Lupa kata sandi?" in page

    def test_a_reset_from_the_login_page_sets_a_new_password(
        self, regency, mentor, django_capture_on_commit_callbacks
    ):
        mentor.email = "farhan@contoh.id"
        mentor.save()
        client = Client()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/accounts/password/reset/", {"email": "Farhan@contoh.id"})
        assert response.status_code == 302
        assert "Periksa e-mail Anda" in client.get(response["Location"]).content.decode()
        assert len(mail.outbox) == 1 and mail.outbox[0].to == ["farhan@contoh.id"]
        assert "kata sandi baru" in mail.outbox[0].body
        page = client.get(link_in(mail.outbox[0]), follow=True)
        client.post(
            page.redirect_chain[-1][0],
            {"new_password1": "Garut-Kota-2027!", "new_password2": "Garut-Kota-2027!"},
        )
        mentor.refresh_from_db()
        assert mentor.check_password("Garut-Kota-2027!")

    def test_an_unknown_address_is_answered_the_same_and_sends_nothing(
        self, regency, django_capture_on_commit_callbacks
    ):
        client = Client()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/accounts/password/reset/", {"email": "siapa@contoh.id"})
        assert response.status_code == 302
        assert response["Location"] == "/accounts/password/reset/sent/"
        assert not mail.outbox

    def test_a_deactivated_person_gets_no_link(
        self, regency, mentor, django_capture_on_commit_callbacks
    ):
        mentor.email, mentor.is_active = "farhan@contoh.id", False
        mentor.save()
        with django_capture_on_commit_callbacks(execute=True):
            Client().post("/accounts/password/reset/", {"email": "farhan@contoh.id"})
        assert not mail.outbox

    def test_many_requests_from_one_address_are_throttled(self, regency):
        cache.clear()
        client = Client()
        answers = [
            client.post("/accounts/password/reset/", {"email": f"x{n}@contoh.id"}).status_code
            for n in range(11)
        ]
        assert answers[:10] == [302] * 10 and answers[10] == 429


@pytest.mark.django_db
def test_one_person_gets_at_most_three_reset_links_an_hour_whoever_asks(
    client, regency, django_capture_on_commit_callbacks
):
    cache.clear()  # the count lives in the cache, which tests share
    UserFactory(username="ani", email="ani@contoh.id", role="opd_rep")
    for n in range(5):  # from five addresses: the per-address limit alone would let them all
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                "/accounts/password/reset/", {"email": "ani@contoh.id"}, REMOTE_ADDR=f"10.0.0.{n}"
            )
    assert len(mail.outbox) == 3
