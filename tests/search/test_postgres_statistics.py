"""PostgreSQL plans after a rebuild: the tables the rebuild rewrote have their statistics at
once, not when autovacuum gets to them, so the first searches after it use the indexes."""

import pytest
from django.db import connection

from search.vocabulary import CHANGED_WORDS_SQL

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's planner statistics"
)


def plan(sql, params):
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
        (document,) = cursor.fetchone()
    return document[0]["Plan"]


def scans(node):
    """(node type, table) of every node of a plan that reads a table."""
    found = [(node["Node Type"], node["Relation Name"])] if "Relation Name" in node else []
    for child in node.get("Plans", ()):
        found += scans(child)
    return found


def test_after_a_rebuild_the_words_a_publication_changed_are_read_through_the_index(
    demo_corpus,
):
    """The query of the in-memory vocabulary after a write (search.vocabulary), on the demo
    corpus rebuilt by load_demo_content: never a scan of the whole vocabulary."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM search_searchchange")
        (position,) = cursor.fetchone()
    found = scans(plan(CHANGED_WORDS_SQL, [position]))
    assert found and all(table == "search_searchterm" for _node, table in found)
    assert [node for node, _table in found if node == "Seq Scan"] == [], found
