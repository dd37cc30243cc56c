"""A 300-person Bimtek: print the query count and median time of the door (check-in) page,
its htmx search and tick, and of rendering the day's attendance list (daftar hadir) to PDF.

    .venv/bin/python bench/attendance.py [--requests 30] [--renders 3]

Uses a fresh test database (SQLite, or PostgreSQL when DATABASE_URL is set) that is dropped
at the end; the development database is not touched.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    override_settings,
    setup_test_environment,
)

from bench.common import measure  # noqa: E402

PEOPLE, OPDS = 300, 40


def fill():
    from django.utils import timezone

    from regency.models import Opd, Programme, Regency, Role, User
    from workshops import planning
    from workshops.models import Attendance, Invitation, Participant

    Regency(name="Besar", province="Jawa Timur", head_name="Bupati Uji").save()
    opds = Opd.objects.bulk_create(
        Opd(name=f"Dinas Uji {n:02d}", acronym=f"DU{n:02d}") for n in range(OPDS)
    )
    User.objects.create(username="sekretariat", role=Role.SECRETARIAT, full_name="Sekretariat")
    programme = Programme.objects.create(year_joined=2026, period_start=2027, period_end=2036)
    workshop = programme.workshops.get(stage=1)
    workshop.start_date = timezone.localdate()
    workshop.end_date = workshop.start_date + datetime.timedelta(days=1)
    workshop.venue = "Pendopo"
    workshop.save()
    day = planning.sync_days(workshop)[0]
    people = Participant.objects.bulk_create(
        Participant(
            programme=programme,
            name=f"Peserta {n:03d} Santoso",
            position="Kepala Bidang",
            opd=opds[n % OPDS],
        )
        for n in range(PEOPLE)
    )
    Invitation.objects.bulk_create(Invitation(workshop=workshop, participant=p) for p in people)
    now = timezone.now()
    Attendance.objects.bulk_create(
        Attendance(day=day, participant=p, checked_in_at=now, method="staff")
        for p in people[: PEOPLE * 9 // 10]
    )
    return day, people[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--renders", type=int, default=3)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            ALLOWED_HOSTS=["*"],
        ):
            from regency.models import User
            from workshops import printing

            day, last = fill()
            client = Client()
            client.force_login(User.objects.get(username="sekretariat"))
            door = f"/workshops/days/{day.pk}/door/"
            tick = f"/workshops/days/{day.pk}/tick/{last.pk}/"
            rows = [
                ("door page (first 40 of 300)", lambda: client.get(door)),
                ("htmx search 'santoso'", lambda: client.get(door + "?q=santoso", HTTP_HX_REQUEST="true")),
                ("htmx search '299'", lambda: client.get(door + "?q=299", HTTP_HX_REQUEST="true")),
                ("htmx tick (already present)", lambda: client.post(tick, HTTP_HX_REQUEST="true")),
                ("who came", lambda: client.get(f"/workshops/days/{day.pk}/who-came/")),
            ]  # fmt: skip
            print(f"{PEOPLE} invited, {day.attendances.count()} present ({connection.vendor})")
            print(f"{'request':<34} {'queries':>8} {'median ms':>10}")
            for label, request in rows:
                count, median, first = measure(request, args.requests)
                assert first.status_code in (200, 302), first.status_code
                print(f"{label:<34} {count:>8} {median:>10.1f}")

            from regency.files import html_to_pdf

            with CaptureQueriesContext(connection) as queries:
                html = printing.attendance_html(day)
            timings, pages = [], 0
            for _ in range(args.renders):
                started = time.perf_counter()
                _, pages = html_to_pdf(printing.attendance_html(day))
                timings.append((time.perf_counter() - started) * 1000)
            print(
                f"{'attendance list PDF':<34} {len(queries):>8} {statistics.median(timings):>10.1f}"
                f"  ({pages} pages, {len(html) // 1024} KiB HTML)"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
