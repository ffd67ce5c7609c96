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
            # A title's key is its page id: the document is found through its primary key.
            "UPDATE search_autocompleteentry SET detail = COALESCE((SELECT d.type_label"
            " FROM search_searchdocument d WHERE d.page_id"
            " = CAST(search_autocompleteentry.key AS INTEGER)), '') WHERE kind = 'title'",
            migrations.RunSQL.noop,
        ),
    ]
