"""Render the demo books at a large size and print, per book, our pipeline's time and peak
memory next to WeasyPrint's own time for the same final HTML; then change one chapter and
render every book again (only the changed one should be rendered, the others reused).

    .venv/bin/python bench/render.py [--copies 16]

Uses a fresh test database (SQLite, or PostgreSQL when DATABASE_URL is set) and a temporary
private-files folder; the development database is not touched.
"""

import argparse
import logging
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fill(copies: int):
    """The demo programme, each demo chapter's text repeated ``copies`` times."""
    from django.core.files.base import ContentFile

    from masterplan.demo import books as masterplan_demo
    from masterplan.management.commands.load_demo import draw_emblem
    from masterplan.models import Chapter
    from regency import demo
    from regency.models import Opd, Programme, Regency, User
    from workshops import demo as workshops_demo

    regency = Regency(**demo.REGENCY)
    regency.emblem.save("lambang.png", ContentFile(draw_emblem()), save=False)
    regency.save()
    for name, acronym, kind, head, *_ in demo.OPDS:
        Opd.objects.create(name=name, acronym=acronym, kind=kind, head_name=head)
    programme = Programme.objects.create(**demo.PROGRAMME)
    workshops_demo.fill(programme)
    masterplan_demo.fill(programme)
    User.objects.create(username="sekretariat", role="secretariat", full_name="Sekretariat")
    for chapter in Chapter.objects.filter(book__programme=programme):
        text = masterplan_demo.CHAPTERS.get(
            (chapter.book.number, chapter.order), masterplan_demo.CHAPTERS[(1, 1)]
        )
        Chapter.objects.filter(pk=chapter.pk).update(body=chapter.body + text * copies)
    return programme


def render_all(programme, user, label: str):
    from weasyprint import HTML

    from masterplan.books import rendering

    rows = []
    for book in programme.books.order_by("number"):
        started = time.perf_counter()
        job = rendering.run_render_job(rendering.request_render(book, user).pk)
        ours = time.perf_counter() - started
        assert job.status == "done", job.error
        weasy = None
        if not job.reused:
            html = rendering.book_html(book)
            started = time.perf_counter()
            HTML(string=html, base_url="/").render().write_pdf()
            weasy = time.perf_counter() - started
        rows.append((label, book, job, ours, weasy, peak_mib()))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=16, help="repeat each chapter's text")
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        with (
            tempfile.TemporaryDirectory() as private,
            override_settings(PRIVATE_MEDIA_ROOT=Path(private), MEDIA_ROOT=Path(private)),
        ):
            from masterplan.books import revisions
            from masterplan.models import Chapter
            from regency.models import User

            logging.getLogger("celery").setLevel(logging.WARNING)
            from weasyprint import HTML

            HTML(string="<p>warm-up: fonts and styles</p>").write_pdf()
            programme = fill(args.copies)
            user = User.objects.get(username="sekretariat")
            rows = render_all(programme, user, "first")
            chapter = Chapter.objects.get(book__programme=programme, book__number=2, order=1)
            revisions.save_chapter(
                chapter, chapter.body + "<p>Satu kalimat baru.</p>", chapter.version, user
            )
            rows += render_all(programme, user, "after one chapter of Buku II changed")

            print(f"{'run':<38} {'book':<8} {'pages':>6} {'ours s':>7} {'weasy s':>8} "
                  f"{'ratio':>6} {'peak MiB':>9} note")  # fmt: skip
            for label, book, job, ours, weasy, peak in rows:
                ratio = f"{ours / weasy:.2f}" if weasy else "–"
                weasy_text = f"{weasy:.2f}" if weasy else "–"
                note = "reused (content hash unchanged)" if job.reused else "rendered"
                print(
                    f"{label:<38} {'Buku ' + book.roman_number:<8} {job.page_count:>6} "
                    f"{ours:>7.2f} {weasy_text:>8} {ratio:>6} {peak:>9.0f} {note}"
                )
            first = [row for row in rows if row[0] == "first"]
            total_pages = sum(row[2].page_count for row in first)
            total_ours = sum(row[3] for row in first)
            total_weasy = sum(row[4] for row in first)
            print(
                f"total first run: {total_pages} pages, ours {total_ours:.1f} s, "
                f"WeasyPrint alone {total_weasy:.1f} s "
                f"({(total_ours / total_weasy - 1) * 100:+.0f}%), peak RSS {peak_mib():.0f} MiB"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
