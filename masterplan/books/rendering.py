"""The masterplan books: their default outline, their print HTML and their rendering to PDF.

Rendering is a plain function (``run_render_job``) so that tests call it directly; the
Celery task beside it (``render_book``) only wraps it.
"""

import hashlib
import html
import logging
import re
from dataclasses import dataclass, field

from celery import shared_task
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone, translation

from regency.files import PRINT_PRIVATE_DIR, PrivateStorage, html_to_pdf
from regency.jobs import failure_message, heartbeat
from regency.local_time import regency_time
from regency.models import Programme, Regency, User
from regency.outbox import enqueue
from regency.permissions import can_comment_chapters

from .blocks import render_blocks
from .models import Book, Chapter, ChapterComment, RenderJob

log = logging.getLogger(__name__)


def _sections(*titles: str) -> str:
    return "".join(
        f"<h2>{title}</h2><p>Bagian ini diisi oleh sekretariat smart city.</p>" for title in titles
    )


DEFAULT_BOOKS = [
    (
        1,
        "Analisis Strategis",
        "Buku I Masterplan Smart City",
        [
            (
                "Pendahuluan",
                _sections("Latar Belakang", "Maksud dan Tujuan", "Dasar Hukum", "Metodologi"),
            ),
            ("Profil Daerah", _sections("Kondisi Geografis", "Demografi", "Perekonomian")),
            (
                "Analisis Kesiapan dan Kesenjangan",
                _sections("Struktur", "Infrastruktur", "Suprastruktur"),
            ),
            ("Analisis SWOT", _sections("Kekuatan dan Kelemahan", "Peluang dan Ancaman")),
            ("Visi, Misi dan Tujuan Smart City", _sections("Visi", "Misi", "Tujuan")),
            ("Strategi per Dimensi", _sections("Smart Governance", "Smart Branding")),
        ],
    ),
    (
        2,
        "Masterplan",
        "Buku II Masterplan Smart City",
        [
            ("Arah Pengembangan Smart City", _sections("Arah Kebijakan", "Sasaran")),
            ("Strategi dan Program per Dimensi", _sections("Program per Dimensi dan Elemen")),
            ("Rencana Aksi", _sections("Rencana Aksi Jangka Pendek", "Jangka Menengah")),
            (
                "Roadmap Pembangunan Smart City",
                _sections("Jangka Pendek", "Jangka Menengah", "Jangka Panjang"),
            ),
            ("Tata Kelola", _sections("Dewan Smart City", "Tim Pelaksana")),
            ("Infrastruktur Pendukung", _sections("Jaringan", "Pusat Data")),
            ("Manajemen Risiko dan Pemantauan", _sections("Manajemen Risiko", "Pemantauan")),
        ],
    ),
    (
        3,
        "Quick Win dan Ringkasan Eksekutif",
        "Buku III Masterplan Smart City",
        [
            ("Ringkasan Eksekutif", _sections("Gambaran Umum", "Program Prioritas")),
            ("Program Quick Win", _sections("Daftar Quick Win")),
            (
                "Lampiran: Lembar Komitmen",
                '<p>Lembar komitmen yang telah ditandatangani.</p><div data-block="commitment-sheets"></div>',
            ),
        ],
    ),
]


@transaction.atomic
def create_default_books(programme: Programme) -> list[Book]:
    """Give a programme the default book set with its outline (idempotent)."""
    books = []
    for number, title, subtitle, chapters in DEFAULT_BOOKS:
        book, created = Book.objects.get_or_create(
            programme=programme, number=number, defaults={"title": title, "subtitle": subtitle}
        )
        if created:
            Chapter.objects.bulk_create(
                Chapter(book=book, order=order, title=chapter_title, body=body)
                for order, (chapter_title, body) in enumerate(chapters, start=1)
            )
        books.append(book)
    return books


# --- Print HTML -------------------------------------------------------------------------

