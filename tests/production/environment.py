"""The production environment exactly as README's "What the operator must set" gives it."""

import os
import re
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


# Variables config/settings.py reads that would change what a test here means.
APP_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "SITE_URL",
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_QUEUE",
    "VAR_DIR",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "PRIVATE_MEDIA_ROOT",
    "SECURE_COOKIES",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SESSION_IDLE_TIMEOUT",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "DJANGO_SETTINGS_MODULE",
    "TRUSTED_PROXY_COUNT",
    "REDIS_TIMEOUT",
    # set by the browser tests for Playwright in this process; a deployment never has it
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def readme_environment() -> dict[str, str]:
    """README's env block, with its <placeholders> filled in (a fresh secret key)."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("### What the operator must set") :]
    block = re.search(r"```env\n(.*?)```", section, re.S).group(1)
    env = {}
    for line in block.splitlines():
        name, _, value = line.partition("=")
        env[name.strip()] = secrets.token_urlsafe(50) if value.startswith("<") else value.strip()
    return env


def clean_environment(**overrides: str) -> dict[str, str]:
    """This process's environment without the app's variables, plus ``overrides``."""
    env = {k: v for k, v in os.environ.items() if k not in APP_VARIABLES}
    env.update(overrides)
    return env
