import pytest
from django.core.cache import cache

from tests.accounts.helpers import approved_user


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


@pytest.fixture
def contributor(django_user_model):
    """An approved member who may propose sheets."""
    return approved_user(django_user_model, "contributrice", "Membres", "Contributeurs")
