"""PostgreSQL: weighted tsvectors (text search configuration ``french_unaccent``: unaccent +
french_stem, created by search's migration), the full one matched through a GIN index, a compact
one ranked with ts_rank_cd (search.models.DocumentVector), in two tiers; ts_headline for
snippets."""

from typing import NamedTuple

from ..text import (
    MARK_END,
    MARK_START,
    Highlighter,
    marks_to_html,
    remove_elisions,
    with_ellipses,
)
from .database import DatabaseBackend, taxonomy_text

CONFIG = "french_unaccent"
# ts_rank_cd weights {D, C, B, A}: body and attachments, themes and tags, summary, title.
RANK_WEIGHTS = "{0.1, 0.3, 0.6, 1.0}"
# On the extract chosen in Python: all of it, every match highlighted.
HEADLINE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"
RANK_BODY_CHARS = 300  # of the body, in the rank vector


class TsMatch(NamedTuple):
    expression: str  # SQL of the tsquery of the match set
    params: list
    any_expression: str  # SQL of the tsquery of any of its positive words or phrases
    any_params: list


def _text(value):
    return remove_elisions(value or "")


def _opening(body):
    """The first RANK_BODY_CHARS characters of ``body``, cut between two words."""
    if len(body) <= RANK_BODY_CHARS:
        return body
    return body[:RANK_BODY_CHARS].rsplit(None, 1)[0]


class PostgresBackend(DatabaseBackend):
    name = "postgresql"
    vendor = "postgresql"
    ENGINE_TABLES = ("search_documentvector",)
    ID_LIST = "string_agg(doc_id::text, ',')"

    def engine_index(self, cursor, records):
        """Match vector: the whole text; rank vector: the same with only the opening of the body
        (search.models.DocumentVector)."""
        cursor.executemany(
            "INSERT INTO search_documentvector (document_id, match_vector, rank_vector)"  # noqa: S608
            f" SELECT %s, head || setweight(to_tsvector('{CONFIG}', %s), 'D'),"
            f" head || setweight(to_tsvector('{CONFIG}', %s), 'D')"
            f" FROM (SELECT setweight(to_tsvector('{CONFIG}', %s), 'A')"
            f" || setweight(to_tsvector('{CONFIG}', %s), 'B')"
            f" || setweight(to_tsvector('{CONFIG}', %s), 'C') AS head) AS vectors",
            [
                (
                    r["page_id"],
                    body := _text(r["body"]) + "\n" + _text(r["attachments"]),
                    _opening(body),
                    _text(r["title"]),
                    _text(r["summary"]),
                    _text(taxonomy_text(r)),
                )
                for r in records
            ],
        )

    def engine_remove(self, cursor, page_ids):
        cursor.execute("DELETE FROM search_documentvector WHERE document_id = ANY(%s)", [page_ids])

    def empty_tables(self, cursor, tables):
        """TRUNCATE, not DELETE: a rebuild would otherwise leave as many dead rows as live ones,
        and ranking, which reads the vectors' pages, would read twice as many. TRUNCATE refuses to
        run while foreign-key checks of the transaction are pending: they are run first."""
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {', '.join(tables)}")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    def optimize(self):
        with self.connection.cursor() as cursor:
            # Merge the GIN pending list (filled by the bulk inserts) into the index proper.
            cursor.execute("SELECT gin_clean_pending_list('search_documentvector_gin')")
            # Statistics of every table the rebuild rewrote, before autovacuum gets to them: the
            # planner would otherwise scan the whole vocabulary for the few words a publication
            # changed (13 ms at 100,000 pages instead of 0.1), and guess the other plans too.
            for table in (*self.ENGINE_TABLES, *self.STORE_TABLES):
                cursor.execute(f"ANALYZE {table}")

    def prepare_match(self, parsed, mode):
        """The tsqueries of the match, built from the analysed words with plainto/phraseto_tsquery,
        so that nothing the user types is tsquery syntax."""
        parts, params = [], []
        for word, _term in parsed.word_terms:
            parts.append(f"plainto_tsquery('{CONFIG}', %s)")
            params.append(_text(word))
        for phrase in parsed.phrases:
            parts.append(f"phraseto_tsquery('{CONFIG}', %s)")
            params.append(_text(" ".join(phrase)))
        if not parts:
            return None
        any_expression = "(" + " || ".join(parts) + ")"
        any_params = list(params)
        expression = "(" + (" && " if mode == "all" else " || ").join(parts) + ")"
        for word in parsed.excluded:
            expression += f" && !!plainto_tsquery('{CONFIG}', %s)"
            params.append(_text(word))
        return TsMatch(expression, params, any_expression, any_params)

    def match_sql(self, match, with_score=True):
        """Through ``search_match()`` (migrations 0005 to 0007): always the GIN index."""
        columns = "doc_id, score, in_head" if with_score else "doc_id"
        return (
            f"SELECT {columns} FROM search_match({match.expression},"  # noqa: S608
            f" search_head_query({match.any_expression}), %s::float4[])",
            [*match.params, *match.any_params, RANK_WEIGHTS],
        )

    def floor_sql(self, match):
        """The benchmark's bare floor: ``search_match`` without the tiers (no head query: the
        tier column is NULL and costs nothing)."""
        return (
            f"SELECT doc_id, score, count(*) OVER () FROM search_match({match.expression},"  # noqa: S608
            " NULL, %s::float4[]) ORDER BY score DESC LIMIT 10",
            [*match.params, RANK_WEIGHTS],
        )

    def ranking_sql(self, match, sort):
        """Two tiers, as on SQLite: the pages with a word of the query in their title, summary,
        themes or tags first. ``search_match`` scores every match in one pass and tells the
        tiers apart."""
        if sort == "date":
            return super().ranking_sql(match, sort)
        return self.match_sql(match), [
            ("SELECT doc_id, score FROM m WHERE in_head", []),
            ("SELECT doc_id, score FROM m WHERE NOT in_head", []),
        ]

    def snippets(self, parsed, match, texts):
        """ts_headline on the extract of each text that holds the most matches (located in
        Python: ts_headline over whole pages costs milliseconds each)."""
        highlighter = Highlighter(parsed.positive_terms)
        windows = [(text, *highlighter.window(text)[:2]) for text in texts]
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT ts_headline('{CONFIG}', w, {match.expression}, %s)"  # noqa: S608
                " FROM unnest(%s::text[]) WITH ORDINALITY AS t(w, n) ORDER BY n",
                [
                    *match.params,
                    HEADLINE_OPTIONS,
                    [text[start:end] for text, start, end in windows],
                ],
            )
            headlines = [row[0] for row in cursor.fetchall()]
        return [
            with_ellipses(text, start, end, marks_to_html(headline or ""))
            for (text, start, end), headline in zip(windows, headlines, strict=True)
        ]

    def size(self):
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c"
                " WHERE c.relname LIKE 'search_%%' AND c.relkind = 'r'"
            )
            size = cursor.fetchone()[0]
            return int(size) if size is not None else None
