"""PostgreSQL: a weighted tsvector column (text search configuration ``french_unaccent``:
unaccent + french_stem, created by search's migration) with a GIN index, ts_rank_cd, ts_headline."""

from ..text import MARK_END, MARK_START, marks_to_html, remove_elisions
from .database import DatabaseBackend, taxonomy_text

CONFIG = "french_unaccent"
# ts_rank_cd weights {D, C, B, A}: body and attachments, themes and tags, summary, title.
RANK_WEIGHTS = "{0.1, 0.3, 0.6, 1.0}"
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=35, MinWords=15, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)
HEADLINE_SOURCE_CHARS = 30_000


def _text(value):
    return remove_elisions(value or "")


class PostgresBackend(DatabaseBackend):
    name = "postgresql"
    vendor = "postgresql"

    def engine_index(self, cursor, records):
        cursor.executemany(
            "UPDATE search_searchdocument SET search_vector ="  # noqa: S608
            f" setweight(to_tsvector('{CONFIG}', %s), 'A')"
            f" || setweight(to_tsvector('{CONFIG}', %s), 'B')"
            f" || setweight(to_tsvector('{CONFIG}', %s), 'C')"
            f" || setweight(to_tsvector('{CONFIG}', %s), 'D')"
            " WHERE page_id = %s",
            [
                (
                    _text(r["title"]),
                    _text(r["summary"]),
                    _text(taxonomy_text(r)),
                    _text(r["body"]) + "\n" + _text(r["attachments"]),
                    r["page_id"],
                )
                for r in records
            ],
        )

    def engine_remove(self, cursor, page_ids):
        """The vector lives in the document row, deleted by the caller."""

    def engine_clear(self, cursor):
        """Same."""

    def optimize(self):
        with self.connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")
            cursor.execute("ANALYZE search_searchfacet")

    def prepare_match(self, parsed, mode):
        """The tsquery, computed once so that the planner sees a constant."""
        parts, params = [], []
        for word, _term in parsed.word_terms:
            parts.append(f"plainto_tsquery('{CONFIG}', %s)")
            params.append(_text(word))
        for phrase in parsed.phrases:
            parts.append(f"phraseto_tsquery('{CONFIG}', %s)")
            params.append(_text(" ".join(phrase)))
        if not parts:
            return None
        expression = "(" + (" && " if mode == "all" else " || ").join(parts) + ")"
        for word in parsed.excluded:
            expression += f" && !!plainto_tsquery('{CONFIG}', %s)"
            params.append(_text(word))
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT ({expression})::text", params)  # noqa: S608
            tsquery = cursor.fetchone()[0]
        if not tsquery or not tsquery.strip():
            return None
        return tsquery

    def match_sql(self, match, with_score=True):
        score = (
            f", ts_rank_cd('{RANK_WEIGHTS}', search_vector, %s::tsquery, 1) AS score"
            if with_score
            else ""
        )
        params = [match, match] if with_score else [match]
        return (
            f"SELECT page_id AS doc_id{score} FROM search_searchdocument"  # noqa: S608
            " WHERE search_vector @@ %s::tsquery",
            params,
        )

    def floor_sql(self, match):
        sql, params = self.match_sql(match)
        return (
            f"SELECT doc_id, score, count(*) OVER () FROM ({sql}) m ORDER BY score DESC LIMIT 10",  # noqa: S608
            params,
        )

    def snippets(self, parsed, match, documents):
        if not documents:
            return {}
        ids = [d.page_id for d in documents]
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT page_id, ts_headline('{CONFIG}',"  # noqa: S608
                f" summary || E'\\n' || left(body, {HEADLINE_SOURCE_CHARS})"
                " || E'\\n' || left(attachments, 5000),"
                " %s::tsquery, %s) FROM search_searchdocument WHERE page_id = ANY(%s)",
                [match, HEADLINE_OPTIONS, ids],
            )
            return {page_id: marks_to_html(text or "") for page_id, text in cursor.fetchall()}

    def size(self):
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c"
                " WHERE c.relname LIKE 'search_%%' AND c.relkind = 'r'"
            )
            size = cursor.fetchone()[0]
            return int(size) if size is not None else None
