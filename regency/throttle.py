"""Requests counted per client address in the cache (django-ratelimit), for anonymous pages."""

import datetime
import logging
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast
from zoneinfo import ZoneInfo

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django_ratelimit.core import get_usage

from .models import Regency

logger = logging.getLogger(__name__)

_View = TypeVar("_View", bound=Callable[..., HttpResponseBase])


def per_address(group: str, rate: str, method: str = "POST") -> Callable[[_View], _View]:
    """Answer 429, saying when to try again, once one address sent more than ``rate`` requests
    (django-ratelimit's notation: "10/10m"). Counted before the request's body is read."""

    def decorator(view: _View) -> _View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            try:
                usage = get_usage(
                    request, group=group, key="ip", rate=rate, method=method, increment=True
                )
            except Exception:  # the cache is down or misconfigured: keep the page serving
                logger.exception("Requests to %s could not be counted", group)
                usage = None
            if usage and usage["should_limit"]:
                return too_many_requests(request, max(usage["time_left"], 1))
            return view(request, *args, **kwargs)

        return cast(_View, wrapper)  # wraps() keeps the view's signature

    return decorator


def too_many_requests(request: HttpRequest, seconds: int) -> HttpResponse:
    """The 429 page: when, on the regency's clocks, the address may try again."""
    regency = Regency.load() or Regency()
    retry_at = timezone.now() + datetime.timedelta(seconds=seconds)
    context = {
        "retry_at": timezone.localtime(retry_at, ZoneInfo(regency.time_zone)),
        "zone": regency.time_zone_abbreviation,
    }
    response = render(request, "regency/too_many_requests.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