_HEADING = re.compile(r"<(h[23])>(.*?)</\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Section:
    anchor: str
    number: str
    title: str


@dataclass
class PrintChapter:
    number: int
    anchor: str
    title: str
    body: str
    sections: list[Section] = field(default_factory=list)


def number_chapter(number: int, title: str, body: str, prefix: str = "") -> PrintChapter:
    """Number a chapter's headings (2.1, 2.1.1) and give each an anchor for the contents.

    ``prefix`` keeps anchors unique when several books are printed in one file.
    """
    chapter = PrintChapter(number=number, anchor=f"{prefix}bab-{number}", title=title, body="")
    counters = {"h2": 0, "h3": 0}

    def replace(match: re.Match) -> str:
        tag, inner = match.group(1), match.group(2)
        if tag == "h2":
            counters["h2"] += 1
            counters["h3"] = 0
            label = f"{number}.{counters['h2']}"
        else:
            counters["h3"] += 1
            label = f"{number}.{counters['h2']}.{counters['h3']}"
        anchor = f"{prefix}bab-{number}-{label.replace('.', '-')}"
        if tag == "h2":
            text = html.unescape(_TAG.sub("", inner)).strip()
            chapter.sections.append(Section(anchor=anchor, number=label, title=text))
        return f'<{tag} id="{anchor}"><span class="num">{label}</span> {inner}</{tag}>'

    chapter.body = _HEADING.sub(replace, body)
    return chapter


@regency_time()
def book_html(book: Book) -> str:
    """The complete print HTML of a book; identical content gives identical HTML."""
    regency = Regency.load()
    emblem_uri = ""
    if regency and regency.emblem:
        emblem_uri = regency.emblem.path and f"file://{regency.emblem.path}"
    with translation.override("id"):
        chapters = [
            number_chapter(
                index, chapter.title, _local_images(render_blocks(chapter.body, book.programme))
            )
            for index, chapter in enumerate(book.chapters.order_by("order", "pk"), start=1)
        ]
        return render_to_string(
            "masterplan/print/book.html",
            {
                "regency": regency,
                "programme": book.programme,
                "book": book,
                "chapters": chapters,
                "emblem_uri": emblem_uri,
            },
        )


@regency_time()
def masterplan_html(programme: Programme) -> str:
    """The whole masterplan, every book of the set, as one print HTML with one contents."""
    regency = Regency.load()
    emblem_uri = ""
    if regency and regency.emblem:
        emblem_uri = regency.emblem.path and f"file://{regency.emblem.path}"
    parts = []
    with translation.override("id"):
        for book in programme.books.order_by("number"):
            chapters = [
                number_chapter(
                    index,
                    chapter.title,
                    _local_images(render_blocks(chapter.body, programme)),
                    prefix=f"buku-{book.number}-",
                )
                for index, chapter in enumerate(book.chapters.order_by("order", "pk"), start=1)
            ]
            parts.append({"book": book, "chapters": chapters, "anchor": f"buku-{book.number}"})
        return render_to_string(
            "masterplan/print/masterplan.html",
            {"regency": regency, "programme": programme, "parts": parts, "emblem_uri": emblem_uri},
        )


def request_masterplan_render(programme: Programme, user: User) -> RenderJob:
    """Queue the rendering of the whole masterplan as one file."""
    job = RenderJob.objects.create(programme=programme, requested_by=user)
    enqueue(render_book, job.pk)
    return job


def content_hash(book_html_text: str, book: Book | None) -> str:
    """A fingerprint of everything that ends up in the PDF: its HTML and the emblem's bytes."""
    digest = hashlib.sha256(book_html_text.encode())
    regency = Regency.load()
    if regency and regency.emblem:
        with regency.emblem.open("rb") as emblem:
            digest.update(emblem.read())
    return digest.hexdigest()


def render_pdf(book_html_text: str) -> tuple[bytes, int]:
    """Render a book's print HTML; return the PDF and its page count."""
    return html_to_pdf(book_html_text)


# --- Jobs -------------------------------------------------------------------------------


def request_render(book: Book, user: User) -> RenderJob:
    """Record a render request and queue it for a worker once the transaction commits."""
    job = RenderJob.objects.create(book=book, requested_by=user)
    enqueue(render_book, job.pk)
    return job


def run_render_job(job_id: int) -> RenderJob | None:
    """Render the job's book, or reuse an identical earlier rendering; record the outcome."""
    if not RenderJob.objects.claim(job_id, started_at=timezone.now()):
        return RenderJob.objects.filter(pk=job_id).first()  # finished, running elsewhere, deleted
    job = RenderJob.objects.select_related("book__programme", "programme").get(pk=job_id)
    with heartbeat(RenderJob, job_id):
        _render_job(job)
    return job


def _render_job(job: RenderJob) -> None:
    try:
        # a job renders its book, or else its programme's whole masterplan
        text = book_html(job.book) if job.book else masterplan_html(job.programme)  # type: ignore[arg-type]
        fingerprint = content_hash(text, job.book)
        earlier = (
            RenderJob.objects.filter(
                book=job.book,
                programme=job.programme,
                status=RenderJob.Status.DONE,
                content_hash=fingerprint,
            )
            .exclude(file="")
            .first()
        )
        job.content_hash = fingerprint
        if earlier and earlier.file.storage.exists(earlier.file.name):  # type: ignore[arg-type]  # has a file
            job.file.name = earlier.file.name
            job.page_count = earlier.page_count
            job.reused = True
        else:
            pdf, pages = render_pdf(text)
            stem = f"{job.book.pk}" if job.book else f"masterplan-{job.programme.pk}"  # type: ignore[union-attr]
            job.file.save(f"{stem}-{fingerprint[:16]}.pdf", ContentFile(pdf), save=False)
            job.page_count = pages
        job.status = RenderJob.Status.DONE
    except Exception as exc:  # the job must say why it failed, whatever failed
        log.exception("Rendering job %s failed", job.pk)
        job.status = RenderJob.Status.FAILED
        job.error = failure_message(exc)
    job.finished_at = timezone.now()
    job.save()


# --- Outline ------------------------------------------------------------------------------

ROADMAP_BOOK = (
    4,
    "Road Map",
    "Buku IV Masterplan Smart City",
    [
        ("Pendahuluan", _sections("Latar Belakang", "Ruang Lingkup")),
        (
            "Roadmap per Dimensi",
            _sections("Jangka Pendek", "Jangka Menengah", "Jangka Panjang"),
        ),
        ("Pemantauan dan Evaluasi", _sections("Indikator", "Evaluasi Tahunan")),
    ],
)


@transaction.atomic
def add_roadmap_book(programme: Programme) -> Book:
    """Add the optional fourth book, Road Map, with its outline (idempotent)."""
    number, title, subtitle, chapters = ROADMAP_BOOK
    book, created = Book.objects.get_or_create(
        programme=programme, number=number, defaults={"title": title, "subtitle": subtitle}
    )
    if created:
        Chapter.objects.bulk_create(
            Chapter(book=book, order=order, title=chapter_title, body=body)
            for order, (chapter_title, body) in enumerate(chapters, start=1)
        )
    return book


@transaction.atomic
def add_chapter(book: Book, title: str, user: User | None = None) -> Chapter:
    """Append a new, empty chapter at the end of a book."""
    last = book.chapters.order_by("-order").values_list("order", flat=True).first() or 0
    return Chapter.objects.create(book=book, order=last + 1, title=title.strip(), updated_by=user)


@transaction.atomic
def move_chapter(chapter: Chapter, step: int) -> None:
    """Move a chapter one place up (step -1) or down (+1); chapters are renumbered 1, 2, 3."""
    chapters = list(
        Chapter.objects.select_for_update().filter(book=chapter.book_id).order_by("order", "pk")
    )
    index = next(i for i, c in enumerate(chapters) if c.pk == chapter.pk)
    target = index + step
    if 0 <= target < len(chapters):
        chapters[index], chapters[target] = chapters[target], chapters[index]
    for order, item in enumerate(chapters, start=1):
        if item.order != order:
            Chapter.objects.filter(pk=item.pk).update(order=order)


# --- Home page ------------------------------------------------------------------------------


@shared_task(name="masterplan.tasks.render_book")
def render_book(job_id: int) -> str:
    job = run_render_job(job_id)
    return job.status if job else "missing"


def home_context(user: User, programme: Programme | None) -> dict:
    """What a mentor or the secretariat still has to review: chapters with open comments."""
    if programme is None or not can_comment_chapters(user):
        return {}
    open_comments = ChapterComment.objects.filter(resolved_at__isnull=True)
    chapters = (
        Chapter.objects.filter(book__programme=programme, pk__in=open_comments.values("chapter"))
        .select_related("book")
        .annotate(open_comments=Count("comments", filter=Q(comments__resolved_at__isnull=True)))
        .order_by("book__number", "order")
    )
    return {"review_chapters": list(chapters[:6]), "review_open": chapters.count()}


# --- Pictures in chapters -------------------------------------------------------------------

IMAGE_DIR = PRINT_PRIVATE_DIR  # the one private folder the PDF renderer may read
_IMAGE_NAME = re.compile(r"^[0-9a-f]{32}\.(png|jpg|gif|webp)$")
_IMAGE_SRC = re.compile(r'src="/books/images/([0-9a-f]{32}\.(?:png|jpg|gif|webp))"')


def store_chapter_image(image: UploadedFile) -> str:
    """Keep a picture that passed check_picture (which named it) in private storage; return
    the name."""
    name = image.name or ""  # check_picture named it
    if not _IMAGE_NAME.match(name):
        raise ValueError(f"not a checked picture's name: {name}")
    image.seek(0)
    PrivateStorage().save(f"{IMAGE_DIR}/{name}", image)
    return name


def chapter_image_path(name: str) -> str | None:
    """Where a chapter picture is on disk, or None for a name that is not one."""
    storage = PrivateStorage()
    if not _IMAGE_NAME.match(name) or not storage.exists(f"{IMAGE_DIR}/{name}"):
        return None
    return storage.path(f"{IMAGE_DIR}/{name}")


def _local_images(html_text: str) -> str:
    """Point the PDF renderer at the pictures on disk (names are unique, files never change)."""

    def replace(match: re.Match) -> str:
        path = chapter_image_path(match.group(1))
        return f'src="file://{path}"' if path else match.group(0)

    return _IMAGE_SRC.sub(replace, html_text)


def books_with_progress(programme: Programme) -> QuerySet[Book]:
    """The programme's books, each with its number of chapters and of final ones."""
    return programme.books.annotate(
        chapter_count=Count("chapters", distinct=True),
        final_count=Count("chapters", filter=Q(chapters__state=Chapter.State.FINAL), distinct=True),
    )
