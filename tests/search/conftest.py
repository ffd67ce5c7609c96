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


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """with commit(): … runs the on-commit indexing of what the block changed, as a request
    would once its transaction commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def publish(make_experience, commit):
    """make_experience, running the on-commit indexing as a real request would."""

    def make(**fields):
        with commit():
            return make_experience(**fields)

    return make


def titles(result):
    return [hit.title for hit in result.hits]
