"""Query count and median latency of the roadmap table (with its timeline and budget), the
roadmap-timeline book block, an item's page and the public page (its charts cached after the
first request; "public, cold" is that first request), with 100 and 1,000 items; queries must
not grow with items.

    .venv/bin/python bench/roadmap.py [--requests 10]

Uses a fresh test database (SQLite, or PostgreSQL when DATABASE_URL is set) that is dropped
at the end; the development database is not touched.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    override_settings,
    setup_test_environment,
)

from bench.common import measure  # noqa: E402

SIZES = (100, 1000)


def fill(programme, count: int) -> None:
    from masterplan.models import RoadmapItem
    from regency.models import Element, Opd

    RoadmapItem.objects.filter(programme=programme).delete()
    opds = list(Opd.objects.all())
    elements = list(Element.objects.select_related("dimension"))
    statuses = RoadmapItem.Status.values
    items = RoadmapItem.objects.bulk_create(
        RoadmapItem(
            programme=programme,
            title=f"Program {n}",
            dimension=elements[n % len(elements)].dimension,
            element=elements[n % len(elements)],
            lead_opd=opds[n % len(opds)],
            start_year=2027 + n % 5,
            end_year=min(2036, 2027 + n % 5 + n % 4),
            yearly_budgets={str(2027 + n % 5): 100_000_000},
            status=statuses[n % len(statuses)],
        )
        for n in range(count)
    )
    through = RoadmapItem.supporting_opds.through
    through.objects.bulk_create(
        through(roadmapitem_id=item.pk, opd_id=opds[(n + 1) % len(opds)].pk)
        for n, item in enumerate(items)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with override_settings(ALLOWED_HOSTS=["*"]):
            from masterplan.books.blocks import render_blocks
            from regency.models import Opd, Programme, Regency, Role, User

            Regency(name="Besar", province="Jawa Timur", head_name="Bupati Uji").save()
            Opd.objects.bulk_create(
                Opd(name=f"Dinas {n:02d}", acronym=f"D{n:02d}") for n in range(30)
            )
            programme = Programme.objects.create(
                year_joined=2026, period_start=2027, period_end=2036, roadmap_published=True
            )
            secretariat = User.objects.create(username="sekretariat", role=Role.SECRETARIAT)
            client = Client()
            client.force_login(secretariat)
            block = '<div data-block="roadmap-timeline"></div>'
            print(f"Roadmap ({connection.vendor})")
            print(f"{'items':>6} {'page':>14} {'queries':>8} {'median ms':>10}")
            citizen = Client()
            for size in SIZES:
                fill(programme, size)
                item = programme.roadmap_items.order_by("-end_year", "pk").first()
                pages = [
                    ("table", lambda: client.get("/roadmap/")),
                    ("chart", lambda: render_blocks(block, programme)),
                    ("item", lambda: client.get(f"/roadmap/items/{item.pk}/")),  # noqa: B023
                    ("public", lambda: citizen.get("/publik/")),
                ]
                cache.clear()
                started = time.perf_counter()
                citizen.get("/publik/")
                cold = (time.perf_counter() - started) * 1000
                for name, call in pages:
                    count, median, _ = measure(call, args.requests)
                    print(f"{size:>6} {name:>14} {count:>8} {median:>10.1f}")
                print(f"{size:>6} {'public, cold':>14} {'':>8} {cold:>10.1f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
