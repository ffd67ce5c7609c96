"""PostgreSQL: ``search_match(tsquery, weights)``, the full-text match with its rank.

The planner underestimates a sequential scan of the tsvector column (the vectors are TOASTed: a
seq scan detoasts every row, which its cost model ignores) and overestimates the GIN index: on a
few thousand pages it scans the table (20 ms) instead of the index (under 1 ms). The function
runs the query with ``enable_seqscan = off``, so the GIN index is always used. No-op elsewhere.
"""

from django.db import migrations

from ._postgres import postgresql_only

FORWARD = """
CREATE OR REPLACE FUNCTION search_match(q tsquery, weights float4[])
RETURNS TABLE (doc_id integer, score real)
LANGUAGE sql STABLE
SET enable_seqscan = off
AS $$
    SELECT page_id, ts_rank_cd(weights, search_vector, q, 1)
    FROM search_searchdocument
    WHERE search_vector @@ q
$$;
"""
BACKWARD = "DROP FUNCTION IF EXISTS search_match(tsquery, float4[])"


class Migration(migrations.Migration):
    dependencies = [("search", "0004_autocomplete_token_kind")]

    operations = [postgresql_only([FORWARD], [BACKWARD])]
