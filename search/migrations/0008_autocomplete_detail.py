from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0007_postgres_match_tiers"),
    ]

    operations = [
        migrations.AddField(
            model_name="autocompleteentry",
            name="detail",
            field=models.CharField(blank=True, max_length=255),
        ),
        # Titles already indexed take their page's content type from the stored document.
        migrations.RunSQL(
            "UPDATE search_autocompleteentry SET detail = COALESCE((SELECT d.type_label"
            " FROM search_searchdocument d WHERE CAST(d.page_id AS VARCHAR(20))"
            " = search_autocompleteentry.key), '') WHERE kind = 'title'",
            migrations.RunSQL.noop,
        ),
    ]
