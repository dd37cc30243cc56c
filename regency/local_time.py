"""The regency's clock: its time zone active for every request, task, e-mail and PDF, and
every time shown with its label (WIB, WITA or WIT)."""

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from zoneinfo import ZoneInfo

from celery.signals import task_postrun, task_prerun
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone

from .models import Regency, remembering_regency

# The three zones of Indonesia as people there name them.
LABELS = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def regency_zone(regency: Regency | None = None) -> ZoneInfo:
    """The regency's time zone; the installation's default before a regency is set up."""
    regency = regency or Regency.load()
    return ZoneInfo(regency.time_zone if regency else settings.TIME_ZONE)


def label(zone: datetime.tzinfo | None = None) -> str:
    """WIB, WITA or WIT for the active zone (or ``zone``)."""
    zone = zone or timezone.get_current_timezone()
    key = getattr(zone, "key", str(zone))
    return LABELS.get(key, key)


@contextmanager
def regency_time() -> Iterator[None]:
    """For the duration: the regency read once, and its time zone active.

    Also a decorator, for the functions that write e-mails and PDFs, so that they show the
    regency's clock when called outside a request or task too."""
    with remembering_regency(), timezone.override(regency_zone()):
        yield


def stamp(moment: datetime.datetime, fmt: str = "%d-%m-%Y %H:%M") -> str:
    """A moment as text for e-mails, in the active zone with its label: 01-12-2026 14:05 WITA."""
    local = timezone.localtime(moment)
    return f"{local.strftime(fmt)} {label(local.tzinfo)}"


def regency_time_zone(
    get_response: Callable[[HttpRequest], HttpResponseBase],
) -> Callable[[HttpRequest], HttpResponseBase]:
    """Middleware: each request runs on the regency's clock (and reads the regency once)."""

    def middleware(request: HttpRequest) -> HttpResponseBase:
        with regency_time():
            return get_response(request)

    return middleware


# Each Celery task on a worker runs on the regency's clock, as a request does.
_task_scopes: dict[str, Any] = {}


@task_prerun.connect
def _enter_regency_time(task_id: str | None = None, **kwargs: Any) -> None:
    scope = regency_time()
    scope.__enter__()
    _task_scopes[task_id or ""] = scope


@task_postrun.connect
def _leave_regency_time(task_id: str | None = None, **kwargs: Any) -> None:
    scope = _task_scopes.pop(task_id or "", None)
    if scope is not None:
        scope.__exit__(None, None, None)
