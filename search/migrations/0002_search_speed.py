# Faceted search at 10,000 challenges (`make bench`): indexes and statistics, no data change.

from django.db import migrations, models

# PostgreSQL only. (1) Wagtail's database backend matches `(title || body) @@ query` on its index
# entries; it has GIN indexes on title and on body, which that expression cannot use, so every
# full-text search read every entry. (2) Facet filters test (facet, value) pairs; the two columns
# are strongly correlated, and without multivariate statistics PostgreSQL underestimated them
# up to 20-fold and chose nested loops that took seconds.
POSTGRESQL_FORWARD = [
    "CREATE INDEX IF NOT EXISTS search_indexentry_title_body_gin "
    "ON wagtailsearch_indexentry USING gin ((title || body))",
    "CREATE STATISTICS IF NOT EXISTS search_facet_value_stats (mcv, dependencies, ndistinct) "
    "ON facet, value FROM search_searchfacet",
    "ANALYZE search_searchfacet",
    "ANALYZE wagtailsearch_indexentry",
]
POSTGRESQL_BACKWARD = [
    "DROP STATISTICS IF EXISTS search_facet_value_stats",
    "DROP INDEX IF EXISTS search_indexentry_title_body_gin",
]


def run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("challenges", "0003_seed_taxonomy"),
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["audience", "page"], name="search_doc_audience_page"),
        ),
        migrations.RunPython(
            run_on_postgresql(POSTGRESQL_FORWARD), run_on_postgresql(POSTGRESQL_BACKWARD)
        ),
    ]
