"""Every page carries a Content-Security-Policy of the app's own origin: no inline script,
no eval, no plugins, no framing, forms only to the app."""

import pytest


def policy(response) -> dict[str, list[str]]:
    directives = [part.split() for part in response["Content-Security-Policy"].split(";")]
    return {name: values for name, *values in directives}


@pytest.mark.django_db
class TestThePolicy:
    def test_the_sign_in_page_allows_scripts_only_from_the_app(self, client, regency):
        csp = policy(client.get("/accounts/login/"))
        assert csp["default-src"] == ["'self'"]
        assert csp["script-src"] == ["'self'"]
        assert csp["object-src"] == ["'none'"]
        assert csp["frame-ancestors"] == ["'none'"]
        assert csp["form-action"] == ["'self'"]
        assert csp["img-src"] == ["'self'", "data:", "blob:"]

    def test_an_error_page_has_it_too(self, client, regency):
        assert policy(client.get("/tidak-ada/"))["script-src"] == ["'self'"]

    def test_the_year_pickers_have_no_inline_handler(self, login, secretariat, programme):
        page = login(secretariat).get("/quickwins/").content.decode()
        assert "data-autosubmit" in page and "onchange=" not in page
