"""Sign-in throttling with django-axes: the login, the admin login and signing's password check.

Failed passwords are counted in the database (not the cache, so that signing in keeps working
when Redis is down), by username from anywhere and by address across usernames, each with its
own limit. A locked-out person is told, in the regency's time, when to try again.
"""

import datetime
import ipaddress
import math
from typing import Any
from zoneinfo import ZoneInfo

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import authenticate
from django.db.models import Max, Q, Sum
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import Regency, User


def client_address(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies the
    entry of X-Forwarded-For that the outermost proxy appended (the ones to its left are the
    client's to choose, so they are never trusted)."""
    address = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if hops and forwarded:
        address = forwarded[-min(hops, len(forwarded))]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


class LoginAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler with two limits: AXES_FAILURE_LIMIT failures for one username
    (from any address) and LOGIN_ADDRESS_FAILURE_LIMIT for one address (across usernames),
    so that a whole office behind one address is not locked out by one person's typing."""

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        by_username, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        known_address = request.axes_ip_address is not None  # type: ignore[attr-defined]  # axes sets it
        if known_address and by_address >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(by_username, settings.AXES_FAILURE_LIMIT)  # axes compares to its limit
        return by_username

    def reset_user_attempts(
        self, request: HttpRequest, credentials: dict[str, Any] | None = None
    ) -> int:
        """A successful sign-in forgets that username's failures only: were the address's
        forgotten too, someone with an account could sign in between guesses at another's."""
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count


def locked_until(username: str | None, address: str | None) -> datetime.datetime:
    """When a lockout of this username or address is over at the latest."""
    cool_off = get_cool_off() or datetime.timedelta(0)
    matching = Q(username=username) | (Q(ip_address=address) if address else Q(pk__in=[]))
    recent = AccessAttempt.objects.filter(matching, attempt_time__gte=timezone.now() - cool_off)
    last = recent.aggregate(last=Max("attempt_time"))["last"] or timezone.now()
    return last + cool_off


def try_again_message(until: datetime.datetime) -> str:
    """'Too many wrong passwords. Try again after 14.05 WIB.', in the regency's time zone."""
    regency = Regency.load()
    zone = ZoneInfo(regency.time_zone if regency else settings.TIME_ZONE)
    # rounded up to the minute, so that trying at the time said works
    seconds = math.ceil(until.timestamp() / 60) * 60
    local = datetime.datetime.fromtimestamp(seconds, zone)
    abbreviation = regency.time_zone_abbreviation if regency else local.tzname()
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    return _(
        "Too many wrong passwords. Try again after %(time)s %(zone)s (in %(minutes)s min)."
    ) % {"time": formats.time_format(local.time()), "zone": abbreviation, "minutes": minutes}


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponseBase | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The page a locked-out sign-in gets (AXES_LOCKOUT_CALLABLE), for the login and the admin."""
    address = request.axes_ip_address  # type: ignore[attr-defined]  # set by axes
    until = locked_until(get_client_username(request, credentials), address)
    return render(
        request,
        "registration/locked_out.html",
        {"message": try_again_message(until)},
        status=429,
    )


class LockedOut(Exception):
    """Too many wrong passwords; the message says when to try again."""


def confirm_password(user: User, password: str, *, address: str | None, user_agent: str) -> bool:
    """Check a signed-in person's password again, counted and throttled as a sign-in is.

    True when it is right; False when wrong; LockedOut when too many were wrong."""
    request = HttpRequest()
    request.META = {"REMOTE_ADDR": address or "", "HTTP_USER_AGENT": user_agent}
    if authenticate(request, username=user.get_username(), password=password) == user:
        return True
    if request.axes_locked_out:  # type: ignore[attr-defined]  # set by axes' authenticate
        raise LockedOut(try_again_message(locked_until(user.get_username(), address)))
    return False
