import pytest
from django.core.cache import cache
from django.test import Client

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


@pytest.fixture
def moderator_client(django_user_model):
    """A browser logged in as a moderator."""
    client = Client()
    client.force_login(approved_user(django_user_model, "moderateur", "Membres", "Modérateurs"))
    return client
