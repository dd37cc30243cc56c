"""Signing out after a working day without a request (SESSION_COOKIE_AGE seconds)."""

import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

REFRESHED_AT = "_refreshed_at"
# How stale the expiry may get before a request pushes it forward: a page view writes the
# session at most once in this many seconds instead of every time.
REFRESH_EVERY = 300


class IdleTimeoutMiddleware:
    """Push a signed-in session's expiry forward on activity, at most once per REFRESH_EVERY.

    The session and its cookie expire SESSION_COOKIE_AGE after the last save, so a user who
    sends no request for that long is signed out; one who keeps working stays signed in.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        session = request.session
        if request.user.is_authenticated:
            now = int(time.time())
            if now - session.get(REFRESHED_AT, 0) >= min(
                REFRESH_EVERY, session.get_expiry_age() // 10
            ):
                session[REFRESHED_AT] = now  # marks the session modified: saved, cookie renewed
        return self.get_response(request)
