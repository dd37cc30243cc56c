"""Changing one's password checks the old one as a sign-in does: counted, and locked out."""

import pytest
from axes.models import AccessAttempt

from tests.factories import PASSWORD

from .test_login_throttling import OFFICE, expected_time

NEW = "Bimtek-Tahap-4-2026"


def change(client, old, new=NEW):
    return client.post(
        "/accounts/password/",
        {"old_password": old, "new_password1": new, "new_password2": new},
        REMOTE_ADDR=OFFICE,
    )


@pytest.mark.django_db
class TestPasswordChangeThrottling:
    def test_a_wrong_old_password_counts_as_a_failed_sign_in(self, login, representative):
        client = login(representative)
        response = change(client, "salah")
        assert "Sandi lama Anda yang dimasukkan salah" in response.content.decode()
        attempt = AccessAttempt.objects.get(username=representative.username)
        assert attempt.failures_since_start == 1
        assert attempt.ip_address == OFFICE
        representative.refresh_from_db()
        assert representative.check_password(PASSWORD)

    def test_after_five_wrong_old_passwords_even_the_right_one_waits(
        self, login, representative, regency
    ):
        client = login(representative)
        for _ in range(5):
            change(client, "salah")
        response = change(client, PASSWORD)
        page = response.content.decode()
        assert response.status_code == 429
        assert f"Coba lagi setelah pukul {expected_time(representative.username)}" in page
        representative.refresh_from_db()
        assert representative.check_password(PASSWORD)
        assert not representative.check_password(NEW)

    def test_the_right_old_password_still_changes_it(self, login, representative):
        client = login(representative)
        response = change(client, PASSWORD)
        assert response.status_code == 302
        assert response["Location"] == "/accounts/password/done/"
        representative.refresh_from_db()
        assert representative.check_password(NEW)
        assert client.get("/").status_code == 200  # still signed in
