import datetime
import math
import re
from zoneinfo import ZoneInfo

import pytest
from axes.models import AccessAttempt

from masterplan.models import Signature
from tests.factories import PASSWORD, UserFactory

from .factories_signing import issued_sheet
from .test_signing import post_signature

OFFICE = "203.0.113.7"
ELSEWHERE = "198.51.100.20"


def sign_in(client, username, password, address=OFFICE, path="/accounts/login/", **headers):
    return client.post(
        path, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def signed_in(client) -> bool:
    # the page after signing in (the home page, or the setup on an empty install), not the login
    response = client.get("/")
    return response.status_code == 200 or response.get("Location") == "/setup/"


def expected_time(username) -> str:
    """The lockout's end as the page should give it: last failure + 15 min, rounded up, WIB."""
    last = AccessAttempt.objects.filter(username=username).latest("attempt_time").attempt_time
    until = last + datetime.timedelta(minutes=15)
    local = datetime.datetime.fromtimestamp(
        math.ceil(until.timestamp() / 60) * 60, ZoneInfo("Asia/Jakarta")
    )
    return f"{local.hour}.{local.minute:02d} WIB"


@pytest.mark.django_db
class TestLoginThrottling:
    def test_after_five_wrong_passwords_even_the_right_one_waits(
        self, client, secretariat, regency
    ):
        for _ in range(4):
            assert sign_in(client, "sekretariat", "salah").status_code == 200
        fifth = sign_in(client, "sekretariat", "salah")
        assert fifth.status_code == 429
        response = sign_in(client, "sekretariat", PASSWORD)
        page = response.content.decode()
        assert response.status_code == 429
        assert f"Coba lagi setelah pukul {expected_time('sekretariat')}" in page
        assert "(dalam 15 menit)" in page
        assert not signed_in(client)

    def test_the_lockout_is_said_in_english_too(self, client, secretariat, regency):
        client.cookies["django_language"] = "en"
        for _ in range(5):
            sign_in(client, "sekretariat", "salah")
        page = sign_in(client, "sekretariat", PASSWORD).content.decode()
        assert "Too many wrong passwords. Try again after" in page
        assert "WIB (in 15 min)" in page

    def test_a_locked_username_is_locked_from_every_address(self, client, secretariat):
        for _ in range(5):
            sign_in(client, "sekretariat", "salah", address=OFFICE)
        assert sign_in(client, "sekretariat", PASSWORD, address=ELSEWHERE).status_code == 429
        assert not signed_in(client)

    def test_one_address_is_locked_after_failures_across_usernames(
        self, client, settings, secretariat, mentor, representative
    ):
        settings.LOGIN_ADDRESS_FAILURE_LIMIT = 8
        for number in range(8):  # two tries at each of four names: no name reaches five
            sign_in(client, f"tebakan{number // 2}", "salah")
        response = sign_in(client, "mentor", PASSWORD)
        assert response.status_code == 429
        assert "Coba lagi setelah pukul" in response.content.decode()
        assert not signed_in(client)
        assert sign_in(client, "mentor", PASSWORD, address=ELSEWHERE).status_code == 302

    def test_behind_the_proxy_the_forwarded_address_is_counted_and_cannot_be_chosen(
        self, client, settings, secretariat, mentor
    ):
        settings.TRUSTED_PROXY_COUNT = 1
        settings.LOGIN_ADDRESS_FAILURE_LIMIT = 4
        for number in range(4):  # the client makes up a new left-hand address each time
            forwarded = f"10.9.9.{number}, {OFFICE}"
            sign_in(client, f"tebakan{number}", "salah", HTTP_X_FORWARDED_FOR=forwarded)
        assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {OFFICE}
        locked = sign_in(client, "mentor", PASSWORD, HTTP_X_FORWARDED_FOR=f"10.1.1.1, {OFFICE}")
        assert locked.status_code == 429
        other = sign_in(client, "mentor", PASSWORD, HTTP_X_FORWARDED_FOR=ELSEWHERE)
        assert other.status_code == 302

    def test_a_successful_sign_in_forgets_the_wrong_passwords(self, client, secretariat):
        for _ in range(4):
            sign_in(client, "sekretariat", "salah")
        assert sign_in(client, "sekretariat", PASSWORD).status_code == 302
        client.post("/accounts/logout/")
        for _ in range(4):
            sign_in(client, "sekretariat", "salah")
        assert sign_in(client, "sekretariat", PASSWORD).status_code == 302
        assert signed_in(client)

    def test_another_account_signing_in_does_not_forget_the_guesses_at_this_one(
        self, client, secretariat, mentor
    ):
        for _ in range(4):
            sign_in(client, "sekretariat", "salah")
        assert sign_in(client, "mentor", PASSWORD).status_code == 302
        client.post("/accounts/logout/")
        sign_in(client, "sekretariat", "salah")
        assert sign_in(client, "sekretariat", PASSWORD).status_code == 429


@pytest.mark.django_db
class TestAdminLoginThrottling:
    def test_after_five_wrong_passwords_the_admin_login_refuses_the_right_one(self, client):
        UserFactory(username="admin", is_staff=True, is_superuser=True)
        for _ in range(5):
            sign_in(client, "admin", "salah", path="/admin/login/")
        response = sign_in(client, "admin", PASSWORD, path="/admin/login/")
        assert response.status_code == 429
        assert "Coba lagi setelah pukul" in response.content.decode()
        assert client.get("/admin/").status_code == 302  # still asked to sign in


@pytest.mark.django_db
class TestSigningThrottling:
    def test_after_five_wrong_passwords_the_sign_page_says_when_to_try_again(
        self, login, programme, secretariat, opd_head, regional_head
    ):
        sheet = issued_sheet(programme, secretariat, [regional_head, opd_head])
        client = login(opd_head)
        for _ in range(5):
            post_signature(client, sheet, password="salah")
        response, _ = post_signature(client, sheet)
        page = response.content.decode()
        assert response.status_code == 200  # the sign page, with the drawing kept
        assert re.search(r"Coba lagi setelah pukul \d{1,2}\.\d{2} WIB", page)
        assert not Signature.objects.exists()

    def test_wrong_passwords_when_signing_lock_the_sign_in_as_well(
        self, login, programme, secretariat, opd_head, regional_head
    ):
        from django.test import Client

        client = Client()
        sheet = issued_sheet(programme, secretariat, [regional_head, opd_head])
        signed_in_client = login(opd_head)
        for _ in range(5):
            post_signature(signed_in_client, sheet, password="salah")
        assert sign_in(client, "kepala", PASSWORD).status_code == 429
