import pytest


@pytest.fixture
def anonymous_client(client):
    return client
