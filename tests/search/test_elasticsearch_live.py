"""The Elasticsearch backend against a real server: set ELASTICSEARCH_URL to run it, e.g.

    docker compose up -d elasticsearch
    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/pytest -m elasticsearch_live tests/search

Skipped otherwise."""

import os
import uuid

import pytest

from search.backends.elasticsearch import ElasticsearchBackend
from search.documents import build_record, indexable_pages
from search.query import SearchQuery

from .test_acceptance import assert_filters_combine_as_their_facets_say, assert_head_tier_first

URL = os.environ.get("ELASTICSEARCH_URL", "")

pytestmark = [
    pytest.mark.elasticsearch_live,
    pytest.mark.skipif(not URL, reason="ELASTICSEARCH_URL n'est pas défini"),
    pytest.mark.usefixtures("demo_corpus"),
]


@pytest.fixture
def es(db):
    backend = ElasticsearchBackend(URL, index_name=f"praxis-test-{uuid.uuid4().hex[:8]}")
    counts = backend.rebuild(build_record(page) for page in indexable_pages())
    assert counts["pages"] > 0
    yield backend
    backend.client.indices.delete(index=f"{backend.alias}-*", ignore_unavailable=True)


def _search(es, text, per_page=50, **filters):
    return es.search(SearchQuery(text=text, per_page=per_page, filters=filters))


def test_acceptance_queries(es):
    top = [h.title for h in _search(es, "budgets participatifs lycées").hits[:3]]
    assert "Budget participatif des lycées de la Région Nord-Pas-de-Calais" in top
    elus = _search(es, "élus")
    assert elus.total > 0
    assert [h.page_id for h in elus.hits] == [h.page_id for h in _search(es, "elus").hits]
    assert _search(es, "l'évaluation").total == _search(es, "évaluation").total > 0
    typo = _search(es, "concertaton")
    assert typo.total > 0 or typo.suggestion == "concertation"
    assert any("<mark>" in h.snippet for h in elus.hits)


def test_pages_naming_the_word_in_their_title_summary_or_taxonomy_rank_first(es):
    assert_head_tier_first(_search(es, "concertation"), "concert")


def test_facet_counts_equal_filtered_sizes(es):
    result = _search(es, "participation")
    for facet, values in result.facets.items():
        for value in values[:5]:
            assert _search(es, "participation", **{facet: [value.value]}).total == value.count


def test_values_of_a_type_or_region_are_alternatives_and_themes_add_up(es):
    assert_filters_combine_as_their_facets_say(
        lambda text, **filters: _search(es, text, per_page=100, **filters)
    )


def test_a_selected_value_beyond_the_most_frequent_ones_is_shown_with_its_count(es, monkeypatch):
    """As on the database backend: a facet lists its most frequent values, then any selected one
    they leave out, marked, with its count (a region: over the search without the region
    filter; a tag: over the filtered search)."""
    from search.backends import elasticsearch

    everything = _search(es, "participation")
    regions, tags = everything.facets["region"], everything.facets["tag"]
    assert len(regions) > 3 and len(tags) > 3
    monkeypatch.setattr(elasticsearch, "FACET_VALUES_MAX", 3)
    least = regions[-1]
    shown = _search(es, "participation", region=[least.value]).facets["region"]
    assert [(v.value, v.selected) for v in shown[:3]] == [(v.value, False) for v in regions[:3]]
    assert [(v.value, v.label, v.count, v.selected) for v in shown[3:]] == [
        (least.value, least.label, least.count, True)
    ]
    tag = tags[-1].value
    filtered = _search(es, "participation", tag=[tag])
    assert [(v.value, v.count) for v in filtered.facets["tag"] if v.selected] == [
        (tag, filtered.total)
    ]


def test_autocomplete(es):
    suggestions = es.autocomplete("democr")
    assert 0 < len(suggestions) <= 10
    assert any("démocratie" in s.label.lower() for s in suggestions)
    assert "fiche de poste" in {s.detail for s in suggestions if s.kind == "title"}


def test_rebuild_swaps_the_alias(es):
    before = set(es.client.indices.get_alias(name=es.alias))
    es.rebuild(build_record(page) for page in indexable_pages())
    after = set(es.client.indices.get_alias(name=es.alias))
    assert len(after) == 1 and after != before


def test_a_failed_rebuild_keeps_the_previous_index_and_leaves_nothing_behind(es):
    from search.backends import BackendUnavailable

    before = set(es.client.indices.get_alias(name=es.alias))
    records = [build_record(page) for page in indexable_pages()]
    refused = {**records[0], "page_id": "pas un nombre"}  # refused by the integer field
    with pytest.raises(BackendUnavailable):
        es.rebuild([*records, refused])
    assert set(es.client.indices.get_alias(name=es.alias)) == before
    assert set(es.client.indices.get(index=f"{es.alias}-*")) == before
    assert _search(es, "élus").total > 0
