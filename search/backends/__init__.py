"""Choosing the backend from the settings.

``ELASTICSEARCH_URL`` set → Elasticsearch, answered by the database backend (with a logged
warning) whenever Elasticsearch does not answer. Otherwise the database backend of the
database vendor (SQLite FTS5 or PostgreSQL). Views only see the SearchBackend interface.
"""

import logging
import time

from django.conf import settings
from django.db import DatabaseError, connections

from .base import BackendUnavailable, SearchBackend

logger = logging.getLogger("praxis.search")

_cache = {}


def database_backend(using="default"):
    vendor = connections[using].vendor
    key = ("db", using, vendor)
    if key not in _cache:
        if vendor == "postgresql":
            from .postgres import PostgresBackend

            _cache[key] = PostgresBackend(using)
        elif vendor == "sqlite":
            from .sqlite import SQLiteBackend

            _cache[key] = SQLiteBackend(using)
        else:
            raise NotImplementedError(f"No search backend for {vendor}")
    return _cache[key]


def elasticsearch_backend():
    url = getattr(settings, "ELASTICSEARCH_URL", "") or ""
    if not url:
        return None
    key = ("es", url)
    if key not in _cache:
        from .elasticsearch import ElasticsearchBackend

        _cache[key] = ElasticsearchBackend(
            url, index_name=getattr(settings, "ELASTICSEARCH_INDEX", "praxis")
        )
    return _cache[key]


class FallbackBackend(SearchBackend):
    """Reads from ``primary``; if it is unavailable, or missed writes while it was, from
    ``fallback`` with a logged warning."""

    name = "fallback"

    def __init__(self, primary, fallback):
        self.primary, self.fallback = primary, fallback
        self.name = primary.name

    @property
    def capabilities(self):
        return self.primary.capabilities

    retry_after = 30  # seconds during which a failed primary is not asked again

    _down_until = 0.0
    _behind_warned_until = 0.0

    def _behind(self):
        """Whether the primary missed writes while it did not answer: it could still show a
        page unpublished since, until they are replayed (search.indexing.catch_up)."""
        from ..indexing import has_missed_writes

        if not has_missed_writes(self.primary):
            return False
        if time.monotonic() >= self._behind_warned_until:
            self._behind_warned_until = time.monotonic() + self.retry_after
            logger.warning(
                "Recherche : %s a manqué des écritures, réponse de la base de données jusqu'à"
                " la prochaine publication ou « python manage.py search_index catch-up ».",
                self.primary.name,
            )
        return True

    def _call(self, method, *args, **kwargs):
        if time.monotonic() < self._down_until or self._behind():
            return getattr(self.fallback, method)(*args, **kwargs), True
        try:
            return getattr(self.primary, method)(*args, **kwargs), False
        except BackendUnavailable as error:
            self._down_until = time.monotonic() + self.retry_after
            logger.warning(
                "Recherche : %s ne répond pas (%s), réponse de la base de données.",
                self.primary.name,
                error,
            )
            return getattr(self.fallback, method)(*args, **kwargs), True

    def search(self, query):
        result, degraded = self._call("search", query)
        result.degraded = degraded
        return result

    def autocomplete(self, text, limit=10):
        return self._call("autocomplete", text, limit=limit)[0]


def get_backend():
    """The backend that answers searches."""
    es = elasticsearch_backend()
    if es is None:
        return database_backend()
    db = database_backend()
    key = ("fallback", es.url, db.using, db.vendor)
    if key not in _cache:
        _cache[key] = FallbackBackend(es, db)
    return _cache[key]


def writing_backends():
    """Every backend to keep in sync: the database store always (it is the fallback), plus
    Elasticsearch when configured."""
    backends = [database_backend()]
    es = elasticsearch_backend()
    if es is not None:
        backends.append(es)
    return backends


def warm_up():
    """Loads the in-memory views of the database backend (facet postings, vocabulary) when it
    answers the searches, so that a web worker does it as it starts rather than during its
    first search (seconds at 100,000 pages). A database that does not answer, or is not
    migrated yet, is logged: the first search will load them."""
    if elasticsearch_backend() is not None:
        return
    backend = database_backend()
    try:
        backend.vocabulary()  # and the facet index it follows
    except DatabaseError as error:
        logger.warning("Recherche : index non chargé au démarrage (%s).", error)
    finally:
        # Opened in the thread that imports the application, which may not be one that serves
        # (a test runs in a transaction, which keeps it).
        if not backend.connection.in_atomic_block:
            backend.connection.close()


def reset_cache():
    _cache.clear()
