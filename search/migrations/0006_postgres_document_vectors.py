"""PostgreSQL: the full-text index moves to a narrow table of its own, ``DocumentVector``.

``ts_rank_cd`` on the full vector of a page (≈5 KB for 1,500 words, TOASTed) read and detoasted
it for every match: ~25 µs a match, a second for a word found in 40,000 pages. Now the GIN index
of ``match_vector`` (the full vector) finds the matches and ``rank_vector`` (title, summary,
taxonomy, opening of the body: under 1 KB, kept in the row) ranks them; the table is small enough
to stay in shared buffers. A page whose rank vector does not hold the query ranks 0: ts_rank_cd is
not even called (it would return 0), which halves the cost of a word found in 10 % of the pages.
Existing vectors are carried over (the rank vectors are approximated from the stored text;
``search_index rebuild`` writes them exactly). No-op elsewhere.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

from ._postgres import postgresql_only

FORWARD = [
    "ALTER TABLE search_documentvector ALTER COLUMN rank_vector SET STORAGE MAIN",
    """
    INSERT INTO search_documentvector (document_id, match_vector, rank_vector)
    SELECT page_id, search_vector,
        setweight(to_tsvector('french_unaccent', title), 'A')
        || setweight(to_tsvector('french_unaccent', summary), 'B')
        || setweight(to_tsvector('french_unaccent', themes || ' ' || tags), 'C')
        || setweight(to_tsvector('french_unaccent', left(body, 300)), 'D')
    FROM search_searchdocument WHERE search_vector IS NOT NULL
    """,
    "CREATE INDEX search_documentvector_gin ON search_documentvector USING gin (match_vector)",
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
BACKWARD = [
    """
    UPDATE search_searchdocument d SET search_vector = v.match_vector
    FROM search_documentvector v WHERE v.document_id = d.page_id
    """,
    "CREATE INDEX IF NOT EXISTS search_document_vector_gin"
    " ON search_searchdocument USING gin (search_vector)",
    """
    CREATE OR REPLACE FUNCTION search_match(q tsquery, weights float4[])
    RETURNS TABLE (doc_id integer, score real)
    LANGUAGE sql STABLE
    SET enable_seqscan = off
    AS $$
        SELECT page_id, ts_rank_cd(weights, search_vector, q, 1)
        FROM search_searchdocument
        WHERE search_vector @@ q
    $$
    """,
]


class Migration(migrations.Migration):
    dependencies = [("search", "0005_postgres_match_function")]

    operations = [
        migrations.CreateModel(
            name="DocumentVector",
            fields=[
                (
                    "document",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="search.searchdocument",
                    ),
                ),
                ("match_vector", django.contrib.postgres.search.SearchVectorField()),
                ("rank_vector", django.contrib.postgres.search.SearchVectorField()),
            ],
        ),
        postgresql_only(FORWARD, BACKWARD),
        migrations.RemoveField(model_name="searchdocument", name="search_vector"),
    ]
