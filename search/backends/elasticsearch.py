"""Elasticsearch, the scale-out backend, written with elasticsearch-dsl.

- A Document with a French analyzer: elision, lowercase, asciifolding, French stop words,
  French (light) stemmer; a folding analyzer (no stemming) for autocomplete and "did you mean".
- Facets as terms aggregations, highlight with <mark> (HTML-encoded), a search_as_you_type
  field (titles) and a completion field (themes and tags) for autocomplete, fuzziness for typos,
  a term suggester for "did you mean".
- Bulk indexing; a rebuild writes a new concrete index then swaps the alias atomically.
Any transport error becomes BackendUnavailable: the site then answers from the database.
"""

import contextlib
import logging
import time
from datetime import UTC, datetime

from elasticsearch import Elasticsearch, helpers
from elasticsearch import exceptions as es_exceptions
from elasticsearch_dsl import (
    Completion,
    Date,
    Document,
    Integer,
    Keyword,
    SearchAsYouType,
    Text,
    analyzer,
    token_filter,
)

from ..query import (
    ALTERNATIVE_FACETS,
    FACET_VALUES_MAX,
    FACETS,
    FACETS_BY_VALUE_DESCENDING,
    HIT_FACETS,
    FacetValue,
    Hit,
    SearchResult,
    Suggestion,
    parse,
)
from ..text import fold, fold_word, words
from . import base

logger = logging.getLogger("praxis.search")

FACET_SEPARATOR = "\u241f"  # between a facet value and its label in the *_facet fields
REQUEST_TIMEOUT = 3

