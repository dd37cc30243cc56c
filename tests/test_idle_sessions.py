"""A signed-in session ends after a working day without a request, not after 14 days, and
activity keeps it alive without writing the session on every page view."""

import datetime
import time

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from regency.sessions import REFRESHED_AT

from .factories import PASSWORD

WORKING_DAY = 8 * 60 * 60


def session_row(client):
    return Session.objects.get(pk=client.cookies["sessionid"].value)


@pytest.mark.django_db
class TestIdleTimeout:
    def test_signing_in_gives_a_cookie_for_a_working_day(self, client, regency, secretariat):
        response = client.post(
            "/accounts/login/", {"username": "sekretariat", "password": PASSWORD}
        )
        assert response.status_code == 302
        assert response.cookies["sessionid"]["max-age"] == WORKING_DAY
        left = session_row(client).expire_date - timezone.now()
        assert datetime.timedelta(hours=7, minutes=59) < left <= datetime.timedelta(hours=8)

    def test_a_user_idle_for_a_working_day_is_signed_out(self, login, regency, secretariat):
        client = login(secretariat)
        assert client.get("/workshops/").status_code == 200
        Session.objects.filter(pk=client.cookies["sessionid"].value).update(
            expire_date=timezone.now() - datetime.timedelta(seconds=1)
        )
        response = client.get("/workshops/")
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")

    def test_working_on_pushes_the_end_a_working_day_forward(self, login, regency, secretariat):
        client = login(secretariat)
        # Seven hours ago was the last refresh: one hour is left.
        store = client.session
        store[REFRESHED_AT] = int(time.time()) - 7 * 60 * 60
        store.save()
        Session.objects.filter(pk=store.session_key).update(
            expire_date=timezone.now() + datetime.timedelta(hours=1)
        )
        response = client.get("/workshops/")
        assert response.status_code == 200
        assert response.cookies["sessionid"]["max-age"] == WORKING_DAY
        left = session_row(client).expire_date - timezone.now()
        assert left > datetime.timedelta(hours=7, minutes=59)

    def test_pages_within_a_few_minutes_do_not_write_the_session(self, login, regency, secretariat):
        client = login(secretariat)
        client.get("/workshops/")
        written = session_row(client).expire_date
        response = client.get("/workshops/")
        assert "sessionid" not in response.cookies
        assert session_row(client).expire_date == written
