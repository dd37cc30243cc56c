import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from workshops.models import Photo


def picture(name="foto.jpg", fmt="JPEG", size=(1600, 1200)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 61, 98)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue())


@pytest.fixture
def workshop(programme):
    return programme.workshops.get(stage=1)


@pytest.mark.django_db(transaction=True)
class TestPhotos:
    def test_secretariat_uploads_a_photo_and_a_thumbnail_is_made(
        self, login, secretariat, workshop
    ):
        client = login(secretariat)
        client.post(
            f"/workshops/{workshop.pk}/photos/",
            {"image": picture(), "caption": "Pembukaan oleh Bupati"},
        )
        photo = Photo.objects.get()
        assert photo.thumbnail  # the task ran in-process
        with photo.thumbnail.open("rb") as thumb, Image.open(thumb) as image:
            assert max(image.size) == 480
        page = client.get(f"/workshops/{workshop.pk}/photos/").content.decode()
        assert "Pembukaan oleh Bupati" in page
        response = client.get(f"/workshops/photos/{photo.pk}/thumb/")
        assert response.status_code == 200

    def test_a_file_that_is_not_a_picture_is_refused(self, login, secretariat, workshop):
        fake = SimpleUploadedFile("foto.jpg", b"<?php echo 'bukan gambar'; ?>")
        page = (
            login(secretariat)
            .post(f"/workshops/{workshop.pk}/photos/", {"image": fake, "caption": "Palsu"})
            .content.decode()
        )
        assert "Berkas ini bukan gambar yang dapat dibaca." in page
        assert 'value="Palsu"' in page
        assert not Photo.objects.exists()

    def test_other_picture_formats_are_refused(self, login, secretariat, workshop):
        page = (
            login(secretariat)
            .post(
                f"/workshops/{workshop.pk}/photos/", {"image": picture("foto.gif", "GIF", (20, 20))}
            )
            .content.decode()
        )
        assert "Unggah gambar JPEG, PNG atau WebP." in page
        assert not Photo.objects.exists()

    def test_others_see_the_gallery_but_cannot_upload_or_delete(
        self, login, secretariat, workshop, mentor, representative
    ):
        login(secretariat).post(f"/workshops/{workshop.pk}/photos/", {"image": picture()})
        photo = Photo.objects.get()
        for person in (mentor, representative):
            client = login(person)
            assert client.get(f"/workshops/{workshop.pk}/photos/").status_code == 200
            assert (
                client.post(f"/workshops/{workshop.pk}/photos/", {"image": picture()}).status_code
                == 403
            )
            assert client.post(f"/workshops/photos/{photo.pk}/delete/").status_code == 403
        assert Photo.objects.count() == 1

    def test_a_stranger_cannot_fetch_a_photo(self, client, secretariat, workshop, login):
        login(secretariat).post(f"/workshops/{workshop.pk}/photos/", {"image": picture()})
        client.logout()
        response = client.get(f"/workshops/photos/{Photo.objects.get().pk}/full/")
        assert response.status_code == 302
