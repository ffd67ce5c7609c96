"""For the migrations: SQL that only PostgreSQL runs (the migration loader skips this module)."""

from django.db import migrations


def postgresql_only(forward, backward):
    """A RunPython operation running the ``forward`` SQL statements on PostgreSQL (``backward``
    ones to undo it), a no-op on other databases."""

    def run(statements):
        def apply(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                for sql in statements:
                    schema_editor.execute(sql)

        return apply

    return migrations.RunPython(run(forward), run(backward), elidable=False)
