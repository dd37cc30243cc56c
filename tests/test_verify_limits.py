"""The anonymous verify page: files over 20 MB refused before they are read, and a limit of
POSTs per address."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

URL = "/commitments/verify/"
MB = 1024 * 1024


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


def not_a_pdf():
    return {"file": SimpleUploadedFile("lembar.pdf", b"hello", content_type="application/pdf")}


@pytest.mark.django_db
class TestTheSizeCap:
    def test_a_file_over_20_mb_gets_the_form_again_before_it_is_read(self, client, regency):
        # The test client fails the request if the view reads beyond the body it was given.
        response = client.post(URL, not_a_pdf(), CONTENT_LENGTH=str(100 * MB))
        assert response.status_code == 302 and response["Location"] == URL
        page = client.get(URL).content.decode()
        assert "Berkas yang dikirim melebihi batas 20 MB. Pilih berkas yang lebih kecil." in page
        assert 'name="file"' in page

    def test_a_real_file_just_over_20_mb_is_refused(self, client, regency):
        big = SimpleUploadedFile("besar.pdf", b"%PDF-1.7\n" + b"0" * (21 * MB + 1))
        response = client.post(URL, {"file": big}, follow=True)
        assert "melebihi batas 20 MB" in response.content.decode()
        assert 'data-valid="' not in response.content.decode()

    def test_a_small_file_is_still_checked(self, client, regency):
        page = client.post(URL, not_a_pdf()).content.decode()
        assert 'data-valid="false"' in page and "bukan PDF" in page


@pytest.mark.django_db
class TestTheRateLimit:
    def test_the_eleventh_post_in_ten_minutes_waits_and_is_told_until_when(self, client, regency):
        for _ in range(10):
            assert client.post(URL, not_a_pdf()).status_code == 200
        response = client.post(URL, not_a_pdf())
        assert response.status_code == 429
        page = response.content.decode()
        assert "Terlalu banyak permintaan dari alamat Anda" in page
        time = re.search(r"Coba lagi setelah pukul (\d\d)\.(\d\d) WIB\.", page)
        assert time, page
        seconds = int(response["Retry-After"])
        assert 0 < seconds <= 600
        expected = timezone.localtime(
            timezone.now() + datetime.timedelta(seconds=seconds),
            datetime.timezone(datetime.timedelta(hours=7)),
        )
        assert (int(time[1]), int(time[2])) == (expected.hour, expected.minute)
        assert 'data-valid="' not in page  # the file was not checked

    def test_a_limited_address_is_refused_before_its_body_is_read(self, client, regency):
        for _ in range(10):
            client.post(URL, not_a_pdf())
        response = client.post(URL, not_a_pdf(), CONTENT_LENGTH=str(15 * MB))
        assert response.status_code == 429

    def test_the_page_still_opens_and_other_addresses_may_post(self, client, regency):
        for _ in range(11):
            client.post(URL, not_a_pdf())
        assert client.get(URL).status_code == 200
        assert client.post(URL, not_a_pdf(), REMOTE_ADDR="10.1.2.3").status_code == 200

    def test_behind_the_proxy_the_address_it_appended_is_counted(self, client, regency, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        for _ in range(11):  # what the client puts left of the proxy's entry is not trusted
            client.post(URL, not_a_pdf(), HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7")
        blocked = client.post(URL, not_a_pdf(), HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.7")
        assert blocked.status_code == 429
        assert client.post(URL, not_a_pdf(), HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 200

    def test_the_page_keeps_serving_when_the_cache_is_down(self, client, regency):
        redis_down = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
        }
        with override_settings(CACHES={"default": redis_down}):
            assert client.post(URL, not_a_pdf()).status_code == 200
