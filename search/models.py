"""The search store: one flat record per live public page, with its facets and vocabularies.

The engine-specific index lives next to it: an FTS5 table (``search_fts``) on SQLite, the
``DocumentVector`` table on PostgreSQL, an index on Elasticsearch.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    type = models.CharField(max_length=100)  # model name, e.g. "experiencepage"
    type_label = models.CharField(max_length=255)
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    attachments = models.TextField(blank=True)
    themes = models.TextField(blank=True)
    tags = models.TextField(blank=True)
    url = models.CharField(max_length=2048, blank=True)
    date = models.DateTimeField(null=True, blank=True, db_index=True)
    region = models.CharField(max_length=64, blank=True)
    authority_type = models.CharField(max_length=64, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    category = models.CharField(max_length=8, blank=True)
    sector = models.CharField(max_length=64, blank=True)
    document_ids = models.CharField(max_length=1000, blank=True)  # attached documents: "1 5 7"
    indexed_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.title


class DocumentVector(models.Model):
    """PostgreSQL's full-text index of a document (empty on other databases).

    A narrow table of its own, so that ranking reads small rows that stay in memory:
    ``match_vector`` (the whole weighted text, TOASTed) is matched through its GIN index
    (migration 0006); ``rank_vector`` (title, summary, taxonomy and the opening of the body,
    kept in the row) feeds ts_rank_cd. Ranking on the full vector would detoast ~5 KB a match:
    a second for a word found in 40,000 pages.
    """

    document = models.OneToOneField(
        SearchDocument, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    match_vector = SearchVectorField()
    rank_vector = SearchVectorField()

    def __str__(self):
        return str(self.document_id)


class SearchFacet(models.Model):
    """One facet value of a document (a document has one row per theme, tag, …)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=32)
    value = models.CharField(max_length=255)
    label = models.CharField(max_length=255)

    class Meta:
        indexes = [
            models.Index(fields=["facet", "value", "document"], name="search_facet_value_idx"),
            models.Index(fields=["document", "facet", "value"], name="search_facet_doc_idx"),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class SearchTerm(models.Model):
    """A word of the indexed pages and the number of pages using it ("did you mean")."""

    word = models.CharField(max_length=64, unique=True)  # lowercase, as written
    folded = models.CharField(max_length=64, db_index=True)  # lowercase without accents
    doc_count = models.PositiveIntegerField(default=0)
    # The change-log position (SearchChange id) of the write that last changed ``doc_count``;
    # null when written by a rebuild. In-memory vocabularies read only the words changed since
    # the position they saw (search.vocabulary).
    change_position = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)

    def __str__(self):
        return self.word


class AutocompleteEntry(models.Model):
    """A title, theme or tag offered by autocomplete."""

    kind = models.CharField(max_length=8)  # "title", "theme", "tag"
    key = models.CharField(max_length=255)  # page id, theme slug, tag slug
    label = models.CharField(max_length=255)
    url = models.CharField(max_length=2048, blank=True)
    doc_count = models.PositiveIntegerField(default=0)
    detail = models.CharField(max_length=255, blank=True)  # a title's content type

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="search_autocomplete_unique")
        ]

    def __str__(self):
        return self.label


class AutocompleteToken(models.Model):
    entry = models.ForeignKey(AutocompleteEntry, on_delete=models.CASCADE, related_name="tokens")
    kind = models.CharField(max_length=8, default="title")  # the entry's, for the index below
    token = models.CharField(max_length=64)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["kind", "token", "entry"], name="search_ac_kind_token_idx")]

    def __str__(self):
        return self.token


class ExtractedText(models.Model):
    """Text extracted from a Wagtail document (PDF), kept while the file does not change."""

    document_id = models.PositiveIntegerField(unique=True)
    file_hash = models.CharField(max_length=64, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    text = models.TextField(blank=True)

    def __str__(self):
        return self.file_name


class SearchChange(models.Model):
    """The log of index writes, so that each process refreshes its in-memory facet postings
    (search.facets) with only what changed. ``page_id`` 0 means "everything changed"."""

    page_id = models.PositiveIntegerField()
    token = models.CharField(max_length=32)

    def __str__(self):
        return f"{self.pk}: {self.page_id}"


class MissedWrite(models.Model):
    """A page whose change a backend besides the database's own did not receive (Elasticsearch
    did not answer). While a backend has missed writes, the database answers the searches in
    its place (an unpublished page must not show); the next write to it, or
    ``search_index catch-up``, first replays them from the pages as they are then."""

    backend = models.CharField(max_length=32)
    page_id = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["backend", "page_id"], name="search_missed_write_idx")]

    def __str__(self):
        return f"{self.backend}: {self.page_id}"
