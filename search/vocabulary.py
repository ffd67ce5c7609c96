"""The corpus vocabulary in memory, for "did you mean": the words of the indexed pages by their
folded form, with the most used spelling of each.

Each process keeps its own copy and follows the change log with its facet index
(search.facets): after a write, only the words whose page count changed are read again, not the
whole vocabulary (60,000 words at 10,000 pages: 0.4 s, on the first search after every
publication in every web worker).
"""

import threading
from itertools import groupby
from operator import itemgetter

from django.db import connections

from .facets import in_log


def _most_used(rows):
    """(word, pages) of the most used spelling among ``rows`` of one folded form, or None."""
    used = [(word, n) for word, _folded, n in rows if n > 0]
    return min(used, key=lambda row: (-row[1], row[0])) if used else None


class Vocabulary:
    def __init__(self, using):
        self.using = using
        self.best = {}  # folded word → (most used spelling, pages)
        self.buckets = {}  # (first letter, length) → [folded words]: the candidates of a typo
        self.position = None  # of the facet index when last brought up to date
        self.generation = None
        self.lock = threading.Lock()

    def refresh(self, facet_index):
        """Brought to the position of ``facet_index`` (already refreshed by the caller)."""
        position, generation = facet_index.last, facet_index.generation
        if (position, generation) == (self.position, self.generation):
            return self
        with self.lock, connections[self.using].cursor() as cursor:
            if generation == self.generation and in_log(cursor, self.position):
                self._load_changed(cursor, self.position[0])
            else:
                self._load_all(cursor)
            self.position, self.generation = position, generation
        return self

    def _load_all(self, cursor):
        cursor.execute(
            "SELECT word, folded, doc_count FROM search_searchterm WHERE doc_count > 0"
            " ORDER BY folded"
        )
        self.best, self.buckets = {}, {}
        self._apply(cursor.fetchall())

    def _load_changed(self, cursor, since):
        """Every spelling of the folded words whose counts changed after the change ``since``.
        Counts are absolute: a change read twice (written after the facet index looked) is
        applied twice to the same effect."""
        cursor.execute(
            "SELECT word, folded, doc_count FROM search_searchterm WHERE folded IN"
            " (SELECT folded FROM search_searchterm WHERE change_position > %s)"
            " ORDER BY folded",
            [since],
        )
        self._apply(cursor.fetchall())

    def _apply(self, rows):
        """Sets the entries of the folded words of ``rows`` (sorted by folded word), each with
        all its spellings."""
        best, buckets = self.best, self.buckets
        for folded, spellings in groupby(rows, key=itemgetter(1)):
            chosen = _most_used(list(spellings))
            bucket = buckets.setdefault((folded[:1], len(folded)), [])
            if chosen is None:
                if best.pop(folded, None) is not None:
                    bucket.remove(folded)
            else:
                if folded not in best:
                    bucket.append(folded)
                best[folded] = chosen
