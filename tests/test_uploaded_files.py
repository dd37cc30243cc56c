"""Uploads never run as HTML: a PNG that carries a script, named poly.html, through every
upload field, is stored under a generated .png name and served as image/png with nosniff."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from quickwins.models import ProgressPhoto
from regency.models import Regency
from workshops.models import Photo

from .factories import UserFactory
from .factories_quickwins import ProgressUpdateFactory, QuickWinFactory

SCRIPT = b"<script>alert(1)</script>"
GENERATED = re.compile(r"^[0-9a-f]{32}\.png$")


def polyglot_bytes() -> bytes:
    """A valid PNG whose tEXt chunk is an HTML script."""
    info = PngInfo()
    info.add_text("Comment", SCRIPT.decode())
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, format="PNG", pnginfo=info)
    assert SCRIPT in buffer.getvalue()
    return buffer.getvalue()


# The same picture as an attacker would send it: named as a page, as SVG, or typed as HTML.
DISGUISES = [("poly.html", "image/png"), ("poly.svg", "image/svg+xml"), ("poly.png", "text/html")]


@pytest.fixture(params=DISGUISES, ids=["named-html", "named-svg", "typed-html"])
def polyglot(request):
    name, content_type = request.param
    return SimpleUploadedFile(name, polyglot_bytes(), content_type=content_type)


def stored_name(field_file) -> str:
    return field_file.name.rsplit("/", 1)[-1]


def assert_served_as_png(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Disposition"].startswith("inline")
    assert ".html" not in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == polyglot_bytes()


@pytest.mark.django_db(transaction=True)
class TestThePolyglotThroughEveryUploadField:
    def test_quick_win_progress_photo(self, login, representative, programme, polyglot):
        quick_win = QuickWinFactory(programme=programme, lead_opd=representative.opd)
        client = login(representative)
        client.post(
            reverse("quickwins:detail", args=[quick_win.pk]),
            {"text": "Uji coba.", "photos": [polyglot]},
        )
        photo = ProgressPhoto.objects.get()
        assert GENERATED.match(stored_name(photo.image))
        assert_served_as_png(client.get(reverse("quickwins:photo", args=[photo.pk])))

    def test_workshop_photo_and_its_thumbnail(self, login, secretariat, programme, polyglot):
        workshop = programme.workshops.get(stage=1)
        client = login(secretariat)
        client.post(f"/workshops/{workshop.pk}/photos/", {"image": polyglot, "caption": "x"})
        photo = Photo.objects.get()
        assert GENERATED.match(stored_name(photo.image))
        assert_served_as_png(client.get(f"/workshops/photos/{photo.pk}/full/"))
        thumb = client.get(f"/workshops/photos/{photo.pk}/thumb/")
        assert (
            thumb["Content-Type"] == "image/jpeg" and thumb["X-Content-Type-Options"] == "nosniff"
        )

    def test_target_output_evidence_file(self, login, secretariat, programme, polyglot):
        output = programme.workshops.get(stage=1).outputs.first()
        client = login(secretariat)
        client.post(
            f"/workshops/outputs/{output.pk}/",
            {"title": output.title, "status": "open", "evidence_file": polyglot},
        )
        output.refresh_from_db()
        assert GENERATED.match(stored_name(output.evidence_file))
        assert_served_as_png(client.get(f"/workshops/outputs/{output.pk}/evidence/"))

    def test_chapter_image(self, login, secretariat, programme, polyglot):
        client = login(secretariat)
        location = client.post("/books/images/", {"file": polyglot}).json()["location"]
        assert GENERATED.match(location.rsplit("/", 1)[-1])
        assert_served_as_png(client.get(location))

    def test_regency_emblem_in_the_admin(self, client, regency, polyglot):
        admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
        client.force_login(admin)
        response = client.post(
            f"/admin/regency/regency/{regency.pk}/change/",
            {
                "name": regency.name,
                "kind": regency.kind,
                "province": regency.province,
                "head_name": regency.head_name,
                "time_zone": regency.time_zone,
                "emblem": polyglot,
            },
        )
        assert response.status_code == 302
        regency = Regency.load()
        assert regency.emblem.name.startswith("emblem/")
        assert GENERATED.match(stored_name(regency.emblem))


@pytest.mark.django_db
class TestFilesThatAreNotPictures:
    def test_an_html_evidence_file_is_refused_and_nothing_is_stored(
        self, login, secretariat, programme
    ):
        output = programme.workshops.get(stage=1).outputs.first()
        page = SimpleUploadedFile("bukti.pdf", b"<html>" + SCRIPT, content_type="application/pdf")
        response = login(secretariat).post(
            f"/workshops/outputs/{output.pk}/",
            {"title": output.title, "status": "done", "evidence_file": page},
        )
        assert response.status_code == 200
        assert "Unggah PDF" in response.content.decode()
        output.refresh_from_db()
        assert not output.evidence_file and output.status == "open"

    def test_a_pdf_evidence_file_is_served_as_a_pdf_attachment(self, login, secretariat, programme):
        output = programme.workshops.get(stage=1).outputs.first()
        client = login(secretariat)
        pdf = SimpleUploadedFile(
            "laporan akhir.html", b"%PDF-1.4\n%bukti\n", content_type="text/html"
        )
        client.post(
            f"/workshops/outputs/{output.pk}/",
            {"title": output.title, "status": "open", "evidence_file": pdf},
        )
        output.refresh_from_db()
        assert re.match(r"^[0-9a-f]{32}\.pdf$", stored_name(output.evidence_file))
        response = client.get(f"/workshops/outputs/{output.pk}/evidence/")
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == f'attachment; filename="bukti-{output.pk}.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"

    def test_a_word_document_is_accepted_by_its_content(self, login, secretariat, programme):
        import zipfile

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(
                "[Content_Types].xml",
                '<Types><Override PartName="/word/document.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
            )
            archive.writestr("word/document.xml", "<w:document/>")
        output = programme.workshops.get(stage=1).outputs.first()
        client = login(secretariat)
        client.post(
            f"/workshops/outputs/{output.pk}/",
            {
                "title": output.title,
                "status": "open",
                "evidence_file": SimpleUploadedFile("notulen.bin", buffer.getvalue()),
            },
        )
        output.refresh_from_db()
        assert stored_name(output.evidence_file).endswith(".docx")
        response = client.get(f"/workshops/outputs/{output.pk}/evidence/")
        assert response["Content-Type"].endswith("wordprocessingml.document")
        assert response["Content-Disposition"].startswith("attachment")

    def test_an_office_zip_without_the_right_content_types_is_refused(
        self, login, secretariat, programme
    ):
        import zipfile

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("index.html", b"<html>" + SCRIPT)
        output = programme.workshops.get(stage=1).outputs.first()
        login(secretariat).post(
            f"/workshops/outputs/{output.pk}/",
            {
                "title": output.title,
                "status": "open",
                "evidence_file": SimpleUploadedFile("laporan.docx", buffer.getvalue()),
            },
        )
        output.refresh_from_db()
        assert not output.evidence_file

    def test_an_emblem_that_is_not_a_picture_is_refused(self, client, regency):
        admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
        client.force_login(admin)
        response = client.post(
            f"/admin/regency/regency/{regency.pk}/change/",
            {
                "name": regency.name,
                "kind": regency.kind,
                "province": regency.province,
                "head_name": regency.head_name,
                "time_zone": regency.time_zone,
                "emblem": SimpleUploadedFile("lambang.png", b"<html>" + SCRIPT),
            },
        )
        assert response.status_code == 200
        assert not Regency.load().emblem


@pytest.mark.django_db
class TestFilesStoredBeforeUnderTheUploadersNames:
    """Served by their content, not by the stored name."""

    def test_an_old_polyglot_named_html_is_served_as_a_png(self, client, programme, opd):
        update = ProgressUpdateFactory(quick_win=QuickWinFactory(programme=programme, lead_opd=opd))
        photo = ProgressPhoto(update=update)
        photo.image.save("poly.html", ContentFile(polyglot_bytes()), save=False)
        photo.save()
        assert photo.image.name.endswith("poly.html")
        response = client.get(reverse("quickwins:photo", args=[photo.pk]))  # published: public
        assert_served_as_png(response)
        assert 'filename="foto-' in response["Content-Disposition"]

    def test_an_old_html_photo_is_an_octet_stream_attachment(self, login, secretariat, programme):
        photo = Photo(workshop=programme.workshops.get(stage=1), caption="lama")
        photo.image.save("poly.html", ContentFile(b"<html>" + SCRIPT), save=False)
        photo.save()
        response = login(secretariat).get(f"/workshops/photos/{photo.pk}/full/")
        assert response["Content-Type"] == "application/octet-stream"
        assert response["Content-Disposition"] == f'attachment; filename="foto-{photo.pk}.bin"'
        assert response["X-Content-Type-Options"] == "nosniff"
