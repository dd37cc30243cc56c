"""The settings of README's production set-up with REDIS_URL pointing at a port nobody answers."""

import importlib.util
import os
from pathlib import Path
from unittest import mock

from config.celery import app as celery_app

CLOSED_PORT_URL = "redis://127.0.0.1:6390/0"
SETTINGS_FILE = Path(__file__).resolve().parent.parent / "config" / "settings.py"


def settings_with_redis(url: str):
    """config/settings.py as it reads the environment when REDIS_URL is `url`."""
    with mock.patch.dict(os.environ, {"REDIS_URL": url}):
        spec = importlib.util.spec_from_file_location("settings_with_redis", SETTINGS_FILE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module


def point_celery_at(url: str, module) -> dict:
    """Make the Celery app send to `url` for real (not in-process); return what to restore."""
    names = ("broker_url", "broker_transport_options", "broker_connection_timeout")
    previous = {name: celery_app.conf[name] for name in names}
    previous["task_always_eager"] = celery_app.conf.task_always_eager
    celery_app.conf.broker_url = url
    celery_app.conf.broker_transport_options = module.CELERY_BROKER_TRANSPORT_OPTIONS
    celery_app.conf.broker_connection_timeout = getattr(
        module, "CELERY_BROKER_CONNECTION_TIMEOUT", 4
    )
    celery_app.conf.task_always_eager = False
    forget_connections()
    return previous


def restore_celery(previous: dict) -> None:
    for name, value in previous.items():
        celery_app.conf[name] = value
    forget_connections()


def forget_connections() -> None:
    """Let the next send build its connection pool from the broker URL now configured."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def redis_down(settings) -> dict:
    """Apply the production settings for a Redis that does not answer; return Celery's to restore."""
    module = settings_with_redis(CLOSED_PORT_URL)
    settings.CACHES = module.CACHES
    settings.SESSION_ENGINE = module.SESSION_ENGINE
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = getattr(
        module, "DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS", False
    )
    return point_celery_at(CLOSED_PORT_URL, module)
