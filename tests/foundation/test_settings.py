"""Production settings refuse to start without their secrets; DATABASE_URL switches databases,
REDIS_URL gives the workers one cache."""

import os
import subprocess
import sys

import pytest

LOAD_SETTINGS = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'])"
)


def _run(script=LOAD_SETTINGS, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"SECRET_KEY", "ALLOWED_HOSTS", "PRAXIS_BASE_URL", "DATABASE_URL", "REDIS_URL"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "kb.settings.production",
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "praxis.example",
    "PRAXIS_BASE_URL": "https://praxis.example",
}


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "PRAXIS_BASE_URL"])
def test_production_refuses_to_start_without_secret_hosts_or_address(missing):
    env = dict(PRODUCTION)
    env.pop(missing)
    result = _run(**env)
    assert result.returncode != 0
    assert f"The environment variable {missing} is required" in result.stderr


def test_production_refuses_an_address_without_its_scheme():
    result = _run(**{**PRODUCTION, "PRAXIS_BASE_URL": "praxis.example"})
    assert result.returncode != 0
    assert "PRAXIS_BASE_URL must be the site's address with its scheme" in result.stderr


def test_production_starts_with_its_environment():
    result = _run(**PRODUCTION, DATABASE_URL="postgres://praxis@db.example:5432/praxis")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "praxis"]


def test_sqlite_file_by_default_and_database_url_switches_it(tmp_path):
    default = _run(DJANGO_SETTINGS_MODULE="kb.settings.dev")
    assert default.stdout.split()[0] == "django.db.backends.sqlite3"
    assert default.stdout.split()[1].endswith("var/praxis.sqlite3")
    switched = _run(
        DJANGO_SETTINGS_MODULE="kb.settings.dev", DATABASE_URL=f"sqlite:///{tmp_path}/autre.db"
    )
    assert switched.stdout.split() == ["django.db.backends.sqlite3", f"{tmp_path}/autre.db"]


def test_redis_url_gives_every_worker_the_same_cache():
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "from django.core.cache import caches; cache = caches['default']; "
        "print(type(cache).__module__, type(cache).__name__, "
        "settings.CACHES['default'].get('LOCATION'))"
    )
    shared = _run(script, **PRODUCTION, REDIS_URL="redis://cache.example:6379/2")
    assert shared.returncode == 0, shared.stderr
    assert shared.stdout.split() == ["kb.cache", "SharedCache", "redis://cache.example:6379/2"]
    alone = _run(script, DJANGO_SETTINGS_MODULE="kb.settings.dev")
    assert alone.stdout.split()[:2] == ["django.core.cache.backends.locmem", "LocMemCache"]


def test_the_test_suite_never_empties_the_redis_of_redis_url():
    """Tests clear the cache: on Redis, that would empty the whole database of REDIS_URL."""
    script = (
        "import django; django.setup(); from django.core.cache import caches; "
        "print(type(caches['default']).__name__)"
    )
    result = _run(
        script, DJANGO_SETTINGS_MODULE="kb.settings.test", REDIS_URL="redis://cache.example:6379/0"
    )
    assert result.stdout.split() == ["LocMemCache"], result.stderr


def test_the_suite_itself_runs_on_the_test_settings(settings):
    """Whatever DJANGO_SETTINGS_MODULE the shell exports (the Makefile exports the development
    settings, for `make run`): fast password hashing, and a cache of the suite's own."""
    assert settings.SETTINGS_MODULE == "kb.settings.test"
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
