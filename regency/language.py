"""Each person's language is their own: the pages follow the account, never the browser's
Accept-Language."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.middleware import locale
from django.utils import translation


def chosen_language(request: HttpRequest) -> str:
    """The language chosen with the switch (its cookie), else Indonesian; reads no database."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def language_of(request: HttpRequest) -> str:
    """A signed-in person's own language; for anyone else chosen_language()."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language in dict(settings.LANGUAGES):
        return user.language
    return chosen_language(request)


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, without Accept-Language: before the account is known (a CSRF refusal, the
    database down) a page is in the switch's language, else Indonesian."""

    def process_request(self, request: HttpRequest) -> None:
        language = chosen_language(request)  # the account is not known yet
        translation.activate(language)
        request.LANGUAGE_CODE = language


def account_language(
    get_response: Callable[[HttpRequest], HttpResponseBase],
) -> Callable[[HttpRequest], HttpResponseBase]:
    """Activate the signed-in person's own language; listed after AuthenticationMiddleware."""

    def middleware(request: HttpRequest) -> HttpResponseBase:
        language = language_of(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return get_response(request)

    return middleware
