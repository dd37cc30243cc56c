import os

import pytest
from django.http import HttpRequest

from config.celery import app as celery_app
from regency.models import Role

from .factories import PASSWORD, OpdFactory, ProgrammeFactory, RegencyFactory, UserFactory
from .services import celery_worker, worker_storage  # noqa: F401


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def tasks_in_process(request):
    """Unit and view tests run tasks in-process; tests marked for the real worker do not."""
    real_worker = request.node.get_closest_marker("integration") or request.node.get_closest_marker(
        "e2e"
    )
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = not (real_worker and os.environ.get("REDIS_URL"))
    yield
    celery_app.conf.task_always_eager = eager


@pytest.fixture
def regency(db):
    return RegencyFactory()


@pytest.fixture
def programme(regency):
    return ProgrammeFactory()


@pytest.fixture
def opd(db):
    return OpdFactory(name="Badan Perencanaan Pembangunan Daerah", acronym="Bappeda")


@pytest.fixture
def other_opd(db):
    return OpdFactory(name="Dinas Kesehatan", acronym="Dinkes")


@pytest.fixture
def secretariat(db):
    return UserFactory(username="sekretariat", full_name="Rina Kusumawati", role=Role.SECRETARIAT)


@pytest.fixture
def mentor(db):
    return UserFactory(username="mentor", full_name="Farhan Hidayat", role=Role.MENTOR)


@pytest.fixture
def regional_head(db):
    return UserFactory(username="bupati", full_name="Arif Wicaksono", role=Role.REGIONAL_HEAD)


@pytest.fixture
def representative(opd):
    return UserFactory(
        username="wakil", full_name="Dimas Pratama", role=Role.OPD_REPRESENTATIVE, opd=opd
    )


@pytest.fixture
def opd_head(opd):
    return UserFactory(username="kepala", full_name="Sri Wahyuni", role=Role.OPD_HEAD, opd=opd)


@pytest.fixture
def login(client):
    def sign_in(user):
        # django-axes throttles every authenticate(): it needs the request to count by address
        assert client.login(request=HttpRequest(), username=user.username, password=PASSWORD)
        return client

    return sign_in


@pytest.fixture(scope="session", autouse=True)
def close_stray_connections(django_db_setup, django_db_blocker):
    """Let the test database be dropped at the end on PostgreSQL.

    The live server's request threads can leave a connection open while a browser keeps its
    HTTP connection alive; end those before pytest-django drops the database.
    """
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(scope="session", autouse=True)
def signing_certificate(tmp_path_factory):
    """One self-signed document-signing certificate for the run, also seen by a Celery worker."""
    from django.conf import settings as django_settings

    from masterplan.commitments.signed_pdf import create_certificate

    folder = tmp_path_factory.mktemp("signing")
    key_file, cert_file = folder / "key.pem", folder / "cert.pem"
    create_certificate(key_file, cert_file, "uji-rahasia", "Pemerintah Kabupaten Tuban")
    values = {
        "SIGNING_KEY_FILE": key_file,
        "SIGNING_CERT_FILE": cert_file,
        "SIGNING_KEY_PASSPHRASE": "uji-rahasia",
    }
    previous = {name: getattr(django_settings, name) for name in values}
    for name, value in values.items():
        setattr(django_settings, name, value)
        os.environ[name] = str(value)
    yield cert_file
    for name, value in previous.items():
        setattr(django_settings, name, value)
        os.environ.pop(name, None)
