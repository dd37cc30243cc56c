"""The production set-up of README, end to end: DEBUG off, a fresh database, the demo,
collectstatic with the manifest storage, gunicorn; then every demo role (and a visitor who
is not signed in) opens every page its navigation and home page link to, and every page
those link to: no answer may be a 500."""

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .environment import PYTHON, ROOT, clean_environment

pytestmark = pytest.mark.production

ROLES = ["sekretariat", "bupati", "mentor", "wakil.bappeda", "kepala.bappeda"]
PASSWORD = "tuban2026"
# Links that change state or leave: not opened by a crawl.
SKIP = re.compile(r"^/(accounts/logout|i18n/|admin/logout)")
TINYMCE_FILES = [
    "themes/silver/theme.min.js",
    "models/dom/model.min.js",
    "icons/default/icons.min.js",
    "plugins/lists/plugin.min.js",
    "plugins/table/plugin.min.js",
    "plugins/image/plugin.min.js",
    "plugins/link/plugin.min.js",
    "plugins/autoresize/plugin.min.js",
    "skins/ui/oxide/skin.min.css",
    "skins/ui/oxide/content.min.css",
    "skins/content/default/content.min.css",
    "langs/id.js",
]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.nav, self.stylesheets, self.scripts, self.inline = [], [], [], [], []
        self.handlers = []
        self._in_nav = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav":
            self._in_nav += 1
        if tag == "a" and attrs.get("href"):
            (self.nav if self._in_nav else self.hrefs).append(attrs["href"])
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])
        if tag == "script":
            if attrs.get("src"):
                self.scripts.append(attrs["src"])
            elif attrs.get("type") != "application/json":
                self._in_script = True
        self.handlers += [name for name in attrs if name.startswith(("on", "hx-on"))]

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_nav -= 1
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline.append(data.strip()[:60])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(env, log_path):
    """gunicorn on a free local port, once it answers: (process, base URL)."""
    port = free_port()
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}"]
            + ["--workers", "2", "--timeout", "60"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, base
        except OSError:
            assert server.poll() is None and time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.3)


