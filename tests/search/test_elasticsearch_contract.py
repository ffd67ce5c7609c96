"""Contract tests of the Elasticsearch backend: the index definition and the request bodies it
sends (no Elasticsearch server here; test_elasticsearch_live.py runs against a real one)."""

import logging
import re
from datetime import UTC, datetime

import pytest
from django.utils import translation
from elasticsearch import helpers

from search.backends import FallbackBackend, get_backend, reset_cache
from search.backends.elasticsearch import (
    HEAD_TIER_BOOST,
    ElasticsearchBackend,
    build_autocomplete_body,
    build_search_body,
    document_body,
    index_definition,
)
from search.query import SearchQuery


@pytest.fixture
def definition():
    return index_definition()


def test_french_analyzer_chain(definition):
    analysis = definition["settings"]["analysis"]
    french = analysis["analyzer"]["praxis_french"]
    assert french["tokenizer"] == "standard"
    chain = [analysis["filter"].get(f, {"type": f}).get("type", f) for f in french["filter"]]
    assert chain == ["elision", "lowercase", "stop", "asciifolding", "stemmer"]
    filters = analysis["filter"]
    assert {"l", "d", "qu", "j", "n", "s", "c", "m", "t"} <= set(
        filters["praxis_french_elision"]["articles"]
    )
    assert filters["praxis_french_stop"]["stopwords"] == "_french_"
    assert filters["praxis_french_stemmer"]["language"] in ("french", "light_french")
    folding = analysis["analyzer"]["praxis_folding"]["filter"]
    assert "asciifolding" in folding and "lowercase" in folding


def test_mapping(definition):
    properties = definition["mappings"]["properties"]
    for field in ("title", "summary", "body", "attachments", "themes", "tags"):
        assert properties[field] == {
            **properties[field],
            "type": "text",
            "analyzer": "praxis_french",
        }
    assert properties["title_suggest"]["type"] == "search_as_you_type"
    assert properties["taxonomy_suggest"]["type"] == "completion"
    for facet in ("type", "theme", "tag", "region", "authority_type", "year"):
        assert properties[f"{facet}_facet"]["type"] == "keyword"
    assert properties["url"]["index"] is False


def test_boosts_order_title_summary_taxonomy_body_attachments():
    body = build_search_body(SearchQuery(text="budgets participatifs"))
    clauses = body["query"]["bool"]["must"][0]["bool"]["should"]
    boosts = dict(f.split("^") for f in clauses[0]["multi_match"]["fields"])
    boosts = {k: float(v) for k, v in boosts.items()}
    assert boosts["title"] > boosts["summary"] > boosts["themes"] == boosts["tags"]
    assert boosts["tags"] > boosts["body"] > boosts["attachments"]
    assert clauses[0]["multi_match"]["operator"] == "and"
    assert clauses[1]["multi_match"]["fuzziness"] == "AUTO"


def test_pages_naming_the_query_in_their_title_summary_or_taxonomy_form_a_first_tier():
    body = build_search_body(SearchQuery(text='concertation "budget participatif" -ville'))
    tiers = body["query"]["bool"]["should"]
    assert [t["constant_score"]["filter"]["multi_match"]["query"] for t in tiers] == [
        "concertation",
        "budget participatif",
    ]
    assert tiers[1]["constant_score"]["filter"]["multi_match"]["type"] == "phrase"
    for tier in tiers:
        assert set(tier["constant_score"]["filter"]["multi_match"]["fields"]) == {
            "title",
            "summary",
            "themes",
            "tags",
        }
        # above any BM25 score (a handful of words, each boosted at most 5 times)
        assert tier["constant_score"]["boost"] >= 1000


def test_any_words_mode_uses_or():
    body = build_search_body(SearchQuery(text="budget lycées"), mode="any")
    clauses = body["query"]["bool"]["must"][0]["bool"]["should"]
    assert {c["multi_match"]["operator"] for c in clauses} == {"or"}


def test_phrase_exclusion_and_filters():
    query = SearchQuery(text='"conseil citoyen" -quartier', filters={"theme": ["evaluation"]})
    body = build_search_body(query)["query"]["bool"]
    assert body["must"][0]["multi_match"]["type"] == "phrase"
    assert body["must"][0]["multi_match"]["query"] == "conseil citoyen"
    assert body["must_not"][0]["multi_match"]["query"] == "quartier"
    assert body["filter"] == [{"term": {"theme": "evaluation"}}]


def test_a_facet_with_no_value_chosen_filters_nothing():
    body = build_search_body(SearchQuery(text="budget", filters={"type": [], "theme": []}))
    assert body["query"]["bool"]["filter"] == []
    assert "post_filter" not in body


