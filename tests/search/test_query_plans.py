"""How SQLite runs a filtered search: FTS5 reads the full-text index once per tier of the
ranking, never once per page a filter keeps.

Given ``rowid IN (the pages of a type)`` as an index constraint, FTS5 runs the whole full-text
query again for each of those pages: a frequent word with a type filter took a hundred times
as long as without it (600 ms instead of 5 at 10,000 pages). PostgreSQL has no such
constraint to hand its GIN index: there the module is skipped.
"""

import re

import pytest
from django.db import connection

from search.query import SearchQuery

pytestmark = [
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the plan of an FTS5 query: SQLite"),
    pytest.mark.usefixtures("demo_corpus"),
]

# An FTS5 scan driven by a rowid constraint: its plan reads "VIRTUAL TABLE INDEX 0:=M5" (the "="
# of a rowid equality), an unconstrained one "VIRTUAL TABLE INDEX 0:M5".
FTS_SCAN_RE = re.compile(r"search_fts VIRTUAL TABLE INDEX \d+:(\S*)")


@pytest.fixture
def statements(backend, monkeypatch):
    """The statements the search reads its ranking with: [(sql, params)]."""
    seen = []
    read = backend.read

    def recording(sql, params):
        seen.append((sql, params))
        return read(sql, params)

    monkeypatch.setattr(backend, "read", recording)
    return seen


def _fts_scans(sql, params):
    """The index strategy of each FTS5 scan in the plan of ``sql``."""
    connection.ensure_connection()
    plan = connection.connection.execute(
        "EXPLAIN QUERY PLAN " + sql.replace("%s", "?"), params
    ).fetchall()
    return [match.group(1) for *_ids, detail in plan if (match := FTS_SCAN_RE.search(detail))]


@pytest.mark.parametrize(
    "filters",
    [
        {"type": ["experiencepage"]},
        {"region": ["hauts-de-france"], "theme": ["budget-participatif"]},
    ],
)
def test_a_filtered_search_reads_the_full_text_index_once_per_tier(backend, statements, filters):
    result = backend.search(SearchQuery(text="participation", filters=filters, facets=()))
    assert result.total > 0
    (sql, params), *_others = statements
    scans = _fts_scans(sql, params)
    assert scans, "no FTS5 scan in the plan"
    driven = [scan for scan in scans if "=" in scan]
    assert not driven, f"FTS5 run once per filtered page: {scans}"
