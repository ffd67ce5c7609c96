import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth's rate limits live in the cache: every test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded attachments go to a temporary directory, not var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
