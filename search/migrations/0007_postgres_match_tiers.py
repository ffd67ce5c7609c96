"""PostgreSQL: ``search_match(q, q_head, weights)`` also says whether a page holds a word of the
query in its title, summary, themes or tags: those pages form the first tier of the ranking, as on
SQLite. ``q_head`` is ``search_head_query(q_any)``: the query of any of those words, each lexeme
restricted to the weights A, B and C (title, summary, taxonomy) of the rank vector. Testing it
costs next to nothing a row, where ``ts_filter`` of each rank vector doubled the cost of a search.
No-op elsewhere."""

from importlib import import_module

from django.db import migrations

from ._postgres import postgresql_only

FORWARD = [
    "DROP FUNCTION IF EXISTS search_match(tsquery, float4[])",
    r"""
    CREATE OR REPLACE FUNCTION search_head_query(q tsquery) RETURNS tsquery
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT regexp_replace(q::text, '(''(?:[^'']|'''')*'')', '\1:ABC', 'g')::tsquery $$
    """,
    """
    CREATE OR REPLACE FUNCTION search_match(q tsquery, q_head tsquery, weights float4[])
    RETURNS TABLE (doc_id integer, score real, in_head boolean)
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS $$
        SELECT document_id,
            CASE WHEN rank_vector @@ q THEN ts_rank_cd(weights, rank_vector, q, 1) ELSE 0 END,
            rank_vector @@ q_head
        FROM search_documentvector
        WHERE match_vector @@ q
    $$
    """,
]
BACKWARD = [
    "DROP FUNCTION IF EXISTS search_match(tsquery, tsquery, float4[])",
    "DROP FUNCTION IF EXISTS search_head_query(tsquery)",
    # search_match(q, weights) as migration 0006 defined it
    import_module("search.migrations.0006_postgres_document_vectors").FORWARD[-1],
]


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgres_document_vectors")]

    operations = [postgresql_only(FORWARD, BACKWARD)]
