"""The real parts: PostgreSQL, Redis, a Celery worker process, Chromium."""

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection

from config.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("CI", "").lower() == "true"


def missing_service(reason: str):
    """Skip locally, but fail under CI=true, where every service must be present."""
    if REQUIRED:
        pytest.fail(f"required under CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


def require_postgres_and_redis():
    if connection.vendor != "postgresql":
        missing_service("DATABASE_URL does not point at PostgreSQL")
    if not os.environ.get("REDIS_URL"):
        missing_service("REDIS_URL is not set")
    import redis

    try:
        redis.Redis.from_url(os.environ["REDIS_URL"]).ping()
    except redis.RedisError as exc:
        missing_service(f"Redis does not answer: {exc}")


def require_chromium():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        missing_service(f"Chromium not found at {CHROMIUM}")


def database_url() -> str:
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host = db["HOST"] or "127.0.0.1"
    port = db["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real `celery worker` process on Redis and the test database, on a queue of its own."""
    with django_db_blocker.unblock():
        require_postgres_and_redis()
        url = database_url()
    queue = f"test-{uuid.uuid4().hex[:8]}"
    private = tmp_path_factory.mktemp("worker-private")
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "CELERY_QUEUE": queue,
        "PRIVATE_MEDIA_ROOT": str(private),
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("worker-media")),
        "CONN_MAX_AGE": "0",
    }
    log = tmp_path_factory.mktemp("worker-log") / "worker.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO",
             "--concurrency=2", "--queues", queue, "--hostname", f"{queue}@%h",
             "--without-gossip", "--without-mingle"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    previous_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    try:
        deadline = time.monotonic() + 60
        while not celery_app.control.ping(
            destination=[f"{queue}@{os.uname().nodename}"], timeout=1
        ):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the Celery worker did not start:\n{log.read_text()[-3000:]}")
        yield {"process": process, "queue": queue, "private": private, "log": log}
    finally:
        celery_app.conf.task_default_queue = previous_queue
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def worker_storage(settings, celery_worker):
    """Let the test read the files the worker wrote."""
    settings.PRIVATE_MEDIA_ROOT = celery_worker["private"]
    return celery_worker["private"]
