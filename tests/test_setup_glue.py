"""The setup's steps done elsewhere (certificate, people) and load_demo through the setup's
functions (issue 13)."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.http import HttpRequest

from masterplan.commitments.signed_pdf import create_certificate
from regency.models import Role, User
from regency.people import accounts

from .factories import PASSWORD, ProgrammeFactory, RegencyFactory, UserFactory


def setup_page(client) -> str:
    secretariat = UserFactory(username="admin", role=Role.SECRETARIAT)
    assert client.login(request=HttpRequest(), username=secretariat.username, password=PASSWORD)
    return client.get("/setup/").content.decode()


def certificate_item(page: str) -> str:
    start = page.index('href="/setup/certificate/"')
    return page[start : page.index("</li>", start)]


@pytest.mark.django_db
class TestTheCertificateStep:
    def test_is_to_be_done_while_no_certificate_is_stored(self, client, settings, tmp_path):
        settings.SIGNING_CERT_FILE = tmp_path / "cert.pem"
        settings.SIGNING_KEY_FILE = tmp_path / "key.pem"
        RegencyFactory()
        ProgrammeFactory()
        item = certificate_item(setup_page(client))
        assert "Done" not in item and "Selesai" not in item
        assert "Sebelum lembar pertama" in item and "Opsional" not in item  # issuing needs it

    def test_is_done_once_the_certificate_page_made_one(self, client, settings, tmp_path):
        settings.SIGNING_CERT_FILE = tmp_path / "cert.pem"
        settings.SIGNING_KEY_FILE = tmp_path / "key.pem"
        create_certificate(
            settings.SIGNING_KEY_FILE, settings.SIGNING_CERT_FILE, "x", "Kota Bontang"
        )
        RegencyFactory()
        ProgrammeFactory()
        item = certificate_item(setup_page(client))
        assert "Selesai" in item

    def test_its_page_and_the_people_step_link_to_the_pages_that_do_the_work(self, client):
        setup_page(client)
        assert (
            'href="/commitments/certificate/"' in client.get("/setup/certificate/").content.decode()
        )
        assert 'href="/people/new/"' in client.get("/setup/people/").content.decode()


@pytest.mark.django_db
def test_load_demo_adds_its_accounts_through_the_people_pages_function_without_mail(
    monkeypatch, settings, tmp_path, django_capture_on_commit_callbacks
):
    added = []
    real = accounts.add_person

    def spy(person, **kwargs):
        added.append(person)
        return real(person, **kwargs)

    monkeypatch.setattr(accounts, "add_person", spy)
    settings.SIGNING_KEY_FILE = tmp_path / "key.pem"  # the demo generates one here if needed
    settings.SIGNING_CERT_FILE = tmp_path / "cert.pem"
    with django_capture_on_commit_callbacks(execute=True):  # queued e-mails are sent
        call_command("load_demo", stdout=None)
    assert added and {p.username for p in added} == set(
        User.objects.values_list("username", flat=True)
    )
    assert not [m for m in mail.outbox if "/accounts/password/set/" in m.body]
    count = User.objects.count()
    call_command("load_demo")
    assert User.objects.count() == count
    assert User.objects.get(username="kepala.bappeda").check_password("tuban2026")
