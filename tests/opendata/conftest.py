import pytest
from wagtail.models import Site

from kb.public_address import sync_default_site

from .builders import PUBLIC_ADDRESS


@pytest.fixture
def anonymous_client(client):
    return client


@pytest.fixture
def public_address(settings):
    """The public address (without a trailing slash), which differs from the host the requests
    come through: a proxy, which reaches the web service as "web", as in docker-compose.yml."""
    settings.ALLOWED_HOSTS = ["praxis.example.org", "web"]
    settings.WAGTAILADMIN_BASE_URL = PUBLIC_ADDRESS
    sync_default_site()
    yield PUBLIC_ADDRESS
    # Wagtail caches its site root paths, and the rollback of the site's address does not reach
    # the cache: the modules run next would see their links on this address.
    Site.clear_site_root_paths_cache()
