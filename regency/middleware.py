"""Middleware of the whole site: a larger request body for the few views that need one, and
telling the person whose request queued a task that the task queue did not take it."""

from collections.abc import Callable, Collection
from io import BytesIO
from typing import Any, TypeVar

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext

from . import outbox
from .permissions import has_role

_View = TypeVar("_View", bound=Callable[..., HttpResponseBase])


def allow_large_body(
    max_bytes: int, refusal: Callable[[], str], roles: Collection[str]
) -> Callable[[_View], _View]:
    """Let a view take a form (URL-encoded) body of up to ``max_bytes``, over Django's
    DATA_UPLOAD_MAX_MEMORY_SIZE, from a user whose role is in ``roles`` (the roles the view
    admits); a larger one is answered 413 with ``refusal()`` (the message that names the
    limit, in the request's language), instead of Django's bare 400."""

    def decorate(view: _View) -> _View:
        # marks read by LargeBodyMiddleware.process_view
        view.max_body_bytes, view.body_refusal, view.body_roles = max_bytes, refusal, roles  # type: ignore[attr-defined]
        return view

    return decorate


class LargeBodyMiddleware:
    """Reads the body of a view marked by allow_large_body before CSRF reads the form.

    Only for a signed-in user with one of the view's roles: anyone else keeps Django's limit
    (and is then refused by the view), so nobody can make the server hold a large body
    without an account that may use the view.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponseBase],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        max_bytes = getattr(view_func, "max_body_bytes", None)
        if max_bytes is None or request.method != "POST":
            return None
        if not has_role(request.user, view_func.body_roles):  # type: ignore[attr-defined]  # marked by allow_large_body
            return None
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError as exc:  # Django's own reading would fail with a 500
            raise BadRequest("Content-Length is not a number") from exc
        if length > max_bytes:
            return render(
                request,
                "regency/request_too_large.html",
                {"message": view_func.body_refusal(), "back": request.path},  # type: ignore[attr-defined]
                status=413,
            )
        if length > (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0) and (
            request.content_type == "application/x-www-form-urlencoded"
        ):
            request._body = request.read()  # Django's own check would refuse it unread
            request._stream = BytesIO(request._body)
        return None


def queue_down_message(
    get_response: Callable[[HttpRequest], HttpResponseBase],
) -> Callable[[HttpRequest], HttpResponseBase]:
    """Add a plain message when a task of this request was kept to send later (regency/outbox.py).

    Listed after MessageMiddleware, so the message is stored with this response and shown on
    the page it leads to.
    """

    def middleware(request: HttpRequest) -> HttpResponseBase:
        with outbox.watching() as watch:
            response = get_response(request)
        if watch["failed"] and hasattr(request, "_messages"):
            messages.warning(
                request,
                gettext(
                    "Your request is saved. The task queue is not answering at the moment; "
                    "the request will be sent by itself as soon as the queue is back, so there "
                    "is no need to repeat it."
                ),
            )
        return response

    return middleware
