"""The corpus vocabulary in memory, for "did you mean": the words of the indexed pages by their
folded form, with the spelling most pages use, and the closest of them to a typo.

Each process keeps its own copy and follows the change log with its facet index
(search.facets): after a write, only the words whose page counts changed are read again, not
the whole vocabulary (60,000 words at 10,000 pages: 0.16 s on the first search after every
publication, in every web worker).
"""

import threading
from itertools import chain

from django.db import connections
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .facets import in_log

# Every spelling of the folded words whose page counts changed after a change-log position.
CHANGED_WORDS_SQL = (
    "SELECT word, folded, doc_count FROM search_searchterm WHERE folded IN"
    " (SELECT folded FROM search_searchterm WHERE change_position > %s)"
)


class Vocabulary:
    """Changed in place, under ``lock``, which ``closest`` also holds: a search in another
    thread never sees a word in one of the two dictionaries and not yet in the other."""

    def __init__(self, using):
        self.using = using
        self.best = {}  # folded word → (most used spelling, pages)
        self.buckets = {}  # (first letter, length) → [folded words]: the candidates of a typo
        self.position = None  # of the facet index when last brought up to date
        self.generation = None
        self.lock = threading.Lock()

    def __len__(self):
        return len(self.best)

    def __contains__(self, folded):
        return folded in self.best

    def refresh(self, facet_index):
        """Brought to the position of ``facet_index`` (already refreshed by the caller)."""
        position, generation = facet_index.last, facet_index.generation
        if (position, generation) == (self.position, self.generation):
            return self
        with self.lock, connections[self.using].cursor() as cursor:
            if generation == self.generation and in_log(cursor, self.position):
                # Every spelling of the folded words whose counts changed since. Counts are
                # absolute: a change also read by the next refresh (written after the facet
                # index looked) is applied twice to the same effect.
                cursor.execute(CHANGED_WORDS_SQL, [self.position[0]])
            else:
                self.best, self.buckets = {}, {}
                cursor.execute(
                    "SELECT word, folded, doc_count FROM search_searchterm WHERE doc_count > 0"
                )
            self._update(cursor.fetchall())
            self.position, self.generation = position, generation
        return self

    def _update(self, rows):
        """Each folded word of ``rows`` (with all its spellings) gets the spelling most pages
        use (then the first in alphabetical order), or is gone if no page uses it."""
        chosen = {}
        for word, folded, pages in rows:
            current = chosen.get(folded)
            if pages > 0 and (current is None or (-pages, word) < (-current[1], current[0])):
                chosen[folded] = (word, pages)
            elif current is None:
                chosen[folded] = None
        best, buckets = self.best, self.buckets
        for folded, spelling in chosen.items():
            key = (folded[:1], len(folded))
            if spelling is None:
                if best.pop(folded, None) is not None:
                    buckets[key].remove(folded)
            else:
                if folded not in best:
                    buckets.setdefault(key, []).append(folded)
                best[folded] = spelling

    def closest(self, folded):
        """The spelling of the corpus word closest to ``folded`` (1 edit, 2 for long words), or
        None.

        Only words whose length is within that many edits can be that close. Typos rarely hit
        the first letter: words with the same first letter first, then all."""
        max_distance = 1 if len(folded) < 6 else 2
        lengths = range(len(folded) - max_distance, len(folded) + max_distance + 1)
        with self.lock:
            best, buckets = self.best, self.buckets
            same_first = [(folded[:1], n) for n in lengths]
            any_first = (key for key in buckets if key[1] in lengths)  # only if the first fails
            for keys in (same_first, any_first):
                candidates = process.extract(
                    folded,
                    list(chain.from_iterable(buckets.get(key, ()) for key in keys)),
                    scorer=Levenshtein.distance,
                    score_cutoff=max_distance,
                    limit=20,
                )
                if candidates:
                    choice = min(candidates, key=lambda c: (c[1], -best[c[0]][1]))
                    return best[choice[0]][0]
        return None
