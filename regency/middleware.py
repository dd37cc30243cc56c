"""Middleware of the whole site: a larger request body for the few views that need one."""

from collections.abc import Callable
from io import BytesIO

from django.conf import settings
from django.shortcuts import render


def allow_large_body(max_bytes: int, refusal: Callable[[], str]):
    """Let a view take a form (URL-encoded) body of up to ``max_bytes``, over Django's
    DATA_UPLOAD_MAX_MEMORY_SIZE; a larger one is answered 413 with ``refusal()`` (the message
    that names the limit, in the request's language), instead of Django's bare 400."""

    def decorate(view):
        view.max_body_bytes, view.body_refusal = max_bytes, refusal
        return view

    return decorate


class LargeBodyMiddleware:
    """Reads the body of a view marked by allow_large_body before CSRF reads the form.

    Only for a signed-in user: an anonymous request keeps Django's limit, so nobody can make
    the server hold a large body without an account.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        max_bytes = getattr(view_func, "max_body_bytes", None)
        if max_bytes is None or request.method != "POST" or not request.user.is_authenticated:
            return None
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > max_bytes:
            return render(
                request,
                "regency/request_too_large.html",
                {"message": view_func.body_refusal(), "back": request.path},
                status=413,
            )
        if length > (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0) and (
            request.content_type == "application/x-www-form-urlencoded"
        ):
            request._body = request.read()  # Django's own check would refuse it unread
            request._stream = BytesIO(request._body)
        return None
