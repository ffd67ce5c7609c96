"""PostgreSQL: ``search_match(q, q_any, weights)`` also says whether a page holds a word of the
query in its title, summary, themes or tags (weights A, B and C of its rank vector): those pages
form the first tier of the ranking, as on SQLite. No-op elsewhere."""

from django.db import migrations

FORWARD = [
    "DROP FUNCTION IF EXISTS search_match(tsquery, float4[])",
    """
    CREATE OR REPLACE FUNCTION search_match(q tsquery, q_any tsquery, weights float4[])
    RETURNS TABLE (doc_id integer, score real, in_head boolean)
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS $$
        SELECT document_id,
            CASE WHEN rank_vector @@ q THEN ts_rank_cd(weights, rank_vector, q, 1) ELSE 0 END,
            ts_filter(rank_vector, '{a,b,c}') @@ q_any
        FROM search_documentvector
        WHERE match_vector @@ q
    $$
    """,
]
BACKWARD = [
    "DROP FUNCTION IF EXISTS search_match(tsquery, tsquery, float4[])",
    """
    CREATE OR REPLACE FUNCTION search_match(q tsquery, weights float4[])
    RETURNS TABLE (doc_id integer, score real)
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS $$
        SELECT document_id,
            CASE WHEN rank_vector @@ q THEN ts_rank_cd(weights, rank_vector, q, 1) ELSE 0 END
        FROM search_documentvector
        WHERE match_vector @@ q
    $$
    """,
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in FORWARD:
            schema_editor.execute(sql)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgres_document_vectors")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
