"""Settings for the whole project, read from the environment.

Production differs from development only by environment variables (README.md has the
table). With no DATABASE_URL the app uses SQLite under var/; with no REDIS_URL, Celery
tasks run in-process and the cache lives in memory, so `make run` needs nothing installed.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def envbool(name: str, default: str = "False") -> bool:
    """A yes/no variable; a value that is neither (a typo, "ya") stops the start-up."""
    value = os.environ.get(name, default).strip().lower()
    if value not in TRUE_WORDS | FALSE_WORDS:
        raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")
    return value in TRUE_WORDS


def envint(name: str, default: str) -> int:
    """A whole-number variable; anything else stops the start-up with the variable's name."""
    value = os.environ.get(name, default).strip()
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def envlist(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


DEBUG = envbool("DEBUG", "True")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise RuntimeError("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "regency.errors.csrf_failure"
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "simple_history",
    "django_filters",
    "axes",
    "csp",
    "regency",
    "workshops",
    "quickwins",
    "masterplan",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "regency.language.LocaleMiddleware",  # the switch or Indonesian, never Accept-Language
    "regency.local_time.regency_time_zone",  # the regency's clock (WIB/WITA/WIT) for all
    "django.middleware.common.CommonMiddleware",
    # before CSRF, which reads the form: a chapter's text may exceed DATA_UPLOAD_MAX_MEMORY_SIZE
    "regency.middleware.LargeBodyMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "regency.sessions.IdleTimeoutMiddleware",
    "regency.language.account_language",  # the person's own language, not the browser's
    "django.contrib.messages.middleware.MessageMiddleware",
    "regency.middleware.queue_down_message",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # who made each recorded change
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out sign-in into its page
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["regency.templatetags.clock"],  # |at: a time with its zone's label
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "regency.context_processors.regency",
            ],
        },
    },
]

if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)  # the SQLite file of a fresh checkout lives here
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}", conn_max_age=envint("CONN_MAX_AGE", "60")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "regency.User"

REDIS_URL = os.environ.get("REDIS_URL", "")
# Redis is a cache and a queue, never the only copy of anything: sessions live in the
# database, and a cache that does not answer is a miss (logged by django_redis.cache), so
# pages keep serving and people keep signing in while Redis is down.
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.5"))  # seconds, to connect or answer
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Signed-in users are signed out after this many seconds without a request (a working day).
# regency.sessions.IdleTimeoutMiddleware pushes the expiry forward at most once a few
# minutes, so that a page view does not write the session every time.
SESSION_COOKIE_AGE = envint("SESSION_IDLE_TIMEOUT", str(8 * 60 * 60))
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True  # one warning line per failed cache call
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Celery: a real worker on Redis when REDIS_URL is set, otherwise tasks run in-process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = envint("CELERY_TASK_TIME_LIMIT", "600")
CELERY_TASK_SOFT_TIME_LIMIT = envint("CELERY_TASK_SOFT_TIME_LIMIT", "540")
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "smartcity")
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_TASK_TIME_LIMIT + 60,
    "socket_connect_timeout": REDIS_TIMEOUT * 4,
    "socket_timeout": REDIS_TIMEOUT * 4,
}
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT * 4
# A job row whose running task has not beaten for this long lost its worker (regency/jobs.py):
# it is queued again, up to JOB_MAX_ATTEMPTS runs in all, then failed with the reason.
JOB_HEARTBEAT_INTERVAL = envint("JOB_HEARTBEAT_INTERVAL", "10")  # seconds
JOB_HEARTBEAT_TIMEOUT = envint("JOB_HEARTBEAT_TIMEOUT", "60")  # seconds
JOB_MAX_ATTEMPTS = envint("JOB_MAX_ATTEMPTS", "3")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling (django-axes, regency/throttling.py): the login, the admin login and
# signing's password check. Counted in the database, so that it works with Redis down.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "regency.throttling.LoginAttemptHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # this order: the handler reads it so
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", "5")  # for one username, from anywhere
LOGIN_ADDRESS_FAILURE_LIMIT = envint("LOGIN_ADDRESS_FAILURE_LIMIT", "30")  # one address
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", "15"))
AXES_RESET_ON_SUCCESS = envbool("LOGIN_RESET_ON_SUCCESS", "True")
# A try during a lockout does not prolong it, so the time the page gives holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "regency.throttling.lockout_response"
AXES_CLIENT_IP_CALLABLE = "regency.throttling.client_address"
AXES_VERBOSE = False
# Reverse proxies in front of gunicorn that append the client's address to X-Forwarded-For;
# 0 (no proxy) reads REMOTE_ADDR. Too high a number lets a client choose its own address.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", "0")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "masterplan:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Rendered books, signed sheets and uploads that only signed-in users may download: never
# under MEDIA_ROOT (which a reverse proxy may serve), always through a view that checks roles.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The anonymous verify page counts POSTs per client address (django-ratelimit, in the cache),
# the address read the one way sign-in throttling reads it (TRUSTED_PROXY_COUNT). The page
# keeps serving if the cache is down.
RATELIMIT_IP_META_KEY = "regency.throttling.client_address"
RATELIMIT_FAIL_OPEN = True

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "smartcity@localhost")

if not DEBUG:
    SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", "True")
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS: the proxy terminates TLS and says so in X-Forwarded-Proto. With DEBUG off, plain
# http is redirected to https; HSTS makes browsers refuse plain http to this host for that
# many seconds, so turn it on once https works (README: Running in production).
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "False" if DEBUG else "True")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "False")
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "False")

# Content-Security-Policy: scripts, styles, pictures, fonts and requests from this origin
# only; no plugins, no framing, forms post only here. Scripts are strict (no inline script,
# no eval): every script is a static file. Styles allow 'unsafe-inline' because TinyMCE
# needs it for the formatting and the positioning of its menus, and pygal's inline SVG
# charts carry their own <style>. data: and blob: pictures are the signature pad's drawing
# and pictures pasted into the editor.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "fontTools": {"level": "WARNING"},
        "weasyprint": {"level": "ERROR"},
        "celery.app.trace": {"level": "WARNING"},  # one line per task is noise; failures stay
        "axes": {"level": "WARNING"},  # each failure and lockout stays; successes are noise
    },
}

# The installation's document-signing key and certificate for signed commitment sheets
# (PAdES). `python manage.py create_signing_certificate` writes a self-signed pair here for
# development and the demo; production points these at a certificate from a CA.
SIGNING_KEY_FILE = Path(os.environ.get("SIGNING_KEY_FILE", VAR_DIR / "signing" / "key.pem"))
SIGNING_CERT_FILE = Path(os.environ.get("SIGNING_CERT_FILE", VAR_DIR / "signing" / "cert.pem"))
SIGNING_KEY_PASSPHRASE = os.environ.get("SIGNING_KEY_PASSPHRASE", "")
# Celery beat: periodic tasks. Production runs `celery -A config beat` beside the workers.
CELERY_BEAT_SCHEDULE = {
    "input-reminders": {
        "task": "masterplan.tasks.send_due_input_reminders",
        "schedule": envint("INPUT_REMINDER_INTERVAL", "3600"),  # seconds
    },
    "send-outbox": {  # tasks queued while the broker was down (regency/outbox.py)
        "task": "regency.tasks.send_outbox",
        "schedule": envint("OUTBOX_INTERVAL", "60"),
    },
    "requeue-stale-jobs": {  # jobs whose worker died (regency/jobs.py)
        "task": "regency.tasks.requeue_stale_jobs",
        "schedule": envint("JOB_HEARTBEAT_TIMEOUT", "60") // 2,
    },
}
