"""Every upload field says its limit to the browser (data-max-bytes, and the refusal in the
page's language), so that app.js refuses a file too large before the form is lost; when the
server refuses one anyway it says that nothing was saved. The two imports refuse an
over-size body before reading it, as the other uploads do."""

import re
from unittest import mock

import pytest
from django.http import HttpRequest
from django.urls import reverse

from masterplan.models import WorksheetEntry
from regency.models import ImportJob
from workshops.models import Participant

from .factories_inputs import WorksheetFactory
from .factories_quickwins import QuickWinFactory
from .test_output_evidence import MB, claimed

pytestmark = pytest.mark.django_db

REFUSAL = (
    'data-too-large="Berkas yang dipilih melebihi batas {megabytes} MB. Pilih berkas yang lebih '
    'kecil; formulir belum dikirim sehingga isian Anda masih ada."'
)
NOTHING_SAVED = "Tidak ada yang tersimpan: isi formulir dan kirim sekali lagi."


def file_input(page: str, name: str) -> str:
    found = re.search(rf'<input type="file" name="{name}"[^>]*>', page)
    assert found, f"no file input {name}"
    return found.group(0)


def assert_limit(page: str, name: str, megabytes: int) -> None:
    tag = file_input(page, name)
    assert f'data-max-bytes="{megabytes * MB}"' in tag
    assert REFUSAL.format(megabytes=megabytes) in tag


@pytest.fixture
def worksheet(programme, opd):
    return WorksheetFactory(window__programme=programme, opd=opd)


@pytest.fixture
def bytes_read():
    read = []
    original = HttpRequest.read

    def counting(self, *args, **kwargs):
        chunk = original(self, *args, **kwargs)
        read.append(len(chunk))
        return chunk

    with mock.patch.object(HttpRequest, "read", counting):
        yield read


class TestTheLimitIsOnEveryUploadField:
    def test_quick_win_progress_photos(self, login, representative, programme):
        quick_win = QuickWinFactory(programme=programme, lead_opd=representative.opd)
        page = login(representative).get(f"/quickwins/{quick_win.pk}/").content.decode()
        assert_limit(page, "photos", 60)

    def test_target_output_evidence_new_and_edited(self, login, secretariat, programme):
        workshop = programme.workshops.get(stage=1)
        client = login(secretariat)
        assert_limit(client.get(f"/workshops/{workshop.pk}/").content.decode(), "evidence_file", 50)
        output = workshop.outputs.first()
        page = client.get(f"/workshops/outputs/{output.pk}/").content.decode()
        assert_limit(page, "evidence_file", 50)

    def test_bimtek_photos(self, login, secretariat, programme):
        workshop = programme.workshops.get(stage=1)
        page = login(secretariat).get(f"/workshops/{workshop.pk}/photos/").content.decode()
        assert_limit(page, "image", 15)

    def test_the_two_imports(self, login, secretariat, representative, worksheet):
        page = login(secretariat).get("/workshops/participants/import/").content.decode()
        assert_limit(page, "file", 5)
        url = reverse("masterplan:inputs:worksheet_import", args=[worksheet.pk])
        assert_limit(login(representative).get(url).content.decode(), "file", 5)

    def test_verifying_a_signed_pdf(self, client, regency):
        page = client.get(reverse("masterplan:commitments:verify")).content.decode()
        assert_limit(page, "file", 20)

    def test_the_refusal_is_in_english_on_an_english_page(self, login, secretariat, programme):
        secretariat.language = "en"  # the account's language, not the browser's (issue 13)
        secretariat.save()
        client = login(secretariat)
        page = client.get("/workshops/participants/import/").content.decode()
        assert "The chosen file is over the limit of 5 MB." in file_input(page, "file")


class TestTheServerSaysNothingWasSaved:
    def test_quick_win_progress_over_the_limit(self, login, representative, programme):
        quick_win = QuickWinFactory(programme=programme, lead_opd=representative.opd)
        client = login(representative)
        response = client.post(f"/quickwins/{quick_win.pk}/", {"text": "x"}, **claimed(62))
        page = client.get(response["Location"]).content.decode()
        assert "melebihi batas 60 MB" in page and NOTHING_SAVED in page


class TestImportsRefuseBeforeReading:
    def test_the_participant_import(self, login, secretariat, programme, bytes_read):
        client = login(secretariat)
        response = client.post("/workshops/participants/import/", {}, **claimed(7))
        assert response.status_code == 302
        assert response["Location"] == "/workshops/participants/import/"
        assert sum(bytes_read) == 0
        page = client.get(response["Location"]).content.decode()
        assert "Berkas yang dikirim melebihi batas 5 MB." in page and NOTHING_SAVED in page
        assert not Participant.objects.exists() and not ImportJob.objects.exists()

    def test_the_worksheet_import(self, login, representative, worksheet, bytes_read):
        url = reverse("masterplan:inputs:worksheet_import", args=[worksheet.pk])
        client = login(representative)
        response = client.post(url, {}, **claimed(7))
        assert response.status_code == 302 and response["Location"] == url
        assert sum(bytes_read) == 0
        page = client.get(url).content.decode()
        assert "Berkas yang dikirim melebihi batas 5 MB." in page and NOTHING_SAVED in page
        assert not WorksheetEntry.objects.filter(worksheet=worksheet).exists()
        assert not ImportJob.objects.exists()

    def test_an_import_under_the_limit_still_checks_csrf(self, secretariat, programme):
        from django.test import Client

        client = Client(enforce_csrf_checks=True)
        client.force_login(secretariat)
        response = client.post("/workshops/participants/import/", {})
        assert response.status_code == 403
