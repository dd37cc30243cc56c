"""Telling the person whose request queued a task that the task queue did not take it."""

from django.contrib import messages
from django.utils.translation import gettext

from . import outbox


def queue_down_message(get_response):
    """Add a plain message when a task of this request was kept to send later (regency/outbox.py).

    Listed after MessageMiddleware, so the message is stored with this response and shown on
    the page it leads to.
    """

    def middleware(request):
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
