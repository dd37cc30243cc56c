"""Redis down: people still sign in, pages still serve, and a queued job waits instead of getting lost.

The settings are config/settings.py's own for REDIS_URL at a port nobody answers
(tests/redis_down.py), so the cache, the sessions and the Celery broker are those of
production, and every connection to Redis is refused.
"""

import datetime
import logging
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from masterplan.models import RenderJob
from regency import outbox
from regency.models import OutboxTask
from tests.factories import PASSWORD
from tests.factories_inputs import InputWindowFactory
from tests.factories_roadmap import RoadmapItemFactory

from .redis_down import redis_down, restore_celery

QUEUE_DOWN = "Permintaan Anda sudah tersimpan."


@pytest.fixture
def without_redis(settings):
    previous = redis_down(settings)
    yield
    restore_celery(previous)


@pytest.fixture
def book(programme):
    return programme.books.get(number=1)


def broker_is_back():
    """Redis answers again: send what was kept, as beat does every minute (tasks in-process)."""
    OutboxTask.objects.update(created_at=timezone.now() - outbox.GRACE - datetime.timedelta(1))
    return outbox.send_unsent()


@pytest.mark.django_db
class TestPagesWithoutRedis:
    def test_people_sign_in_and_see_their_home_page(
        self, client, secretariat, programme, without_redis
    ):  # (a set-up regency: on an empty one the secretariat is led to the setup)
        response = client.post(
            "/accounts/login/",
            {"username": secretariat.username, "password": PASSWORD},
            follow=True,
        )
        assert response.status_code == 200
        assert "Selamat datang, Rina Kusumawati" in response.content.decode()
        assert client.get(reverse("masterplan:home")).status_code == 200  # the session holds

    def test_the_public_page_answers_with_its_charts_and_logs_the_cache_error(
        self, client, programme, opd, without_redis, caplog
    ):
        RoadmapItemFactory(programme=programme, lead_opd=opd, title="Satu Data Tuban")
        programme.roadmap_published = True
        programme.save()
        with caplog.at_level(logging.WARNING):
            response = client.get(reverse("masterplan:public"))
        assert response.status_code == 200
        assert "Satu Data Tuban" in response.content.decode()
        assert any(record.name.startswith("django_redis") for record in caplog.records)


@pytest.mark.django_db(transaction=True)  # a task is sent when its transaction commits
class TestQueueingWithoutRedis:
    def test_a_render_is_kept_and_the_person_is_told_plainly(
        self, login, secretariat, book, without_redis
    ):
        client = login(secretariat)
        started = time.monotonic()
        response = client.post(f"/books/{book.pk}/render/", follow=True)
        took = time.monotonic() - started
        assert response.status_code == 200
        page = response.content.decode()
        assert QUEUE_DOWN in page
        assert "dikirim otomatis begitu antrean pulih" in page
        job = RenderJob.objects.get()
        assert job.status == RenderJob.Status.QUEUED
        kept = OutboxTask.objects.get()
        assert (kept.task, kept.args, kept.sent_at) == (
            "masterplan.tasks.render_book",
            [job.pk],
            None,
        )
        assert "OperationalError" in kept.error
        assert took < 5, f"queueing with Redis down took {took:.1f} s"

    def test_the_job_row_says_it_waits_for_the_queue(self, login, secretariat, book, without_redis):
        client = login(secretariat)
        client.post(f"/books/{book.pk}/render/")
        row = client.get(f"/renders/{RenderJob.objects.get().pk}/").content.decode()
        assert "menunggu antrean tugas" in row

    def test_once_the_broker_is_back_the_kept_render_is_sent_and_done(
        self, settings, login, secretariat, book
    ):
        previous = redis_down(settings)
        try:
            login(secretariat).post(f"/books/{book.pk}/render/")
            job = RenderJob.objects.get()
            assert outbox.send_unsent() == 0  # too young: its own request may still be running
        finally:
            restore_celery(previous)  # tasks in-process again: the broker is back
        assert broker_is_back() == 1
        job.refresh_from_db()
        assert job.status == RenderJob.Status.DONE, job.error
        assert OutboxTask.objects.get().sent_at is not None
        assert broker_is_back() == 0  # sent once, not again

    def test_while_the_broker_is_still_down_nothing_is_marked_sent(
        self, login, secretariat, book, without_redis
    ):
        login(secretariat).post(f"/books/{book.pk}/render/")
        assert broker_is_back() == 0
        kept = OutboxTask.objects.get()
        assert kept.sent_at is None and kept.attempts == 2
        assert RenderJob.objects.get().status == RenderJob.Status.QUEUED

    def test_reminders_to_the_opds_are_kept_and_the_person_is_told_too(
        self, login, secretariat, without_redis, programme
    ):
        window = InputWindowFactory(programme=programme)
        response = login(secretariat).post(f"/inputs/windows/{window.pk}/remind/", follow=True)
        assert QUEUE_DOWN in response.content.decode()
        assert OutboxTask.objects.get(sent_at=None).task == "masterplan.tasks.send_input_reminders"


@pytest.mark.django_db(transaction=True)
def test_the_administrator_sees_what_waits_for_the_queue(client, book, secretariat, without_redis):
    from tests.factories import UserFactory

    client.force_login(secretariat)
    client.post(f"/books/{book.pk}/render/")
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    page = client.get("/admin/regency/outboxtask/?sent_at__isempty=1").content.decode()
    assert "tugas yang menunggu antrean" in page.lower()
    assert "masterplan.tasks.render_book" in page


@pytest.mark.django_db
def test_a_row_that_cannot_be_sent_does_not_hold_back_the_others(monkeypatch, caplog):
    """Only a broker that is down stops the round; one bad row is logged and skipped."""
    bad = OutboxTask.objects.create(task="masterplan.tasks.render_book", args=[1])
    good = OutboxTask.objects.create(task="masterplan.tasks.render_book", args=[2])
    OutboxTask.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=5))
    published = []

    def publish(name, args):
        if args == [1]:
            raise ValueError("cannot serialise")
        published.append(args)

    monkeypatch.setattr(outbox, "_publish", publish)
    monkeypatch.setattr(outbox, "_broker_answers", lambda: True)
    assert outbox.send_unsent() == 1
    assert published == [[2]]
    bad.refresh_from_db(), good.refresh_from_db()
    assert bad.sent_at is None and "cannot serialise" in bad.error and good.sent_at
