"""In-memory facet postings: for every facet value, the set of its documents as a Roaring bitmap.

Counting a facet value over a match set is then one intersection count on compressed bitmaps
(pyroaring), whatever the size of the match set: facet counts over 30,000 matching pages cost
about a millisecond instead of a 300,000-row GROUP BY. Each process keeps its own copy and
refreshes it from ``SearchChange`` (the log of index writes): only the changed documents are
reloaded.
"""

import threading
import time
import uuid
import weakref
from operator import attrgetter

from django.db import connections
from pyroaring import BitMap

from .query import FACETS_BY_VALUE_DESCENDING
from .text import fold_word

FULL_RELOAD = 0  # SearchChange.page_id meaning "reload everything"
KEEP_CHANGES = 5000


class Posting:
    """The documents having one facet value, the value's label, and its ``rank`` among the values
    of its facet: the display order at equal counts (by label; years, the most recent first)."""

    __slots__ = ("facet", "value", "label", "bits", "rank")

    def __init__(self, facet, value, label):
        self.facet, self.value, self.label = facet, value, label
        self.bits = BitMap()
        self.rank = 0

    def __contains__(self, doc_id):
        return doc_id in self.bits


class FacetIndex:
    instances = weakref.WeakSet()  # of this process, to mark them dirty after a write

    def __init__(self, using):
        self.using = using
        self.postings = {}  # facet → {value: Posting}
        self.doc_values = {}  # doc id → [Posting of each of its values]
        self.last = None  # (change id, token) applied
        self.generation = 0  # counts the full reloads: views built on this one follow it
        self.checked_at = 0.0
        self.lock = threading.Lock()
        FacetIndex.instances.add(self)

    def _latest(self, cursor):
        cursor.execute("SELECT id, token FROM search_searchchange ORDER BY id DESC LIMIT 1")
        row = cursor.fetchone()
        return tuple(row) if row else (0, "")

    CHECK_EVERY = 1.0  # seconds between two looks at the change log (other processes' writes)

    def mark_dirty(self):
        """This process wrote to the index: look at the change log on the next search."""
        self.checked_at = 0.0

    def refresh(self):
        if time.monotonic() - self.checked_at < self.CHECK_EVERY:
            return self
        connection = connections[self.using]
        with self.lock, connection.cursor() as cursor:
            self.checked_at = time.monotonic()
            latest = self._latest(cursor)
            if latest == self.last:
                return self
            changed = None
            if in_log(cursor, self.last):
                cursor.execute(
                    "SELECT DISTINCT page_id FROM search_searchchange WHERE id > %s",
                    [self.last[0]],
                )
                changed = {r[0] for r in cursor.fetchall()}
                if FULL_RELOAD in changed:
                    changed = None
            if changed is None:
                self._load_all(cursor)
            else:
                self._load_some(cursor, changed)
            self._rank()
            self.last = latest
        return self

    def _rank(self):
        for facet, by_value in self.postings.items():
            if facet in FACETS_BY_VALUE_DESCENDING:
                ordered = sorted(by_value.values(), key=attrgetter("value"), reverse=True)
            else:
                ordered = sorted(by_value.values(), key=_by_label)
            for rank, posting in enumerate(ordered):
                posting.rank = rank

    def _load_all(self, cursor):
        self.generation += 1
        self.postings, self.doc_values = {}, {}
        self._read(cursor, "", [])

    def _load_some(self, cursor, doc_ids):
        for doc_id in doc_ids:
            for posting in self.doc_values.pop(doc_id, ()):
                posting.bits.discard(doc_id)
        ids = sorted(doc_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            placeholders = ", ".join(["%s"] * len(chunk))
            self._read(cursor, f" WHERE document_id IN ({placeholders})", chunk)

    def _read(self, cursor, where, params):
        cursor.execute(
            f"SELECT document_id, facet, value, label FROM search_searchfacet{where}",  # noqa: S608
            params,
        )
        postings, doc_values = self.postings, self.doc_values
        for doc_id, facet, value, label in _rows(cursor):
            by_value = postings.setdefault(facet, {})
            posting = by_value.get(value)
            if posting is None:
                posting = by_value[value] = Posting(facet, value, label)
            else:
                posting.label = label
            posting.bits.add(doc_id)
            doc_values.setdefault(doc_id, []).append(posting)

    def posting(self, facet, value):
        return self.postings.get(facet, {}).get(value)

    def labels(self, doc_id, facets):
        """The labels of the values of ``facets`` a document has, facet after facet."""
        postings = self.doc_values.get(doc_id, ())
        return [p.label for facet in facets for p in postings if p.facet == facet]


def _by_label(posting):
    return fold_word(posting.label), posting.value


def _rows(cursor, size=10_000):
    while rows := cursor.fetchmany(size):
        yield from rows


def in_log(cursor, position):
    """Whether the change log still holds ``position`` ((change id, token)): then every change
    since is in it too, and a view of the index at that position can be brought up to date."""
    if position is None or not position[0]:
        return False
    cursor.execute("SELECT token FROM search_searchchange WHERE id = %s", [position[0]])
    row = cursor.fetchone()
    return bool(row) and row[0] == position[1]


# pg_advisory_xact_lock key of the change log's writers (any constant bigint).
CHANGE_LOG_LOCK = 0x5052415849530001


def log_changes(cursor, page_ids):
    """Record index writes (``[FULL_RELOAD]`` after a rebuild or clear); returns the position
    of the last one.

    Readers apply the changes after the last position they saw: a change must not commit
    with a smaller id than one already visible. SQLite lets one transaction write at a time;
    on PostgreSQL the writers of the log take turns on a lock held until they commit."""
    if cursor.db.vendor == "postgresql":
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHANGE_LOG_LOCK])
    token = uuid.uuid4().hex
    cursor.executemany(
        "INSERT INTO search_searchchange (page_id, token) VALUES (%s, %s)",
        [(page_id, token) for page_id in page_ids],
    )
    # Keep the log short: a process further behind than this reloads everything.
    cursor.execute(
        "DELETE FROM search_searchchange WHERE id < (SELECT max(id) FROM search_searchchange) - %s",
        [KEEP_CHANGES],
    )
    cursor.execute("SELECT max(id) FROM search_searchchange")
    return cursor.fetchone()[0]
