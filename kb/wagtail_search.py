"""Wagtail's own search (the admin's listings, the pages API's ``search``): modelsearch's database
backend, given only text its engine can read.

Praxis's public search is ``search/``; this one serves the admin and the API. modelsearch writes
each word between double quotes in SQLite's FTS5 syntax without escaping them: a double quote
typed in a search box ended in "unterminated string" (a 500), and PostgreSQL refuses a NUL
byte. Both become spaces; a query left with no word finds nothing.

The admin's listings also search with their filters and sorting applied (the explorer's "has child
pages", the themes' parent; sorting by type, name, order…). modelsearch refuses any field not
declared as a ``FilterField``, a guard for engines that filter outside the database (a 500); the
database backends filter and sort the queryset itself in SQL, so any of its fields will do.
"""

import contextlib
import functools

from modelsearch.backends import database
from modelsearch.backends.base import EmptySearchResults, FilterFieldError, OrderByFieldError
from modelsearch.query import Fuzzy, Phrase, PlainText

UNREADABLE = {ord('"'): " ", 0: " "}


def readable(query):
    """``query`` (a text or a modelsearch query) without what the engines cannot read."""
    if isinstance(query, str):
        text = query.translate(UNREADABLE)
        return text if text.strip() else ""
    if isinstance(query, PlainText | Phrase | Fuzzy):
        query.query_string = query.query_string.translate(UNREADABLE)
    for name in ("subquery", "subquery_a", "subquery_b"):
        if hasattr(query, name):
            readable(getattr(query, name))
    for subquery in getattr(query, "subqueries", ()):
        readable(subquery)
    return query


class NoResults(EmptySearchResults):
    """No result, of a model: the admin's listings read the model of their results (modelsearch's
    own empty results have none)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def _clone(self):
        return self.__class__(self.model)


def _reading_only_readable(method):
    @functools.wraps(method)
    def wrapper(query, model_or_queryset, *args, **kwargs):
        query = readable(query)
        if query == "":
            return NoResults(getattr(model_or_queryset, "model", model_or_queryset))
        return method(query, model_or_queryset, *args, **kwargs)

    return wrapper


def _filtering_in_sql(compiler_class):
    """``compiler_class`` accepting filters and sorting on any field of the queryset (the database
    applies them); the searched fields are still checked."""

    class Compiler(compiler_class):
        def check(self):
            with contextlib.suppress(FilterFieldError, OrderByFieldError):
                super().check()

    Compiler.__name__ = Compiler.__qualname__ = compiler_class.__name__
    return Compiler


def SearchBackend(params):  # the name Wagtail looks for in a backend module
    """The database vendor's backend, with ``search`` and ``autocomplete`` reading ``readable``
    queries, filtered and sorted on any field."""
    backend = database.SearchBackend(params)
    backend.query_compiler_class = _filtering_in_sql(backend.query_compiler_class)
    backend.autocomplete_query_compiler_class = _filtering_in_sql(
        backend.autocomplete_query_compiler_class
    )
    backend.search = _reading_only_readable(backend.search)
    backend.autocomplete = _reading_only_readable(backend.autocomplete)
    return backend