def test_alternative_facets_filter_the_hits_and_every_other_facets_counts():
    """Two types are either of them, in post_filter: the type aggregation ignores it, every
    other aggregation applies it; themes stay in the query (both of them)."""
    query = SearchQuery(
        text="budget",
        filters={"type": ["experiencepage", "charterpage"], "region": ["bretagne"], "theme": ["a"]},
    )
    body = build_search_body(query)
    types = {"terms": {"type": ["experiencepage", "charterpage"]}}
    regions = {"terms": {"region": ["bretagne"]}}
    assert body["query"]["bool"]["filter"] == [{"term": {"theme": "a"}}]
    assert body["post_filter"] == {"bool": {"filter": [types, regions]}}
    aggs = body["aggs"]
    assert aggs["type"]["filter"] == {"bool": {"filter": [regions]}}
    assert aggs["region"]["filter"] == {"bool": {"filter": [types]}}
    assert aggs["theme"]["filter"] == {"bool": {"filter": [types, regions]}}
    for facet in ("type", "region", "theme"):
        assert aggs[facet]["aggs"]["values"]["terms"]["field"] == f"{facet}_facet"
    assert "post_filter" not in build_search_body(SearchQuery(text="budget"))


def test_counts_of_a_filtered_aggregation_are_read():
    backend = ElasticsearchBackend("http://127.0.0.1:9")
    query = SearchQuery(text="budget", filters={"type": ["experiencepage"]})
    response = {
        "hits": {"total": {"value": 2, "relation": "eq"}, "hits": []},
        "aggregations": {
            "type": {"buckets": [{"key": "experiencepage␟Fiche d'expérience", "doc_count": 2}]},
            "theme": {
                "doc_count": 2,
                "values": {"buckets": [{"key": "jeunesse␟Jeunesse", "doc_count": 1}]},
            },
        },
    }
    result = backend._result(query, response)
    assert [(v.value, v.label, v.count, v.selected) for v in result.facets["type"]] == [
        ("experiencepage", "Fiche d'expérience", 2, True)
    ]
    assert [(v.value, v.count) for v in result.facets["theme"]] == [("jeunesse", 1)]


def test_aggregations_highlight_and_suggest():
    body = build_search_body(SearchQuery(text="concertaton", page=3, per_page=10))
    assert body["from"] == 20 and body["size"] == 10
    assert body["track_total_hits"] is True
    for facet in ("type", "theme", "tag", "region", "authority_type", "year"):
        assert body["aggs"][facet]["terms"]["field"] == f"{facet}_facet"
    highlight = body["highlight"]
    assert highlight["pre_tags"] == ["<mark>"] and highlight["post_tags"] == ["</mark>"]
    assert highlight["encoder"] == "html"
    assert set(highlight["fields"]) == {"summary", "body", "attachments"}
    assert body["suggest"]["spelling"]["term"]["field"] == "spell"
    assert {"region_facet", "year_facet"} <= set(body["_source"])  # where and when, per hit


def test_autocomplete_body():
    body = build_autocomplete_body("democr", 10)
    assert body["size"] == 10
    assert body["query"]["multi_match"]["type"] == "bool_prefix"
    assert "title_suggest._2gram" in body["query"]["multi_match"]["fields"]
    assert "type_label" in body["_source"]  # shown beside each title
    completion = body["suggest"]["taxonomy"]["completion"]
    assert completion["field"] == "taxonomy_suggest" and completion["skip_duplicates"]


def test_alias_swap_is_one_atomic_action():
    backend = ElasticsearchBackend("http://127.0.0.1:9", index_name="praxis")
    actions = backend.alias_actions("praxis-2", ["praxis-1"])
    assert actions == [
        {"remove": {"index": "praxis-1", "alias": "praxis"}},
        {"add": {"index": "praxis-2", "alias": "praxis"}},
    ]
    assert backend.new_index_name().startswith("praxis-")


def test_document_body():
    record = {
        "page_id": 7,
        "type": "experiencepage",
        "type_label": "fiche d'expérience",
        "title": "Budget participatif",
        "summary": "Résumé",
        "body": "Corps",
        "attachments": "PDF",
        "themes": "Budget",
        "tags": "lycées",
        "url": "/experiences/budget/",
        "date": None,
        "facets": [
            ("type", "experiencepage", "Fiche d'expérience"),
            ("theme", "budget", "Budget"),
            ("tag", "lycees", "lycées"),
            ("year", "2014", "2014"),
        ],
    }
    source = document_body(record)
    assert source["theme"] == ["budget"] and source["theme_facet"] == ["budget\u241fBudget"]
    assert source["year"] == ["2014"]
    assert [s["input"] for s in source["taxonomy_suggest"]] == [["Budget"], ["lycées"]]
    assert source["title_suggest"] == "Budget participatif"


