"""The engine-specific part of the index, for the database in use.

- SQLite: the FTS5 table ``search_fts`` (analysed text, see search.backends.sqlite).
- PostgreSQL: the ``french_unaccent`` text search configuration (unaccent + french_stem)
  and a GIN index on ``search_searchdocument.search_vector``.
Other databases: nothing.
"""

from django.db import migrations

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION french_unaccent
          ALTER MAPPING FOR hword, hword_part, word, asciiword, asciihword, hword_asciipart
          WITH unaccent, french_stem;
      END IF;
    END
    $$;
    """,
    "CREATE INDEX IF NOT EXISTS search_document_vector_gin"
    " ON search_searchdocument USING gin (search_vector)",
]
SQLITE_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "title, summary, taxonomy, body, attachments, tokenize = 'unicode61 remove_diacritics 0')"
)
PG_BACKWARD = [
    "DROP INDEX IF EXISTS search_document_vector_gin",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for sql in PG_FORWARD:
            schema_editor.execute(sql)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FTS)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for sql in PG_BACKWARD:
            schema_editor.execute(sql)
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
