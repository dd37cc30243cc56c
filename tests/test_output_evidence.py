"""The target-output edit page with an evidence file attached, and uploads over the limit."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from quickwins.models import ProgressUpdate
from workshops.models import Photo

from .factories_quickwins import QuickWinFactory

MB = 1024 * 1024


@pytest.fixture
def output(programme):
    output = programme.workshops.get(stage=1).outputs.first()
    output.evidence_file.save("laporan.pdf", ContentFile(b"%PDF-1.4\n%bukti\n"))
    return output


def claimed(megabytes: int) -> dict:
    """A request that says its body is that large: reading it would fail the test client."""
    return {"CONTENT_LENGTH": str(megabytes * MB)}


@pytest.mark.django_db
class TestTheEditPageWithAFile:
    def test_it_links_the_current_file_to_the_checked_download(self, login, secretariat, output):
        response = login(secretariat).get(f"/workshops/outputs/{output.pk}/")
        assert response.status_code == 200
        page = response.content.decode()
        assert f'href="/workshops/outputs/{output.pk}/evidence/"' in page
        assert "laporan.pdf" in page and "evidence_file-clear" in page

    def test_saving_without_a_new_file_keeps_the_file(self, login, secretariat, output):
        name = output.evidence_file.name
        response = login(secretariat).post(
            f"/workshops/outputs/{output.pk}/", {"title": output.title, "status": "done"}
        )
        assert response.status_code == 302
        output.refresh_from_db()
        assert output.evidence_file.name == name and output.status == "done"

    def test_the_file_can_be_removed(self, login, secretariat, output):
        login(secretariat).post(
            f"/workshops/outputs/{output.pk}/",
            {"title": output.title, "status": "open", "evidence_file-clear": "on"},
        )
        output.refresh_from_db()
        assert not output.evidence_file

    def test_a_refused_new_file_shows_the_page_again_with_the_old_link(
        self, login, secretariat, output
    ):
        response = login(secretariat).post(
            f"/workshops/outputs/{output.pk}/",
            {
                "title": output.title,
                "status": "open",
                "evidence_file": SimpleUploadedFile("a", b"x"),
            },
        )
        assert response.status_code == 200
        assert f'href="/workshops/outputs/{output.pk}/evidence/"' in response.content.decode()


@pytest.mark.django_db
class TestUploadsOverTheLimitAreRefusedBeforeTheyAreRead:
    def test_an_evidence_file_over_50_mb_gets_the_form_again_naming_the_limit(
        self, login, secretariat, output
    ):
        name = output.evidence_file.name
        client = login(secretariat)
        big = SimpleUploadedFile("besar.pdf", b"%PDF-1.4\n" + b"0" * (51 * MB))
        response = client.post(
            f"/workshops/outputs/{output.pk}/",
            {"title": "Diubah", "status": "done", "evidence_file": big},
            follow=True,
        )
        assert response.redirect_chain == [(f"/workshops/outputs/{output.pk}/", 302)]
        page = response.content.decode()
        assert "Berkas yang dikirim melebihi batas 50 MB. Pilih berkas yang lebih kecil." in page
        assert 'name="evidence_file"' in page
        output.refresh_from_db()
        assert output.evidence_file.name == name and output.status == "open"

    def test_the_body_is_not_read(self, login, secretariat, output):
        response = login(secretariat).post(
            f"/workshops/outputs/{output.pk}/", {"title": "Diubah"}, **claimed(60)
        )
        assert response.status_code == 302
        output.refresh_from_db()
        assert output.title != "Diubah"

    def test_a_new_output_over_the_limit_goes_back_to_the_bimtek(self, login, secretariat, output):
        workshop = output.workshop
        before = workshop.outputs.count()
        response = login(secretariat).post(
            f"/workshops/{workshop.pk}/outputs/", {"title": "Baru"}, **claimed(60)
        )
        assert response["Location"] == f"/workshops/{workshop.pk}/"
        assert workshop.outputs.count() == before

    def test_a_bimtek_photo_over_15_mb(self, login, secretariat, programme):
        workshop = programme.workshops.get(stage=1)
        client = login(secretariat)
        response = client.post(f"/workshops/{workshop.pk}/photos/", {"caption": "x"}, **claimed(17))
        page = client.get(response["Location"]).content.decode()
        assert "melebihi batas 15 MB" in page and 'name="image"' in page
        assert not Photo.objects.exists()

    def test_quick_win_photos_over_their_total(self, login, representative, programme):
        quick_win = QuickWinFactory(programme=programme, lead_opd=representative.opd)
        client = login(representative)
        response = client.post(f"/quickwins/{quick_win.pk}/", {"text": "x"}, **claimed(62))
        page = client.get(response["Location"]).content.decode()
        assert "melebihi batas 60 MB" in page and 'name="photos"' in page
        assert not ProgressUpdate.objects.exists()

    def test_a_chapter_image_over_5_mb_is_answered_for_the_editor(
        self, login, secretariat, programme
    ):
        response = login(secretariat).post("/books/images/", {}, **claimed(7))
        assert response.status_code == 413
        assert "melebihi batas 5 MB" in response.json()["error"]

    def test_csrf_is_still_checked_under_the_limit(self, secretariat, output):
        client = Client(enforce_csrf_checks=True)
        client.force_login(secretariat)
        buffer = io.BytesIO()
        Image.new("RGB", (10, 10)).save(buffer, format="PNG")
        response = client.post(
            f"/workshops/outputs/{output.pk}/",
            {
                "title": "Diubah",
                "status": "done",
                "evidence_file": SimpleUploadedFile("a.png", buffer.getvalue()),
            },
        )
        assert response.status_code == 403
        output.refresh_from_db()
        assert output.title != "Diubah" and output.evidence_file.name.endswith("laporan.pdf")
