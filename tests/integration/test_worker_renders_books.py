"""The real pipeline: PostgreSQL, Redis and a `celery worker` process render the books."""

import time

import pytest

from masterplan.models import RenderJob
from tests import pdftext

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def wait_until_finished(client, job: RenderJob, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        row = client.get(f"/renders/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
        if "hx-trigger" not in row:
            return row
        time.sleep(0.5)
    raise AssertionError(f"job {job.pk} still unfinished after {seconds} s")


def test_the_worker_renders_while_the_request_returns_at_once(
    worker_storage, login, secretariat, programme
):
    book = programme.books.get(number=1)
    client = login(secretariat)

    row = client.post(f"/books/{book.pk}/render/", HTTP_HX_REQUEST="true").content.decode()
    job = RenderJob.objects.get()
    assert job.status in (RenderJob.Status.QUEUED, RenderJob.Status.RUNNING)
    assert 'hx-trigger="every 1s"' in row

    finished = wait_until_finished(client, job)
    job.refresh_from_db()
    assert job.status == RenderJob.Status.DONE, job.error
    assert "Unduh PDF" in finished
    assert (worker_storage / job.file.name).exists()

    pdf = b"".join(client.get(f"/renders/{job.pk}/download/").streaming_content)
    texts = pdftext.pages_text(pdf)
    assert "BUKU I" in texts[0] and "Analisis Strategis" in texts[0]
    chapters = [e for e in pdftext.toc_entries(pdf) if e[0].startswith("BAB")]
    assert len(chapters) == 6
    for number, _, page in chapters:
        assert pdftext.page_where(pdf, number) == str(page)


def test_books_render_side_by_side_and_failures_come_back_with_a_reason(
    worker_storage, login, secretariat, programme
):
    client = login(secretariat)
    for book in programme.books.all():
        client.post(f"/books/{book.pk}/render/")
    jobs = list(RenderJob.objects.order_by("pk"))
    assert len(jobs) == 3
    for job in jobs:
        wait_until_finished(client, job)
    assert set(RenderJob.objects.values_list("status", flat=True)) == {RenderJob.Status.DONE}
    pages = dict(RenderJob.objects.values_list("book__number", "page_count"))
    assert all(count > 3 for count in pages.values()), pages
