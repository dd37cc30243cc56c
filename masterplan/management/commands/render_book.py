"""Write a book's PDF to a path, for scripts: ``manage.py render_book 1 --out buku-1.pdf``."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from regency.models import Programme

from ...books.models import Book
from ...books.rendering import book_html, render_pdf


class Command(BaseCommand):
    help = "Render one book of the current programme (by its number, I=1) to a PDF file."

    def add_arguments(self, parser):
        parser.add_argument("number", type=int, help="book number: 1, 2, 3 (or 4)")
        parser.add_argument("--out", required=True, help="where to write the PDF")
        parser.add_argument("--programme", type=int, help="programme id (default: the current)")

    def handle(self, number, out, programme=None, **options):
        programme_obj = (
            Programme.objects.filter(pk=programme).first() if programme else Programme.current()
        )
        if programme_obj is None:
            raise CommandError("No programme: run load_demo or create one first.")
        book = Book.objects.filter(programme=programme_obj, number=number).first()
        if book is None:
            raise CommandError(f"Programme {programme_obj} has no book {number}.")
        started = time.perf_counter()
        pdf, pages = render_pdf(book_html(book))
        Path(out).write_bytes(pdf)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{book}: {pages} pages, {len(pdf) / 1024:.0f} KiB, {seconds:.1f} s -> {out}"
        )