@pytest.fixture(scope="module")
def database_url():
    """A database of the crawl's own: on the PostgreSQL server of DATABASE_URL, or SQLite."""
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith("postgres"):
        yield None
        return
    import psycopg2

    name = f"sc_prod_crawl_{os.getpid()}"
    admin = urllib.parse.urlparse(server)._replace(path="/postgres").geturl()
    connection = psycopg2.connect(admin)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield urllib.parse.urlparse(server)._replace(path=f"/{name}").geturl()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory, database_url):
    """gunicorn serving the demo as README's production section sets it up."""
    tmp = tmp_path_factory.mktemp("production")
    env = clean_environment(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        VAR_DIR=str(tmp / "var"),
        STATIC_ROOT=str(tmp / "static"),
        # Plain http on a local port: no https to redirect to, cookies over http.
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        LOG_LEVEL="WARNING",
    )
    env.pop("REDIS_URL", None)  # tasks in-process: the crawl sends no work to a shared queue
    if database_url:
        env["DATABASE_URL"] = database_url
    (tmp / "var").mkdir()
    for command in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
        done = subprocess.run(
            [PYTHON, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, f"{command}: {done.stdout[-2000:]}{done.stderr[-4000:]}"
    server, base = start_gunicorn(env, tmp / "gunicorn.log")
    yield base, env
    server.terminate()
    server.wait(timeout=20)


class Browser:
    """A cookie-keeping client that does not follow redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), self.NoRedirect
        )

    def get(self, path):
        request = urllib.request.Request(self.base + path, headers={"Accept-Language": "id"})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")

    def sign_in(self, username):
        _, _, page = self.get("/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(self.base + "/accounts/login/", data=data)
        try:
            self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            assert error.code == 302, f"{username} could not sign in: {error.code}"


def same_origin_path(href, page_path):
    url = urllib.parse.urljoin("http://site" + page_path, href)
    parts = urllib.parse.urlsplit(url)
    if parts.netloc != "site" or parts.scheme != "http":
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return None if SKIP.match(path) else path


def crawl(browser):
    """Home and navigation, then one level further: {path: status}, pages' problems, links."""
    statuses, problems, seen_links = {}, [], set()

    def visit(path):
        status, headers, body = browser.get(path)
        statuses[path] = status
        links = Links()
        if "text/html" in headers.get("Content-Type", ""):
            links.feed(body)
            if "script-src 'self'" not in headers.get("Content-Security-Policy", ""):
                problems.append(f"{path}: no CSP")
            if links.inline or links.handlers:
                problems.append(f"{path}: inline script {links.inline} {links.handlers}")
        found = [same_origin_path(h, path) for h in links.nav + links.hrefs]
        found = [p for p in found if p]
        seen_links.update(found)
        return found

    first = [p for p in visit("/") if p not in statuses]
    first += [p for p in visit("/publik/") if p not in statuses]
    second = []
    for path in dict.fromkeys(first):
        if path not in statuses:
            second += visit(path)
    for path in dict.fromkeys(second):
        if path not in statuses:
            visit(path)
    return statuses, problems, seen_links


class TestTheDatabaseDown:
    def test_pages_answer_503_in_the_visitors_language(self, site, tmp_path):
        _, env = site
        # PostgreSQL that does not answer: nothing listens on this port.
        down = {**env, "DATABASE_URL": f"postgres://postgres@127.0.0.1:{free_port()}/gone"}
        server, base = start_gunicorn(down, tmp_path / "gunicorn.log")
        try:
            status, headers, page = Browser(base).get("/publik/")
            assert status == 503 and headers["Retry-After"] == "60"
            assert "Layanan sedang tidak tersedia" in page and "Coba lagi" in page
            request = urllib.request.Request(
                # English chosen with the switch (issue 13: never from Accept-Language)
                base + "/accounts/login/",
                headers={"Accept-Language": "en", "Cookie": "django_language=en"},
            )
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=30)
            assert refused.value.code == 503
            assert "The service is temporarily unavailable" in refused.value.read().decode()
        finally:
            server.terminate()
            server.wait(timeout=20)


class TestEveryRoleOpensEveryPage:
    def test_no_page_answers_500_for_any_role(self, site):
        base, _ = site
        failures, problems, opened = [], [], 0
        for role in [None, *ROLES]:
            browser = Browser(base)
            if role:
                browser.sign_in(role)
            statuses, page_problems, _ = crawl(browser)
            opened += len(statuses)
            failures += [
                f"{role or 'anonymous'} {path}" for path, s in statuses.items() if s >= 500
            ]
            problems += [f"{role or 'anonymous'} {p}" for p in page_problems]
            if role:
                assert len(statuses) > 10, f"{role} reached only {sorted(statuses)}"
        print(f"{opened} pages opened")
        assert failures == [], "answered 500:\n" + "\n".join(failures)
        assert problems == [], "\n".join(problems)

    def test_hashed_static_files_load(self, site):
        base, _ = site
        browser = Browser(base)
        _, _, page = browser.get("/accounts/login/")
        links = Links()
        links.feed(page)
        css = [href for href in links.stylesheets if re.search(r"/app\.[0-9a-f]{12}\.css$", href)]
        assert css, links.stylesheets
        status, headers, _ = browser.get(css[0])
        assert status == 200 and "max-age=315360000" in headers.get("Cache-Control", "")

    def test_the_editor_pages_open_and_tinymce_finds_its_files(self, site):
        base, _ = site
        browser = Browser(base)
        browser.sign_in("sekretariat")
        _, _, books = browser.get("/books/")
        book = re.search(r'href="(/books/\d+/)"', books).group(1)
        _, _, detail = browser.get(book)
        chapter = re.search(r'href="/chapters/(\d+)/"', detail).group(1)
        _, _, workshops = browser.get("/workshops/")
        workshop = re.search(r'href="/workshops/(\d+)/"', workshops).group(1)
        for path in [f"/chapters/{chapter}/edit/", f"/workshops/{workshop}/minutes/"]:
            status, _, page = browser.get(path)
            assert status == 200, path
            links = Links()
            links.feed(page)
            tinymce = next(src for src in links.scripts if "/tinymce.min." in src)
            folder = tinymce.rsplit("/", 1)[0]
            for name in TINYMCE_FILES:
                assert browser.get(f"{folder}/{name}")[0] == 200, name
