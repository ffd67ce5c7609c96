"""What every search backend offers, and what it declares it supports."""

import logging

from ..query import SearchQuery, SearchResult

logger = logging.getLogger("praxis.search")

# Capabilities a backend may declare.
FACETS = "facets"
HIGHLIGHT = "highlight"
AUTOCOMPLETE = "autocomplete"
FUZZY = "fuzzy"  # misspelt words still match
SUGGEST = "suggest"  # "did you mean"
PHRASE = "phrase"
EXCLUDE = "exclude"
ANY_WORDS_FALLBACK = "any_words_fallback"
PDF = "attachments"
CAPABILITIES = (
    FACETS,
    HIGHLIGHT,
    AUTOCOMPLETE,
    FUZZY,
    SUGGEST,
    PHRASE,
    EXCLUDE,
    ANY_WORDS_FALLBACK,
    PDF,
)


class BackendUnavailable(Exception):
    """The engine does not answer (e.g. Elasticsearch is down)."""


class SearchBackend:
    """The interface the views use. ``capabilities`` declares what a backend supports: the views
    neither ask a backend for what it lacks (facet counts) nor offer it to readers
    (autocomplete, the query syntax in the search help)."""

    name = "base"
    capabilities = frozenset()

    def supports(self, capability):
        return capability in self.capabilities

    # Reading
    def search(self, query: SearchQuery) -> SearchResult:
        raise NotImplementedError

    def autocomplete(self, text, limit=10):
        raise NotImplementedError

    # Writing: ``records`` are dicts built by search.documents.build_record
    def index(self, records):
        raise NotImplementedError

    def remove(self, page_ids):
        raise NotImplementedError

    def rebuild(self, records):
        """Replace the whole index by ``records``; returns a dict of counts."""
        raise NotImplementedError

    def size(self):
        """Bytes used by the index (best effort), or None."""
        return None