def test_unreachable_elasticsearch_falls_back_to_the_database(
    client, settings, caplog, make_experience, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_experience(title="La démocratie des élus locaux")
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    reset_cache()
    assert isinstance(get_backend(), FallbackBackend)
    with caplog.at_level(logging.WARNING, logger="praxis.search"):
        response = client.get("/api/search/", {"q": "élus"})
        autocomplete = client.get("/api/search/autocomplete/", {"q": "democr"})
        page = client.get("/recherche/", {"q": "élus"})
    assert response.status_code == 200 and response.json()["count"] > 0
    assert autocomplete.status_code == 200 and autocomplete.json()["suggestions"]
    assert page.status_code == 200
    assert "ne répond pas" in caplog.text


def test_a_response_becomes_a_result_with_scores_within_their_tier():
    """Read as Elasticsearch answers (response shape of its search API): a hit of the first tier
    reports its relevance, not the tier's constant."""
    backend = ElasticsearchBackend("http://127.0.0.1:9")
    query = SearchQuery(text="budget", filters={"region": ["hauts-de-france"]})

    def hit(page_id, score, highlight, **facets):
        source = {"page_id": page_id, "type": "experiencepage", "title": f"Page {page_id}"}
        source["date"] = "2014-11-18T09:30:00+00:00" if page_id == 1 else None
        return {"_score": score, "_source": {**source, **facets}, "highlight": highlight}

    response = {
        "hits": {
            "total": {"value": 3, "relation": "eq"},
            "hits": [
                hit(1, HEAD_TIER_BOOST + 12.5, {"body": ["le <mark>budget</mark>"]}),
                hit(2, 2 * HEAD_TIER_BOOST + 3.25, {"summary": ["un <mark>budget</mark>"]}),
                hit(
                    3,
                    7.5,
                    {},
                    region_facet=["bretagne\u241fBretagne"],
                    year_facet=["2014\u241f2014", "2015\u241f2015"],
                ),
            ],
        },
        "aggregations": {
            "region": {"buckets": [{"key": "hauts-de-france\u241fHauts-de-France", "doc_count": 3}]}
        },
    }
    result = backend._result(query, response)
    assert result.total == 3
    assert [h.score for h in result.hits] == [12.5, 3.25, 7.5]
    assert [h.date for h in result.hits] == [datetime(2014, 11, 18, 9, 30, tzinfo=UTC), None, None]
    assert [h.labels for h in result.hits] == [[], [], ["Bretagne", "2014", "2015"]]
    assert [h.snippet for h in result.hits] == [
        "le <mark>budget</mark>",
        "un <mark>budget</mark>",
        "",
    ]
    [region] = result.facets["region"]
    assert (region.value, region.label, region.count, region.selected) == (
        "hauts-de-france",
        "Hauts-de-France",
        3,
        True,
    )


def test_facet_values_at_equal_counts_follow_their_labels_as_on_the_database():
    """Elasticsearch gives equal counts in the order of their keys; the result lists them by
    label, as the database backends do, and years the most recent first."""
    backend = ElasticsearchBackend("http://127.0.0.1:9")

    def buckets(*entries):
        return {
            "buckets": [{"key": f"{v}\u241f{label}", "doc_count": n} for v, label, n in entries]
        }

    response = {
        "hits": {"total": {"value": 9, "relation": "eq"}, "hits": []},
        "aggregations": {
            "authority_type": buckets(
                ("commune", "Commune", 5),
                ("intercommunality", "Intercommunalité", 2),
                ("public_body", "Établissement public", 2),
                ("region", "Région", 2),
            ),
            "year": buckets(("2015", "2015", 1), ("2014", "2014", 3)),
        },
    }
    with translation.override("fr"):
        result = backend._result(SearchQuery(text="budget"), response)
    assert [v.label for v in result.facets["authority_type"]] == [
        "Commune",
        "Établissement public",
        "Intercommunalité",
        "Région",
    ]
    assert [v.value for v in result.facets["year"]] == ["2015", "2014"]


def test_documents_refused_by_elasticsearch_do_not_stop_a_publication(
    settings, caplog, monkeypatch, make_experience, django_capture_on_commit_callbacks
):
    """Elasticsearch answers, but refuses the documents (a read-only index, a full disk): the
    page is published and found through the database backend, and a warning is logged."""

    def refuse(client, actions, **options):
        list(actions)
        error = {"index": {"status": 429, "error": {"type": "cluster_block_exception"}}}
        raise helpers.BulkIndexError("1 document(s) failed to index.", [error])

    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    reset_cache()
    monkeypatch.setattr(helpers, "bulk", refuse)
    with (
        caplog.at_level(logging.WARNING, logger="praxis.search"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        page = make_experience(title="Le budget participatif des lycées")
    assert page.live
    assert "cluster_block_exception" in caplog.text
    settings.ELASTICSEARCH_URL = ""
    reset_cache()
    result = get_backend().search(SearchQuery(text="lycées"))
    assert [hit.page_id for hit in result.hits] == [page.pk]


def test_selected_values_are_counted_beside_the_most_frequent_ones():
    """A selected value may be beyond the most frequent values of its facet: a "selected"
    aggregation counts it, in the same set as the others (an alternative facet without its own
    filter, the other facets within every filter); its terms are "value␟label", the value
    escaped in the regular expression."""
    query = SearchQuery(
        text="budget", filters={"region": ["corse"], "theme": ["vie-locale", "a.b"]}
    )
    aggs = build_search_body(query)["aggs"]
    regions = {"terms": {"region": ["corse"]}}
    assert aggs["region"] == {
        "filter": {"match_all": {}},
        "aggs": {
            "values": {"terms": {"field": "region_facet", "size": 100}},
            "selected": {
                "terms": {
                    "field": "region_facet",
                    "include": "corse\u241f.*",
                    "size": 100,
                    "min_doc_count": 0,
                }
            },
        },
    }
    assert aggs["theme"]["filter"] == {"bool": {"filter": [regions]}}
    include = aggs["theme"]["aggs"]["selected"]["terms"]["include"]
    assert include == "vie\\-locale\u241f.*|a\\.b\u241f.*"
    assert re.fullmatch(include, "a.b\u241fA point B")
    assert not re.fullmatch(include, "axb\u241fA x B")
    assert not re.fullmatch(include, "vie-locale-2\u241fVie locale 2")
    for facet in ("type", "tag", "year"):  # nothing selected there
        assert set(aggs[facet]["aggs"]) == {"values"}


def test_without_a_selection_a_facet_is_its_most_frequent_values_only():
    aggs = build_search_body(SearchQuery(text="budget"))["aggs"]
    assert set(aggs) == {
        "type",
        "theme",
        "tag",
        "region",
        "authority_type",
        "year",
        "category",
        "sector",
    }
    for facet, agg in aggs.items():
        if facet == "year":  # the most recent first, as on the database backends
            assert agg == {"terms": {"field": "year_facet", "size": 100, "order": {"_key": "desc"}}}
        else:
            assert agg == {"terms": {"field": f"{facet}_facet", "size": 100}}
    themed = build_search_body(SearchQuery(text="budget", filters={"theme": ["jeunesse"]}))
    assert "selected" not in themed["aggs"]["tag"] and "terms" in themed["aggs"]["tag"]


def test_selected_values_beyond_the_most_frequent_ones_are_read_with_their_counts():
    """Read as Elasticsearch 8 answers the body of that query: a selected region beyond the
    top values, another that no page of the search has (min_doc_count 0: its term, counted 0),
    a third in no page at all (no bucket), and a selected theme among the top values."""
    backend = ElasticsearchBackend("http://127.0.0.1:9")
    query = SearchQuery(
        text="budget",
        filters={"region": ["corse", "guyane", "atlantide"], "theme": ["jeunesse"]},
        facets=("region", "theme"),
    )
    aggs = build_search_body(query)["aggs"]
    assert set(aggs["region"]["aggs"]) == set(aggs["theme"]["aggs"]) == {"values", "selected"}

    def terms(*buckets, other=0):
        return {
            "doc_count_error_upper_bound": 0,
            "sum_other_doc_count": other,
            "buckets": [{"key": key, "doc_count": count} for key, count in buckets],
        }

    response = {
        "took": 4,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": 1, "relation": "eq"}, "max_score": None, "hits": []},
        "aggregations": {
            "region": {
                "doc_count": 57,
                "values": terms(
                    ("bretagne\u241fBretagne", 31),
                    ("hauts-de-france\u241fHauts-de-France", 25),
                    other=1,
                ),
                "selected": terms(("corse\u241fCorse", 1), ("guyane\u241fGuyane", 0)),
            },
            "theme": {
                "doc_count": 1,
                "values": terms(("budget\u241fBudget", 1), ("jeunesse\u241fJeunesse", 1)),
                "selected": terms(("jeunesse\u241fJeunesse", 1)),
            },
        },
    }
    result = backend._result(query, response)
    assert [(v.value, v.label, v.count, v.selected) for v in result.facets["region"]] == [
        ("bretagne", "Bretagne", 31, False),
        ("hauts-de-france", "Hauts-de-France", 25, False),
        ("corse", "Corse", 1, True),
        ("guyane", "Guyane", 0, True),
        ("atlantide", "atlantide", 0, True),
    ]
    assert [(v.value, v.count, v.selected) for v in result.facets["theme"]] == [
        ("budget", 1, False),
        ("jeunesse", 1, True),
    ]
