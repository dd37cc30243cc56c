"""Workers of a test's own, started and killed by the test (see own_queue)."""

import os
import signal
import subprocess
import sys
import uuid

import pytest

from config.celery import app as celery_app
from tests.services import ROOT, database_url


@pytest.fixture
def own_queue(celery_worker, tmp_path):
    """A queue no other worker listens to, and a way to start workers on it."""
    queue = f"killed-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_QUEUE": queue,
        "PRIVATE_MEDIA_ROOT": str(celery_worker["private"]),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "CONN_MAX_AGE": "0",
    }
    for name in ("CELERY_TASK_TIME_LIMIT", "CELERY_TASK_SOFT_TIME_LIMIT", "JOB_HEARTBEAT_TIMEOUT"):
        env.pop(name, None)  # the defaults: 600 s, 540 s, 60 s
    started = []

    def start(name: str) -> subprocess.Popen:
        with open(tmp_path / f"{name}.log", "w") as log:  # the child keeps its own copy
            process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO",
                 "--concurrency=1", "--queues", queue, "--hostname", f"{name}-{queue}@%h",
                 "--without-gossip", "--without-mingle"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        started.append(process)
        return process

    previous = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = queue
    yield start
    celery_app.conf.task_default_queue = previous
    for process in started:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
