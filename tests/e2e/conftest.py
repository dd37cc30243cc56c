import os

import pytest

from tests.services import CHROMIUM, require_chromium

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tasks_backend(request):
    """With Redis configured, the browser's render goes to the real worker; else in-process."""
    if os.environ.get("REDIS_URL"):
        return request.getfixturevalue("worker_storage")
    return None


@pytest.fixture
def tasks_here():
    """Tasks run in this process even when Redis is configured (as in CI): the test reads the
    e-mails they send from mail.outbox, which a worker process would not fill. The real
    worker's path is covered by tests/integration/."""
    from config.celery import app

    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = eager