french_elision = token_filter(
    "praxis_french_elision",
    type="elision",
    articles_case=True,
    articles=["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
)
french_stop = token_filter("praxis_french_stop", type="stop", stopwords="_french_")
french_stemmer = token_filter("praxis_french_stemmer", type="stemmer", language="light_french")

FRENCH_ANALYZER = analyzer(
    "praxis_french",
    tokenizer="standard",
    # Stop words before folding: the _french_ list is written with accents ("été", "êtes").
    filter=[french_elision, "lowercase", french_stop, "asciifolding", french_stemmer],
)
FOLDING_ANALYZER = analyzer(
    "praxis_folding", tokenizer="standard", filter=[french_elision, "lowercase", "asciifolding"]
)

# Field boosts of the full-text query: title > summary > themes and tags > body > attachments.
BOOSTS = {"title": 5, "summary": 3, "themes": 2, "tags": 2, "body": 1, "attachments": 0.5}
# As on the database backends, the pages with a word of the query in one of these fields rank
# first: a constant above any BM25 score makes it a tier, not a weight.
HEAD_FIELDS = ("title", "summary", "themes", "tags")
HEAD_TIER_BOOST = 10_000
HIGHLIGHT_FIELDS = ("summary", "body", "attachments")


def _value_and_label(key):
    """(value, label) of a "value␟label" entry of a *_facet field."""
    value, _sep, label = key.partition(FACET_SEPARATOR)
    return value, label or value


def _facet_values(facet, buckets, selected_buckets, chosen):
    """The values of a facet: its most frequent ones, then any selected value they leave out,
    counted by the "selected" aggregation (0 and labelled with its value when no page has it),
    as the database backends show them. Selected values are marked.

    At equal counts, by label as on the database backends: Elasticsearch orders them by key,
    "intercommunality" before "public_body" where « Établissement public » comes before
    « Intercommunalité ». Years stay the most recent first."""
    values = [FacetValue(*_value_and_label(b["key"]), b["doc_count"]) for b in buckets]
    if facet not in FACETS_BY_VALUE_DESCENDING:
        values.sort(key=lambda v: (-v.count, fold_word(v.label), v.value))
    for value in values:
        value.selected = value.value in chosen
    shown = {value.value for value in values}
    counted = {}  # value → (count, label): the terms of a value under any label add up
    for bucket in selected_buckets:
        value, label = _value_and_label(bucket["key"])
        count, first_label = counted.get(value, (0, label))
        counted[value] = (count + bucket["doc_count"], first_label)
    for value in chosen:
        if value not in shown:
            shown.add(value)
            count, label = counted.get(value, (0, value))
            values.append(FacetValue(value, label, count, selected=True))
    return values


def _datetime(value):
    """A hit's date as the database backends give it: a datetime (None when undated)."""
    return datetime.fromisoformat(value) if value else None


def _relevance(score):
    """A hit's relevance within its tier: its score without the first tiers' constants (BM25
    stays far below HEAD_TIER_BOOST), as the database backends report it."""
    return round(float(score or 0) % HEAD_TIER_BOOST, 4)


class PraxisDocument(Document):
    page_id = Integer()
    type = Keyword()
    type_label = Keyword(index=False)
    title = Text(analyzer=FRENCH_ANALYZER, fields={"raw": Keyword()})
    summary = Text(analyzer=FRENCH_ANALYZER)
    body = Text(analyzer=FRENCH_ANALYZER)
    attachments = Text(analyzer=FRENCH_ANALYZER)
    themes = Text(analyzer=FRENCH_ANALYZER)
    tags = Text(analyzer=FRENCH_ANALYZER)
    # Facets: the value (filters) and "value␟label" (aggregations).
    theme = Keyword()
    tag = Keyword()
    region = Keyword()
    authority_type = Keyword()
    year = Keyword()
    category = Keyword()
    sector = Keyword()
    type_facet = Keyword()
    theme_facet = Keyword()
    tag_facet = Keyword()
    region_facet = Keyword()
    authority_type_facet = Keyword()
    year_facet = Keyword()
    category_facet = Keyword()
    sector_facet = Keyword()
    # Autocomplete and "did you mean".
    title_suggest = SearchAsYouType(analyzer=FOLDING_ANALYZER)
    taxonomy_suggest = Completion(analyzer=FOLDING_ANALYZER, preserve_separators=False)
    spell = Text(analyzer=FOLDING_ANALYZER)
    url = Keyword(index=False)
    date = Date()

    class Index:
        name = "praxis"
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


def index_definition():
    """The settings and mappings of a Praxis index (what the contract tests check)."""
    return PraxisDocument._index.to_dict()


def document_body(record):
    """The _source of a record."""
    source = {
        "page_id": record["page_id"],
        "type": record["type"],
        "type_label": record["type_label"],
        "title": record["title"],
        "summary": record["summary"],
        "body": record["body"],
        "attachments": record["attachments"],
        "themes": record["themes"],
        "tags": record["tags"],
        "title_suggest": record["title"],
        "taxonomy_suggest": [
            {"input": [label], "weight": 10 if facet == "theme" else 5}
            for facet, _value, label in record["facets"]
            if facet in ("theme", "tag")
        ],
        "spell": " ".join((record["title"], record["summary"], record["body"])),
        "url": record["url"],
        "date": record["date"].isoformat() if record.get("date") else None,
    }
    for facet in FACETS:
        values = [(v, label) for f, v, label in record["facets"] if f == facet]
        if facet != "type":
            source[facet] = [v for v, _label in values]
        source[f"{facet}_facet"] = [f"{v}{FACET_SEPARATOR}{label}" for v, label in values]
    return source


def _multi_match_fields():
    return [f"{name}^{boost}" for name, boost in BOOSTS.items()]


def build_search_body(query, parsed=None, mode="all"):
    """The request body of a search (query, filters, aggregations, highlight, suggest)."""
    parsed = parsed or parse(query.text)
    text = " ".join(parsed.words)
    must, must_not, filters = [], [], []
    operator = "and" if mode == "all" else "or"
    if text:
        must.append(
            {
                "bool": {
                    "should": [
                        {
                            "multi_match": {
                                "query": text,
                                "fields": _multi_match_fields(),
                                "type": "cross_fields",
                                "operator": operator,
                            }
                        },
                        {
                            "multi_match": {
                                "query": text,
                                "fields": _multi_match_fields(),
                                "type": "best_fields",
                                "operator": operator,
                                "fuzziness": "AUTO",
                                "prefix_length": 1,
                                "boost": 0.3,
                            }
                        },
                    ],
                    "minimum_should_match": 1,
                }
            }
        )
    phrase_clauses = [
        {"multi_match": {"query": " ".join(p), "fields": _multi_match_fields(), "type": "phrase"}}
        for p in parsed.phrases
    ]
    if mode == "all":
        must.extend(phrase_clauses)
    elif phrase_clauses:
        must = [{"bool": {"should": must + phrase_clauses, "minimum_should_match": 1}}]
    for word in parsed.excluded:
        must_not.append({"multi_match": {"query": word, "fields": list(BOOSTS)}})
    head_tier = [
        {
            "constant_score": {
                "filter": {"multi_match": {"query": words, "fields": list(HEAD_FIELDS), **kind}},
                "boost": HEAD_TIER_BOOST,
            }
        }
        for words, kind in [
            (text, {}),
            *((" ".join(p), {"type": "phrase"}) for p in parsed.phrases),
        ]
        if words
    ]
    # Alternative facets filter the hits only (post_filter): each aggregation applies the
    # filters of the other ones, so that a facet with a selection counts its other values too.
    alternatives = {}
    for facet, values in query.filters.items():
        if facet in ALTERNATIVE_FACETS:
            alternatives[facet] = {"terms": {facet: list(values)}}
        elif facet in FACETS:
            filters.extend({"term": {facet: value}} for value in values)
    per_page = max(1, min(int(query.per_page), 100))
    body = {
        "query": {
            "bool": {"must": must, "should": head_tier, "must_not": must_not, "filter": filters}
        },
        "from": (max(1, int(query.page)) - 1) * per_page,
        "size": per_page,
        "track_total_hits": True,
        "_source": [
            "page_id",
            "type",
            "type_label",
            "title",
            "url",
            "summary",
            "date",
            *(f"{facet}_facet" for facet in HIT_FACETS),
        ],
        "aggs": {
            facet: _facet_aggregation(facet, alternatives, query.filters.get(facet, ()))
            for facet in query.facets
            if facet in FACETS
        },
        "highlight": {
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
            "fragment_size": 200,
            "number_of_fragments": 1,
            "fields": {
                name: {"no_match_size": 200 if name == "summary" else 0}
                for name in HIGHLIGHT_FIELDS
            },
        },
    }
    if alternatives:
        body["post_filter"] = {"bool": {"filter": list(alternatives.values())}}
    if query.sort == "date":
        body["sort"] = [{"date": {"order": "desc"}}, "_score"]
    if parsed.words:
        body["suggest"] = {
            "text": text,
            "spelling": {
                "term": {
                    "field": "spell",
                    "suggest_mode": "missing",
                    "max_edits": 2,
                    "min_word_length": 4,
                }
            },
        }
    return body


def _facet_aggregation(facet, alternatives, selected=()):
    """The counts of a facet's values, within the filters of the alternative facets but its own:
    its most frequent values (the latest, for a facet listed by value: "values") and, when some
    are selected, those ("selected"), which the first ones may leave out, counted over the same
    set."""
    terms = {"terms": {"field": f"{facet}_facet", "size": FACET_VALUES_MAX}}
    if facet in FACETS_BY_VALUE_DESCENDING:  # "2015␟2015" before "2014␟2014"
        terms["terms"]["order"] = {"_key": "desc"}
    others = [clause for name, clause in alternatives.items() if name != facet]
    if not others and not selected:
        return terms
    aggs = {"values": terms}
    if selected:
        aggs["selected"] = _selected_values_aggregation(facet, selected)
    scope = {"bool": {"filter": others}} if others else {"match_all": {}}
    return {"filter": scope, "aggs": aggs}


def _selected_values_aggregation(facet, values):
    """The counts of the given values of a facet. A term of a *_facet field is "value␟label":
    a regular expression picks each value's terms whatever their label. min_doc_count 0 keeps a
    value that no page of the set has, with its label, if any page of the index has it; the
    size leaves room for a value indexed under two labels (renamed since some pages were)."""
    return {
        "terms": {
            "field": f"{facet}_facet",
            "include": "|".join(f"{_regexp_literal(value)}{FACET_SEPARATOR}.*" for value in values),
            "size": FACET_VALUES_MAX,
            "min_doc_count": 0,
        }
    }


def _regexp_literal(text):
    """A Lucene regular expression matching ``text`` only: every character but letters and
    digits escaped (a backslash before a letter can make a class: \\d, \\w)."""
    return "".join(char if char.isalnum() else f"\\{char}" for char in str(text))


def build_autocomplete_body(text, limit=10):
    return {
        "size": limit,
        "_source": ["title", "url", "type_label"],
        "query": {
            "multi_match": {
                "query": text,
                "type": "bool_prefix",
                "fields": ["title_suggest", "title_suggest._2gram", "title_suggest._3gram"],
            }
        },
        "suggest": {
            "taxonomy": {
                "prefix": text,
                "completion": {"field": "taxonomy_suggest", "skip_duplicates": True, "size": limit},
            }
        },
    }


class ElasticsearchBackend(base.SearchBackend):
    name = "elasticsearch"
    capabilities = frozenset(base.CAPABILITIES)  # every one

    def __init__(self, url, index_name="praxis", client=None):
        self.url = url
        self.alias = index_name
        self._client = client

    @property
    def client(self):
        if self._client is None:
            self._client = Elasticsearch(
                self.url, request_timeout=REQUEST_TIMEOUT, max_retries=0, retry_on_timeout=False
            )
        return self._client

    def _call(self, func, *args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (es_exceptions.ConnectionError, es_exceptions.TransportError) as error:
            raise base.BackendUnavailable(str(error)) from error
        except es_exceptions.ApiError as error:
            raise base.BackendUnavailable(
                f"{error.meta.status if error.meta else ''} {error}"
            ) from error
        except helpers.BulkIndexError as error:
            # Documents refused one by one (a read-only index, a full disk): not a transport
            # error, but the same for the page being published: the database index has it.
            first = error.errors[0] if error.errors else ""
            raise base.BackendUnavailable(f"{error} {first}") from error

    # --- reading ----------------------------------------------------------------------------

    def search(self, query):
        parsed = parse(query.text)
        if parsed.is_empty:
            return SearchResult(query=query, backend=self.name)
        response = self._call(
            self.client.search, index=self.alias, body=build_search_body(query, parsed)
        )
        result = self._result(query, response)
        if result.total == 0 and result.suggestion:
            corrected_query = type(query)(**{**vars(query), "text": result.suggestion})
            corrected = self._result(
                corrected_query,
                self._call(
                    self.client.search, index=self.alias, body=build_search_body(corrected_query)
                ),
            )
            if corrected.total:
                corrected.query, corrected.corrected = query, True
                corrected.suggestion = result.suggestion
                return corrected
        if result.total == 0 and len(parsed.positive_terms) > 1:
            response = self._call(
                self.client.search,
                index=self.alias,
                body=build_search_body(query, parsed, mode="any"),
            )
            any_result = self._result(query, response)
            if any_result.total:
                any_result.any_words = True
                any_result.suggestion = result.suggestion
                return any_result
        return result

    def _result(self, query, response):
        result = SearchResult(query=query, backend=self.name)
        result.total = response["hits"]["total"]["value"]
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            highlight = hit.get("highlight", {})
            snippet = next((highlight[f][0] for f in HIGHLIGHT_FIELDS if highlight.get(f)), "")
            result.hits.append(
                Hit(
                    page_id=source["page_id"],
                    type=source["type"],
                    type_label=source.get("type_label", ""),
                    title=source["title"],
                    url=source.get("url", ""),
                    summary=source.get("summary", ""),
                    snippet=snippet,
                    score=_relevance(hit.get("_score")),
                    date=_datetime(source.get("date")),
                    labels=[
                        _value_and_label(key)[1]
                        for facet in HIT_FACETS
                        for key in source.get(f"{facet}_facet", ())
                    ],
                )
            )
        for facet, agg in response.get("aggregations", {}).items():
            result.facets[facet] = _facet_values(
                facet,
                agg.get("values", agg)["buckets"],
                agg.get("selected", {}).get("buckets", ()),
                query.filters.get(facet, ()),
            )
        result.suggestion = self._suggestion(query.text, response.get("suggest", {}))
        return result

    @staticmethod
    def _suggestion(text, suggest):
        replacements = {}
        for entry in suggest.get("spelling", []):
            if entry.get("options"):
                replacements[entry["text"]] = entry["options"][0]["text"]
        if not replacements:
            return None
        suggestion = text
        for word in words(text):
            replacement = replacements.get(fold(word)) or replacements.get(word.lower())
            if replacement:
                suggestion = suggestion.replace(word, replacement, 1)
        return suggestion if suggestion != text else None

    def autocomplete(self, text, limit=10):
        text = " ".join(words(str(text or "")[:200]))
        if not text:
            return []
        response = self._call(
            self.client.search, index=self.alias, body=build_autocomplete_body(text, limit)
        )
        suggestions, seen = [], set()
        for option in response.get("suggest", {}).get("taxonomy", [{}])[0].get("options", []):
            label = option["text"]
            if fold(label) not in seen:
                seen.add(fold(label))
                suggestions.append(Suggestion(label=label, kind="taxonomy"))
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            label = source["title"]
            if fold(label) not in seen:
                seen.add(fold(label))
                suggestions.append(
                    Suggestion(
                        label=label,
                        kind="title",
                        url=source.get("url", ""),
                        detail=source.get("type_label", ""),
                    )
                )
        return suggestions[:limit]

    # --- writing ----------------------------------------------------------------------------

    def _actions(self, records, index):
        for record in records:
            if record:
                yield {"_index": index, "_id": record["page_id"], "_source": document_body(record)}

    def index(self, records):
        self._call(
            helpers.bulk, self.client, self._actions(records, self.alias), refresh="wait_for"
        )

    def remove(self, page_ids):
        actions = [
            {"_op_type": "delete", "_index": self.alias, "_id": page_id} for page_id in page_ids
        ]
        self._call(helpers.bulk, self.client, actions, raise_on_error=False, refresh="wait_for")

    def new_index_name(self):
        return f"{self.alias}-{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}"

    def rebuild(self, records):
        """Bulk-load a new index, then point the alias at it and drop the previous ones. If
        loading fails, the alias keeps the previous index and the new one is dropped."""
        started = time.monotonic()
        name = self.new_index_name()
        self._call(self.client.indices.create, index=name, body=index_definition())
        try:
            count, _errors = self._call(
                helpers.bulk, self.client, self._actions(records, name), chunk_size=500
            )
            self._call(self.client.indices.refresh, index=name)
        except base.BackendUnavailable:
            # The alias still points at the previous index, whole: drop the half-built one.
            with contextlib.suppress(base.BackendUnavailable):
                self._call(self.client.indices.delete, index=name, ignore_unavailable=True)
            raise
        self.swap_alias(name)
        return {"pages": count, "words": 0, "seconds": round(time.monotonic() - started, 2)}

    def alias_actions(self, new_index, old_indexes):
        return [{"remove": {"index": old, "alias": self.alias}} for old in old_indexes] + [
            {"add": {"index": new_index, "alias": self.alias}}
        ]

    def swap_alias(self, new_index):
        try:
            old = list(self._call(self.client.indices.get_alias, name=self.alias).keys())
        except base.BackendUnavailable:
            old = []
        if self._call(self.client.indices.exists, index=self.alias) and not old:
            # A concrete index named like the alias (from an old version): drop it.
            self._call(self.client.indices.delete, index=self.alias)
        self._call(
            self.client.indices.update_aliases, body={"actions": self.alias_actions(new_index, old)}
        )
        for index in old:
            if index != new_index:
                self._call(self.client.indices.delete, index=index, ignore_unavailable=True)

    def clear(self):
        self.rebuild([])
