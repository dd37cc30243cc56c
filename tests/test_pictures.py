"""The one check every photo upload goes through (Bimtek photos, quick-win progress)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from regency.files import check_picture


def png(size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format="PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")


def test_a_real_picture_passes_and_can_be_read_again():
    upload = png()
    check_picture(upload, max_megabytes=10)
    assert upload.read(4) == b"\x89PNG"


def test_a_picture_over_the_limit_is_refused_naming_the_limit():
    upload = png()
    upload.size = 11 * 1024 * 1024
    with translation.override("id"), pytest.raises(ValidationError) as error:
        check_picture(upload, max_megabytes=10)
    assert error.value.messages == ["Foto lebih besar dari 10 MB."]


def test_a_file_that_only_claims_to_be_a_picture_is_refused():
    fake = SimpleUploadedFile("foto.jpg", b"<script>alert(1)</script>", content_type="image/jpeg")
    with translation.override("id"), pytest.raises(ValidationError) as error:
        check_picture(fake, max_megabytes=10)
    assert error.value.messages == ["Berkas ini bukan gambar yang dapat dibaca."]


def test_a_gif_is_refused():
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, format="GIF")
    with pytest.raises(ValidationError):
        check_picture(SimpleUploadedFile("a.gif", buffer.getvalue()), max_megabytes=10)
