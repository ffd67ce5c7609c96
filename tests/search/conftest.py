"""Fixtures of the search tests: the backend of the test database and helpers."""

import pytest

from search.backends import database_backend
from search.query import SearchQuery


@pytest.fixture(autouse=True)
def _no_elasticsearch(database_search):
    """The database backend answers unless a test sets ELASTICSEARCH_URL itself."""


@pytest.fixture
def backend(db):
    return database_backend()


@pytest.fixture
def search(backend):
    """search("texte", theme=["slug"]) → SearchResult of the database backend."""

    def run(text, per_page=50, **filters):
        return backend.search(
            SearchQuery(
                text=text, per_page=per_page, filters={k: list(v) for k, v in filters.items()}
            )
        )

    return run


def titles(result):
    return [hit.title for hit in result.hits]
