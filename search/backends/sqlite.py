"""SQLite: an FTS5 table of analysed text (folded, elisions removed, stemmed) in the content
database; bm25 with column weights, in two tiers; snippets cut from the original text in Python."""

from typing import NamedTuple

from ..text import Highlighter, analyse
from .database import DatabaseBackend, analysed, taxonomy_text

FTS_TABLE = "search_fts"
# bm25 weights of the FTS columns, in order.
COLUMN_WEIGHTS = {"title": 10.0, "summary": 5.0, "taxonomy": 3.0, "body": 1.0, "attachments": 0.4}
CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    + ", ".join(COLUMN_WEIGHTS)
    + ", tokenize = 'unicode61 remove_diacritics 0')"
)


# The fields that put a page in the first tier of the ranking when they hold a word of the query.
HEAD_COLUMNS = "{title summary taxonomy}"


class FtsMatch(NamedTuple):
    expression: str  # the FTS5 query of the match set
    any_positive: str  # the FTS5 query of any of its positive words or phrases


def _quote(term):
    # Terms are made of letters and digits only (search.text.WORD_RE): quoting is enough.
    return '"' + term.replace('"', "") + '"'


class SQLiteBackend(DatabaseBackend):
    name = "sqlite"
    vendor = "sqlite"
    ENGINE_TABLES = (FTS_TABLE,)

    # Not an index constraint: given "rowid IN (the pages of a filter)", FTS5 runs the whole
    # full-text query again for each of those pages (600 ms instead of 5 for a frequent word
    # and a type, at 10,000 pages). The unary plus leaves it a plain test of each match.
    FILTERED_ID = "+t.doc_id"

    def engine_index(self, cursor, records):
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, title, summary, taxonomy, body, attachments)"  # noqa: S608
            " VALUES (%s, %s, %s, %s, %s, %s)",
            [
                (
                    r["page_id"],
                    analysed(r, "title"),
                    analysed(r, "summary"),
                    " ".join(analyse(taxonomy_text(r))),
                    analysed(r, "body"),
                    analysed(r, "attachments"),
                )
                for r in records
            ],
        )

    def read(self, sql, params):
        """On the DB-API connection: Django's cursor wrapper rewrites every ``%s`` with a regular
        expression, 13 µs on the ranking statement (a rare-word search takes under a
        millisecond in all). Database errors are still Django's."""
        connection = self.connection
        connection.ensure_connection()
        with connection.wrap_database_errors:
            return connection.connection.execute(sql.replace("%s", "?"), params).fetchall()

    def engine_remove(self, cursor, page_ids):
        for page_id in page_ids:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [page_id])  # noqa: S608

    def optimize(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")  # noqa: S608

    def clip_sql(self, column, chars):
        """substr() counts characters from the start of the text: only for a text that may be
        longer (more bytes than ``chars``), which most page bodies are not."""
        return (
            f"CASE WHEN length(CAST({column} AS BLOB)) <= {chars} THEN {column}"
            f" ELSE substr({column}, 1, {chars}) END"
        )

    def prepare_match(self, parsed, mode):
        positives = [_quote(t) for _w, t in parsed.word_terms]
        positives += [_quote(" ".join(p)) for p in parsed.phrase_terms]
        if not positives:
            return None
        joiner = " AND " if mode == "all" else " OR "
        expression = "(" + joiner.join(positives) + ")"
        for term in parsed.excluded_terms:
            expression += " NOT " + _quote(term)
        return FtsMatch(expression, "(" + " OR ".join(positives) + ")")

    def match_sql(self, match, with_score=True):
        return self._fts_sql(match.expression, with_score)

    def _fts_sql(self, expression, with_score):
        weights = ", ".join(str(w) for w in COLUMN_WEIGHTS.values())
        score = f", -bm25({FTS_TABLE}, {weights}) AS score" if with_score else ""
        return (
            f"SELECT rowid AS doc_id{score} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
            [expression],
        )

    def ranking_sql(self, match, sort):
        """Two tiers: the pages with a word of the query in their title, summary, themes or tags
        first, then the pages that have them only in their body or attachments; bm25 over every
        field within each tier.

        bm25 costs a microsecond per matching page (it reads each match's positions and length),
        listing the match set a twentieth of that. A frequent word, in a third of 100,000 pages,
        has a few thousand pages in the first tier: the second is never scored. Ordered by date,
        the match set is scored as a whole."""
        if sort == "date":
            return super().ranking_sql(match, sort)
        in_head = f"{HEAD_COLUMNS}: {match.any_positive}"
        return self.match_sql(match, with_score=False), [
            self._fts_sql(f"({match.expression}) AND {in_head}", with_score=True),
            self._fts_sql(f"({match.expression}) NOT {in_head}", with_score=True),
        ]

    def snippets(self, parsed, match, texts):
        return list(map(Highlighter(parsed.positive_terms).snippet, texts))

    def size(self):
        with self.connection.cursor() as cursor:
            try:
                cursor.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_%%'")
                return cursor.fetchone()[0]
            except Exception:
                return None
