"""Fill a throw-away database with a large regency and print, per main page, the number of
SQL queries and the median latency, next to a trivial page rendering only base.html.

    .venv/bin/python bench/pages.py [--requests 30]

Uses a fresh test database (SQLite, or PostgreSQL when DATABASE_URL is set) that is dropped
at the end; the development database is not touched.
"""

import argparse
import os
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    override_settings,
    setup_test_environment,
)

from bench.common import measure  # noqa: E402

OPDS, PEOPLE, CHAPTERS = 60, 600, 200


def fill():
    from django.contrib.auth.hashers import make_password

    from masterplan.models import Chapter
    from regency.models import Opd, Programme, Regency, Role, User

    Regency(name="Besar", province="Jawa Timur", head_name="Bupati Uji").save()
    opds = Opd.objects.bulk_create(
        Opd(name=f"Dinas Uji {n:02d}", acronym=f"DU{n:02d}", head_name=f"Kepala {n}")
        for n in range(OPDS)
    )
    password = make_password("bench-password")
    roles = [Role.OPD_REPRESENTATIVE, Role.OPD_HEAD]
    User.objects.bulk_create(
        User(
            username=f"orang{n:03d}",
            full_name=f"Orang {n:03d}",
            role=roles[n % 2],
            opd=opds[n % OPDS],
            password=password,
        )
        for n in range(PEOPLE - 3)
    )
    for username, role in (("sekretariat", Role.SECRETARIAT), ("bupati", Role.REGIONAL_HEAD)):
        User.objects.create(username=username, role=role, password=password, full_name=username)
    programme = Programme.objects.create(year_joined=2026, period_start=2027, period_end=2036)
    books = list(programme.books.all())
    existing = Chapter.objects.count()
    body = "<h2>Bagian</h2><p>" + "Isi bab yang cukup panjang. " * 40 + "</p>"
    Chapter.objects.bulk_create(
        Chapter(book=books[n % len(books)], order=100 + n, title=f"Bab tambahan {n}", body=body)
        for n in range(CHAPTERS - existing)
    )
    return programme


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with override_settings(
            ROOT_URLCONF="bench.urls",
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            ALLOWED_HOSTS=["*"],
        ):
            started = time.perf_counter()
            programme = fill()
            print(
                f"filled {OPDS} OPDs, {PEOPLE} people, {CHAPTERS} chapters "
                f"in {time.perf_counter() - started:.1f} s ({connection.vendor})"
            )
            from masterplan.models import Book, RenderJob
            from regency.models import User

            book = Book.objects.filter(programme=programme).order_by("number").first()
            chapter = book.chapters.first()
            job = RenderJob.objects.create(book=book, status=RenderJob.Status.DONE)
            representative = User.objects.filter(role="opd_rep").first()
            pages = [
                ("trivial base.html", "sekretariat", "/bench/trivial/"),
                ("login", None, "/accounts/login/"),
                ("home (secretariat)", "sekretariat", "/"),
                ("home (regional head)", "bupati", "/"),
                ("home (OPD representative)", representative.username, "/"),
                ("Bimtek list", "sekretariat", "/workshops/"),
                ("book list", "sekretariat", "/books/"),
                (
                    f"book detail ({book.chapters.count()} chapters)",
                    "sekretariat",
                    f"/books/{book.pk}/",
                ),
                ("chapter preview", "sekretariat", f"/chapters/{chapter.pk}/"),
                ("render job status", "sekretariat", f"/renders/{job.pk}/"),
            ]
            print(f"{'page':<36} {'status':>6} {'queries':>8} {'median ms':>10}")
            for label, username, url in pages:
                client = Client()
                if username:
                    client.force_login(User.objects.get(username=username))
                count, median, first = measure(partial(client.get, url), args.requests)
                status = first.status_code
                print(f"{label:<36} {status:>6} {count:>8} {median:>10.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
