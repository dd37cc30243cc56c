"""The production settings as README gives them: Django's deployment check is clean, HTTPS
and HSTS come from the environment, and a value the settings do not understand stops the
start-up instead of quietly meaning "off"."""

import subprocess

import pytest

from .environment import PYTHON, ROOT, clean_environment, readme_environment

pytestmark = pytest.mark.production

SHOW = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
    "s.SECURE_HSTS_PRELOAD, s.SESSION_COOKIE_AGE, s.SESSION_COOKIE_SECURE)"
)


def run(args, **env):
    return subprocess.run(
        [PYTHON, *args],
        cwd=ROOT,
        env=clean_environment(DJANGO_SETTINGS_MODULE="config.settings", **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


class TestTheProductionEnvironmentOfTheReadme:
    def test_check_deploy_reports_nothing(self):
        done = run(
            ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **readme_environment()
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "System check identified no issues" in done.stdout

    def test_it_redirects_to_https_with_hsts_for_a_year_and_a_working_day_session(self):
        done = run(["-c", SHOW], **readme_environment())
        assert done.stdout.split() == ["True", "31536000", "True", "True", "28800", "True"]

    def test_the_idle_timeout_is_configurable(self):
        done = run(["-c", SHOW], **readme_environment(), SESSION_IDLE_TIMEOUT="3600")
        assert done.stdout.split()[4] == "3600"


class TestValuesTheSettingsDoNotKnow:
    @pytest.mark.parametrize(
        ("name", "value", "message"),
        [
            ("SECURE_SSL_REDIRECT", "ya", "SECURE_SSL_REDIRECT must be true or false, not 'ya'"),
            ("DEBUG", "flase", "DEBUG must be true or false, not 'flase'"),
            ("SECURE_HSTS_SECONDS", "1 year", "SECURE_HSTS_SECONDS must be a whole number"),
            ("SESSION_IDLE_TIMEOUT", "8h", "SESSION_IDLE_TIMEOUT must be a whole number"),
        ],
    )
    def test_they_stop_the_start_up_with_the_variables_name(self, name, value, message):
        env = {**readme_environment(), name: value}
        done = run(["manage.py", "check"], **env)
        assert done.returncode != 0
        assert message in done.stderr
