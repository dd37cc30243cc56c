"""Query count and median latency of the secretariat's OPD x dimension matrix of an input
window, with 6, 30 and 60 OPDs x 6 dimensions; the query count must not grow with the OPDs.

    .venv/bin/python bench/inputs_matrix.py [--requests 30]

Uses a fresh test database (SQLite, or PostgreSQL when DATABASE_URL is set) that is dropped
at the end; the development database is not touched.
"""

import argparse
import datetime
import os
import random
import sys
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

SIZES = (6, 30, 60)


def fill(opd_count: int):
    from django.utils import timezone

    from masterplan.inputs import workflow
    from masterplan.models import Worksheet
    from regency.models import Dimension, Opd, Programme

    programme = Programme.objects.first() or Programme.objects.create(
        year_joined=2026, period_start=2027, period_end=2036
    )
    opds = Opd.objects.bulk_create(
        Opd(name=f"Dinas {opd_count} {n:02d}", acronym=f"D{opd_count}-{n:02d}")
        for n in range(opd_count)
    )
    window = workflow.open_window(
        programme,
        stage=2,
        title=f"Program ({opd_count} OPD)",
        kinds=["issues", "proposals"],
        deadline=timezone.now() - datetime.timedelta(days=1),  # so that late cells show
        opds=opds,
        dimensions=Dimension.objects.all(),
    )
    states = Worksheet.State.values
    rng = random.Random(opd_count)
    for worksheet in window.worksheets.all():
        worksheet.state = rng.choice(states)
    Worksheet.objects.bulk_update(window.worksheets.all(), ["state"])
    return window


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with override_settings(ALLOWED_HOSTS=["*"]):
            from regency.models import Regency, Role, User

            Regency(name="Besar", province="Jawa Timur", head_name="Bupati Uji").save()
            secretariat = User.objects.create(username="sekretariat", role=Role.SECRETARIAT)
            client = Client()
            client.force_login(secretariat)
            print(f"OPD x dimension matrix ({connection.vendor})")
            print(f"{'OPDs':>5} {'cells':>6} {'status':>6} {'queries':>8} {'median ms':>10}")
            for size in SIZES:
                window = fill(size)
                url = f"/inputs/windows/{window.pk}/"
                count, median, first = measure(partial(client.get, url), args.requests)
                status = first.status_code
                cells = window.worksheets.count()
                print(f"{size:>5} {cells:>6} {status:>6} {count:>8} {median:>10.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
