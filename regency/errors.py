"""The error pages: a 500 that needs no database, a 503 when the database does not answer,
and the page for a refused form (CSRF). 400, 403 and 404 are Django's own views with the
templates in templates/."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token

from .language import chosen_language

logger = logging.getLogger(__name__)

DATABASE_DOWN = (OperationalError, InterfaceError)


def render_without_database(request: HttpRequest, template_name: str, status: int) -> HttpResponse:
    """The page in the site's layout, without context processors: no user, no regency row."""
    context = {"request": request, "csrf_token": get_token(request)}
    # The error may come before the account is known: the switch's language, or Indonesian.
    with translation.override(chosen_language(request)):
        content = loader.get_template(template_name).render(context)
    response = HttpResponseServerError(content)
    response.status_code = status
    return response


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the database not answering is a 503 with "try again"; anything else a 500."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN):
        response = render_without_database(request, "503.html", 503)
        response["Retry-After"] = "60"
        return response
    return render_without_database(request, "500.html", 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form sent from an old page or another site is refused plainly."""
    logger.warning("CSRF refused %s: %s", request.path, reason)
    return render(request, "403_csrf.html", status=403)
