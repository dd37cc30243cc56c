"""Each person's language is their own: the pages follow the account, not the browser."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils import translation


def language_of(request: HttpRequest) -> str:
    """A signed-in person's own language; for anyone else the one chosen with the switch
    (its cookie), else Indonesian, whatever the browser's Accept-Language says."""
    available = {code for code, _name in settings.LANGUAGES}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language in available:
        return user.language
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return chosen if chosen in available else settings.LANGUAGE_CODE


def account_language(
    get_response: Callable[[HttpRequest], HttpResponseBase],
) -> Callable[[HttpRequest], HttpResponseBase]:
    """Activate the request's language (language_of); listed after AuthenticationMiddleware."""

    def middleware(request: HttpRequest) -> HttpResponseBase:
        language = language_of(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language  # as LocaleMiddleware sets it
        return get_response(request)

    return middleware
