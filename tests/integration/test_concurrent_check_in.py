"""Two staff at the door tick at the same moment, on PostgreSQL: nothing is lost or doubled."""

import datetime
import threading

import pytest
from django.db import connection, connections

from tests.factories_workshops import ParticipantFactory
from tests.services import missing_service
from workshops import attendance, planning
from workshops.models import Attendance

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def run_together(calls):
    barrier = threading.Barrier(len(calls))
    errors = []

    def run(call):
        try:
            barrier.wait()
            call()
        except Exception as exc:  # collected so the test can show it
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_simultaneous_ticks_keep_every_check_in_once(programme, secretariat, mentor):
    if connection.vendor != "postgresql":
        missing_service("DATABASE_URL does not point at PostgreSQL")
    workshop = programme.workshops.get(stage=1)
    workshop.start_date = datetime.date(2026, 7, 7)
    workshop.save()
    day = planning.sync_days(workshop)[0]
    people = ParticipantFactory.create_batch(6, programme=programme)
    same = people[0]

    for _round in range(5):
        Attendance.objects.all().delete()
        calls = [lambda: attendance.check_in(day, same, "staff", secretariat)] * 4
        calls += [lambda p=p: attendance.check_in(day, p, "staff", mentor) for p in people[1:]]
        run_together(calls)
        assert Attendance.objects.filter(participant=same).count() == 1
        assert Attendance.objects.count() == len(people)
