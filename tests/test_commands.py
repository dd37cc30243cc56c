import io

import pytest
from django.core.management import call_command
from django.http import HttpRequest
from pypdf import PdfReader

from quickwins.models import ProgressUpdate
from regency.models import Opd, Programme, Regency, Role, User
from regency.setup import services
from tests import pdftext


@pytest.mark.django_db
class TestLoadDemo:
    def test_it_builds_tuban_and_can_run_twice(self, settings, tmp_path):
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        call_command("load_demo", stdout=io.StringIO())
        regency = Regency.load()
        assert regency.official_name == "Kabupaten Tuban"
        assert regency.emblem
        assert Opd.objects.count() == 17
        assert Programme.objects.count() == 1
        programme = Programme.objects.get()
        assert programme.workshops.get(stage=4).venue == "Pendopo Krido Manunggal Tuban"
        assert "Kabupaten Tuban terpilih" in programme.books.get(number=1).chapters.first().body
        assert "sekretariat" in out.getvalue() and "tuban2026" in out.getvalue()

    def test_every_demo_login_reaches_its_own_home_page(self, client):
        call_command("load_demo", stdout=io.StringIO())
        expected = {
            "sekretariat": "Empat Bimtek",
            "bupati": "Menunggu tanda tangan Anda",
            "mentor": "Buku I: Analisis Strategis",
            "wakil.bappeda": "Badan Perencanaan Pembangunan Daerah (Bappeda)",
            "kepala.dinkes": "Dinas Kesehatan (Dinkes)",
        }
        for username, text in expected.items():
            assert client.login(request=HttpRequest(), username=username, password="tuban2026"), (
                username
            )
            assert text in client.get("/").content.decode(), username
            client.logout()

    def test_the_demo_public_page_shows_the_roadmap_but_no_unpublished_quick_win(self, client):
        from masterplan.models import QuickWinOrigin, RoadmapItem
        from quickwins.models import QuickWin

        call_command("load_demo", stdout=io.StringIO())
        assert RoadmapItem.objects.count() == 80
        assert QuickWinOrigin.objects.count() == 3  # the published quick wins and their items
        page = client.get("/publik/").content.decode()
        assert "Tuban Satu Layanan" in page and "Roadmap" in page
        hidden = QuickWin.objects.filter(published=False)
        assert hidden.count() == 4  # the candidate and Bontang's three examples for 2028
        for quick_win in hidden:
            assert quick_win.title not in page, quick_win.title

    def test_it_keeps_what_people_changed(self):
        call_command("load_demo", stdout=io.StringIO())
        chapter = Programme.objects.get().books.get(number=1).chapters.first()
        chapter.body = "<p>Diubah oleh sekretariat.</p>"
        chapter.save()
        bupati = User.objects.get(username="bupati")
        bupati.set_password("baru-dan-rahasia")
        bupati.save()
        call_command("load_demo", stdout=io.StringIO())
        chapter.refresh_from_db()
        bupati.refresh_from_db()
        assert chapter.body == "<p>Diubah oleh sekretariat.</p>"
        assert bupati.check_password("baru-dan-rahasia")

    def test_the_demo_progress_updates_are_written_by_the_lead_opd(self):
        call_command("load_demo", stdout=io.StringIO())
        updates = ProgressUpdate.objects.select_related("author", "quick_win")
        assert updates.count() == 4
        for update in updates:
            assert update.author.opd_id == update.quick_win.lead_opd_id, update
            assert update.author.role in (Role.OPD_REPRESENTATIVE, Role.OPD_HEAD)
        assert updates.get(quick_win__title="Antrean Sehat").author.username == "wakil.dinkes"
        assert {
            u.author.username for u in updates.filter(quick_win__title="Tuban Satu Layanan")
        } == {"kepala.diskominfo"}

    def test_a_second_run_keeps_the_authors_people_changed(self):
        call_command("load_demo", stdout=io.StringIO())
        update = ProgressUpdate.objects.get(quick_win__title="Antrean Sehat")
        ProgressUpdate.objects.filter(pk=update.pk).update(
            author=User.objects.get(username="kepala.dinkes")
        )
        before = sorted(ProgressUpdate.objects.values_list("pk", "author_id"))
        call_command("load_demo", stdout=io.StringIO())
        assert sorted(ProgressUpdate.objects.values_list("pk", "author_id")) == before
        assert ProgressUpdate.objects.get(pk=update.pk).author.username == "kepala.dinkes"


@pytest.mark.django_db
class TestRenderBookCommand:
    def test_it_writes_the_pdf_to_the_given_path(self, tmp_path):
        call_command("load_demo", stdout=io.StringIO())
        target = tmp_path / "buku-2.pdf"
        out = io.StringIO()
        call_command("render_book", "2", "--out", str(target), stdout=out)
        pdf = target.read_bytes()
        assert len(PdfReader(io.BytesIO(pdf)).pages) > 5
        assert "BAB 4 ROADMAP PEMBANGUNAN SMART CITY" in [
            f"{number} {title}" for number, title, _ in pdftext.toc_entries(pdf)
        ]
        assert "Buku II: Masterplan" in out.getvalue()

    def test_an_unknown_book_is_a_clear_error(self):
        from django.core.management.base import CommandError

        call_command("load_demo", stdout=io.StringIO())
        with pytest.raises(CommandError, match="has no book 7"):
            call_command("render_book", "7", "--out", "/tmp/x.pdf")


class TestCreateSigningCertificate:
    def test_it_writes_a_key_and_certificate_and_will_not_overwrite_them(self, settings, tmp_path):
        from django.core.management.base import CommandError
        from pyhanko.keys import load_cert_from_pemder

        settings.SIGNING_KEY_FILE = tmp_path / "signing" / "key.pem"
        settings.SIGNING_CERT_FILE = tmp_path / "signing" / "cert.pem"
        settings.SIGNING_KEY_PASSPHRASE = "rahasia"
        out = io.StringIO()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("regency.models.Regency.load", classmethod(lambda cls: None))
            call_command("create_signing_certificate", stdout=out)
            assert "SHA-256" in out.getvalue()
            certificate = load_cert_from_pemder(str(settings.SIGNING_CERT_FILE))
            assert "Pemerintah Daerah" in certificate.subject.human_friendly
            assert settings.SIGNING_KEY_FILE.stat().st_mode & 0o077 == 0
            with pytest.raises(CommandError, match="--force"):
                call_command("create_signing_certificate", stdout=io.StringIO())
            call_command("create_signing_certificate", "--force", stdout=io.StringIO())


@pytest.mark.django_db
class TestLoadDemoThroughTheSetup:
    def test_the_demo_is_built_as_the_setup_builds_a_regency(self, client):
        call_command("load_demo", stdout=io.StringIO())
        regency = Regency.load()
        assert regency.office_name == "Dinas Komunikasi dan Informatika"  # the letterhead step
        assert regency.emblem.name.endswith(".png")
        assert services.is_complete()
        done = {step.slug for step in services.steps() if step.done}
        assert {"regency", "office", "opds", "programme", "people"} <= done
        assert client.login(request=HttpRequest(), username="sekretariat", password="tuban2026")
        assert client.get("/").status_code == 200  # the demo's secretariat is not sent to setup
        assert client.get("/settings/regency/").status_code == 200
