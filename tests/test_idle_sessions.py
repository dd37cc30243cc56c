"""A signed-in session ends after a working day without a request, not after 14 days, and
activity keeps it alive without writing the session on every page view."""

import contextlib
import datetime
import time
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from regency.sessions import REFRESHED_AT

from .factories import PASSWORD

WORKING_DAY = 8 * 60 * 60


@contextlib.contextmanager
def later(delay: datetime.timedelta):
    """Run the requests inside as if ``delay`` had passed since now, for the session store
    (django.utils.timezone.now) and the idle-timeout middleware (time.time) alike."""
    now, clock = timezone.now(), time.time()
    with (
        mock.patch("django.utils.timezone.now", return_value=now + delay),
        mock.patch("time.time", return_value=clock + delay.total_seconds()),
    ):
        yield


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

    @pytest.mark.parametrize(
        ("idle", "signed_in"),
        [
            (datetime.timedelta(seconds=WORKING_DAY, minutes=1), False),
            (datetime.timedelta(seconds=WORKING_DAY, minutes=-1), True),
        ],
    )
    def test_a_user_idle_for_a_working_day_is_signed_out(
        self, login, regency, secretariat, idle, signed_in
    ):
        client = login(secretariat)
        assert client.get("/workshops/").status_code == 200  # the last request
        with later(idle):  # the session's row is left as the last request wrote it
            response = client.get("/workshops/")
        if signed_in:
            assert response.status_code == 200
        else:
            assert response.status_code == 302
            assert response["Location"].startswith("/accounts/login/")

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
